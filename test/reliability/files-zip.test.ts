// Issue 8 §1, §3, §4 for the official zip: damaged and hostile zips, built byte by byte, are
// refused with a YaohaoError naming the file inside the zip (never another error, never a hang).
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { commitPool, createPool, isYaohaoError, presets, readOfficialZip, type Issue } from '../../src/index';
import { buildZip, officialHeader, officialZip, partRows, type ZipFileSpec } from '../support/zipBytes';

const HEADER = 'bjPersonCommonNumberPeriod202406.csv';
const PART1 = 'bjPersonCommonApplyNumber202406_0001.csv';
// Weights 2, 1, 2: entries A B C A C.
const CODES = ['1000000000001', '1000000000002', '1000000000003', '1000000000001', '1000000000003'];

async function refusal(bytes: Uint8Array): Promise<Issue> {
  try {
    await readOfficialZip(bytes);
  } catch (error) {
    expect(isYaohaoError(error), String(error)).toBe(true);
    return (error as { issues: Issue[] }).issues[0]!;
  }
  throw new Error('the zip was accepted');
}

const files = (part: Partial<ZipFileSpec> = {}, header: Partial<ZipFileSpec> = {}): ZipFileSpec[] => [
  { name: HEADER, content: officialHeader(CODES.length), ...header },
  { name: PART1, content: partRows(CODES), ...part },
];

describe('a well-formed official zip', () => {
  it('is read, stored or deflated, in folders, with CRLF, a BOM and a data descriptor', async () => {
    const expected = commitPool(
      createPool(
        [
          { code: '1000000000001', weight: 2 },
          { code: '1000000000002', weight: 1 },
          { code: '1000000000003', weight: 2 },
        ],
        { policy: presets.explicit },
      ),
    );
    const variants = [
      officialZip(CODES),
      officialZip(CODES, { method: 8 }),
      buildZip(files({ name: `a/b/${PART1}`, content: `\uFEFF${partRows(CODES).replaceAll('\n', '\r\n')}` })),
      buildZip(files({ dataDescriptor: true, method: 8 })),
      buildZip([{ name: 'a/', content: '' }, ...files()]),
    ];
    for (const zip of variants) {
      const read = await readOfficialZip(zip);
      expect(commitPool(read.pool)).toEqual(expected);
      expect(read).toMatchObject({ entries: 5, bytes: zip.length, otherFiles: [] });
    }
  });
  it('lists the files it does not read', async () => {
    const read = await readOfficialZip(buildZip([...files(), { name: '__MACOSX/._x', content: 'x' }]));
    expect(read.otherFiles).toEqual(['__MACOSX/._x']);
  });
  it('reads parts stored out of order (two passes) to the same pool and MD5', async () => {
    const many = Array.from({ length: 100_002 }, (_, i) => String(1_000_000_000_000 + i));
    const parts: ZipFileSpec[] = [
      { name: HEADER, content: officialHeader(many.length) },
      { name: PART1, content: partRows(many.slice(0, 100_000)) },
      { name: PART1.replace('0001', '0002'), content: partRows(many.slice(100_000), 100_001) },
    ];
    const inOrder = await readOfficialZip(buildZip(parts));
    const shuffled = buildZip(parts, { order: [2, 0, 1] });
    const outOfOrder = await readOfficialZip(shuffled);
    expect(commitPool(outOfOrder.pool)).toEqual(commitPool(inOrder.pool));
    const { createHash } = await import('node:crypto');
    expect(outOfOrder.md5).toBe(createHash('md5').update(shuffled).digest('hex'));
  });
});

describe('damaged zips (issue 8 §1)', () => {
  it('not a zip, cut short, or its directory damaged', async () => {
    expect((await refusal(new TextEncoder().encode('not a zip'))).message).toBe('not a zip file');
    const zip = officialZip(CODES);
    expect((await refusal(zip.subarray(0, zip.length - 30))).message).toMatch(/cut short|damaged/);
    expect((await refusal(zip.subarray(0, 200))).message).toMatch(/cut short/);
    expect((await refusal(new Uint8Array(0))).message).toBe('not a zip file');
  });
  it('data shorter or longer than declared', async () => {
    // The directory declares more content than the deflated data holds, and less.
    expect(await refusal(buildZip(files({ method: 8, size: 200 })))).toMatchObject({
      path: [PART1],
      message: expect.stringMatching(/holds 80 bytes, but its directory entry declares 200/),
    });
    expect(await refusal(buildZip(files({ method: 8, size: 20 })))).toMatchObject({
      message: expect.stringMatching(/more than the 20 bytes its directory entry declares/),
    });
    // A stored entry whose directory sizes disagree with each other.
    expect((await refusal(buildZip(files({ compressedSize: 79 })))).message).toMatch(/declares 79 bytes stored and 80/);
  });
  it('a declared size the local header does not share', async () => {
    const zip = buildZip(files());
    // Patch the local header's uncompressed size of the part (its header starts after the first file).
    const view = new DataView(zip.buffer);
    const second = 30 + HEADER.length + officialHeader(5).length;
    view.setUint32(second + 22, 86, true);
    expect((await refusal(zip)).message).toMatch(/local header and the central directory disagree on the size/);
  });
  it('bytes hidden before, between or after entries, and entries that overlap', async () => {
    expect((await refusal(buildZip(files(), { prefix: new Uint8Array(7) }))).message).toMatch(
      /7 bytes before the first entry/,
    );
    expect((await refusal(buildZip(files(), { gap: new Uint8Array(3) }))).message).toMatch(/3 bytes after/);
    // Both directory entries point at the same local header: two names, one data.
    expect(
      (await refusal(buildZip([...files(), { name: 'x.csv', content: '' }], { offsets: { 2: 0 } }))).message,
    ).toMatch(/disagree on the name|overlaps/);
  });
  it('a CRC-32 that does not match (issue 8 §3)', async () => {
    expect(await refusal(buildZip(files({ crc: 0x12345678 })))).toMatchObject({
      code: 'invalid_syntax',
      path: [PART1],
      message: expect.stringMatching(/is damaged: its CRC-32 is [0-9a-f]{8}, its directory entry declares 12345678/),
    });
    expect((await refusal(buildZip(files({ crc: 1, method: 8 })))).message).toMatch(/CRC-32/);
  });
  it('compressed data that is not deflate', async () => {
    expect(await refusal(buildZip(files({ method: 8, rawData: new Uint8Array([0xff, 0xff, 0xff]) })))).toMatchObject({
      path: [PART1],
      message: expect.stringMatching(/compressed data is damaged/),
    });
  });
});

describe('hostile zips (issue 8 §1, §3)', () => {
  it('names that climb out or start at the root', async () => {
    for (const name of [
      '../bjPersonCommonApplyNumber202406_0001.csv',
      '/etc/passwd',
      'a/../../x',
      'C:\\x',
      '..\\x',
      'a\u0000b',
    ]) {
      expect((await refusal(buildZip([...files(), { name, content: 'x' }]))).message).toMatch(
        /has (a "\.\." folder|an absolute path|a control character in its name): refused/,
      );
    }
  });
  it('bzip2, LZMA, other methods and encryption', async () => {
    expect((await refusal(buildZip(files({ method: 12 })))).message).toMatch(
      /compressed with bzip2: only stored and deflated/,
    );
    expect((await refusal(buildZip(files({ method: 14 })))).message).toMatch(/LZMA/);
    expect((await refusal(buildZip(files({ method: 99 })))).message).toMatch(/AES encryption/);
    expect((await refusal(buildZip(files({ method: 77 })))).message).toMatch(/method 77/);
    expect((await refusal(buildZip(files({ flags: 0x0801 })))).message).toMatch(/is encrypted/);
  });
  it('two copies of a part, or of any file', async () => {
    expect((await refusal(buildZip([...files(), { name: `copy/${PART1}`, content: partRows(CODES) }]))).message).toBe(
      `the zip holds two copies of ${PART1}: ${PART1} and copy/${PART1}`,
    );
    expect((await refusal(buildZip([...files(), { name: PART1, content: partRows(CODES) }]))).message).toMatch(
      /appears twice in the zip/,
    );
    expect(
      (await refusal(buildZip([...files(), { name: `x/${HEADER}`, content: officialHeader(5) }]))).message,
    ).toMatch(/expected one …NumberPeriodYYYYMM\.csv header file, found/);
  });
  it('parts of another period or type, or beyond T', async () => {
    expect(
      (await refusal(buildZip([...files(), { name: 'bjPersonNewApplyNumber202406_0001.csv', content: '' }]))).message,
    ).toMatch(/is not a part of bjPersonCommon period 202406/);
    expect(
      (await refusal(buildZip([...files(), { name: PART1.replace('0001', '0002'), content: '' }]))).message,
    ).toMatch(/beyond the 1 parts/);
  });
  it('a zip bomb: sizes declared far beyond what its rows can hold are refused before any byte is inflated', async () => {
    expect(await refusal(buildZip(files({ size: 0xfffffff0, method: 8 })))).toMatchObject({
      path: [PART1],
      message: expect.stringMatching(/declares 4294967280 bytes, more than its 5 rows can hold \(333\)/),
    });
    expect((await refusal(buildZip(files({}, { size: 1 << 30, method: 8 })))).message).toMatch(
      /the header file declares 1073741824 bytes, more than 65536/,
    );
  });
  it('a zip bomb lying about its size stops at its first excess block', async () => {
    // 8 MiB of zeros deflate to ~8 KB; the part declares its honest 80 bytes.
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(8 << 20)));
    expect(await refusal(buildZip(files({ method: 8, rawData: bomb, size: 80 })))).toMatchObject({
      message: expect.stringMatching(/holds more than the 80 bytes its directory entry declares/),
    });
  });
  it('a part holding one huge line, or padded with blank lines', async () => {
    const huge = `1,${'9'.repeat(300)}\n`;
    expect(await refusal(buildZip(files({ content: huge })))).toMatchObject({
      path: [PART1],
      line: 1,
      message: expect.stringMatching(/longer than 64 bytes/),
    });
    // Padding beyond what the rows can hold is refused from the directory alone.
    expect((await refusal(buildZip(files({ content: '\n'.repeat(1_000_000) + partRows(CODES) })))).message).toMatch(
      /declares 1000080 bytes, more than its 5 rows can hold/,
    );
    // Within that room, blank lines are skipped.
    const read = await readOfficialZip(buildZip(files({ content: `\n\n${partRows(CODES)}\n\n` })));
    expect(read.entries).toBe(5);
  });
  it('a header padded with blank lines or holding an eighth line', async () => {
    expect((await refusal(buildZip(files({}, { content: officialHeader(5) + '\n'.repeat(70_000) })))).message).toMatch(
      /header file declares 70032 bytes, more than 65536/,
    );
    expect((await refusal(buildZip(files({}, { content: `${officialHeader(5)}more\n` })))).message).toMatch(
      /more than 7 lines: line 8 is "more"/,
    );
    expect((await readOfficialZip(buildZip(files({}, { content: `${officialHeader(5)}\n\n  \n` })))).entries).toBe(5);
  });
});

describe('rows and layout', () => {
  it('each row is checked and named by its line', async () => {
    const cases: [string, RegExp, number][] = [
      ['1,1000000000001\n3,1000000000002\n', /expected row "2,<13-digit code>", found "3,1000000000002"/, 2],
      ['1,1000000000001\n2,100000000000x\n', /expected row "2,<13-digit code>", found "2,100000000000x"/, 2],
      ['1,1000000000001\n2;1000000000002\n', /expected row "2,/, 2],
      ['1,1000000000002\n2,1000000000001\n3,1000000000003\n', /code 1000000000001 in pass 2 is not in pass 1/, 2],
    ];
    for (const [rows, message, line] of cases) {
      expect(
        await refusal(
          buildZip([
            { name: HEADER, content: officialHeader(3) },
            { name: PART1, content: rows },
          ]),
        ),
      ).toMatchObject({ path: [PART1], line, message: expect.stringMatching(message) });
    }
  });
  it('too few or too many rows', async () => {
    expect((await refusal(buildZip(files({ content: partRows(CODES.slice(0, 4)) })))).message).toMatch(
      /has 4 rows, expected 5/,
    );
    expect(await refusal(buildZip(files({}, { content: officialHeader(4) })))).toMatchObject({
      line: 5,
      message: expect.stringMatching(/more than the 4 rows expected/),
    });
  });
  it('spaces around the fields are read (the careful path)', async () => {
    const rows = partRows(CODES).replaceAll(',', ' , ').replaceAll('\n', ' \n');
    expect((await readOfficialZip(buildZip(files({ content: rows })))).entries).toBe(5);
  });
});

describe('the row length limit', () => {
  it('64 bytes of row are read; 65 are not, with or without CR, whole or split across reads', async () => {
    const row = (width: number, end: string): string => `1${' '.repeat(width - 15)},1000000000001${end}`;
    const zip = (rows: string): Uint8Array =>
      buildZip([
        { name: HEADER, content: officialHeader(1) },
        { name: PART1, content: rows },
      ]);
    for (const end of ['\n', '\r\n']) {
      expect((await readOfficialZip(zip(row(64, end)))).entries).toBe(1);
      expect(await refusal(zip(row(65, end)))).toMatchObject({
        line: 1,
        message: expect.stringMatching(/longer than 64/),
      });
      const split = zip(`\n${row(65, end)}`);
      const stingy = {
        size: split.length,
        read: (o: number, l: number) => Promise.resolve(split.slice(o, o + Math.min(l, 7))),
      };
      await expect(readOfficialZip(stingy)).rejects.toMatchObject({ issues: [{ line: 2 }] });
    }
  });
});
