// Issue 8 §1, §3, §4, §7 for the text pool files: CSV (RFC 4180, its header) and JSON Lines (line
// length, a huge line, the early stop). Library level, on bytes and streams built by the tests.
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  isYaohaoError,
  MAX_CSV_ROW_BYTES,
  MAX_LINE_BYTES,
  presets,
  readCsvPool,
  readJsonLinesPool,
  SAME_REFUSAL_LIMIT,
  safeCreatePool,
  safeReadCsvPool,
  safeReadJsonLinesPool,
  safeReadOfficialZip,
  type Issue,
  type Policy,
} from '../../src/index';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const policy = { policy: presets.beijing2016 };
// A policy known only at run time takes records of any shape (these tests pass wrong ones on purpose).
const anyPolicy: Policy = presets.explicit;

async function issuesOf(run: Promise<unknown>): Promise<readonly Issue[]> {
  try {
    await run;
  } catch (error) {
    expect(isYaohaoError(error), String(error)).toBe(true);
    return (error as { issues: Issue[] }).issues;
  }
  throw new Error('accepted');
}

describe('CSV (issue 8 §1, §3)', () => {
  it('RFC 4180: quoted cells with commas, quotes and line breaks; CRLF; a BOM; empty lines', async () => {
    const csv = '\uFEFFcode,"draws",c5\r\n"1000000000001", 7 ,true\r\n\r\n1000000000002,0,\n"1000000000003","6",""\n';
    const read = await readCsvPool(text(csv), policy);
    expect(read).toMatchObject({ lines: 5, pool: { size: 3, totalEntries: 3 + 1 + 2 } });
    const quoted = await issuesOf(readCsvPool(text('code,draws\n"1000000000001\n2",1\n'), policy));
    expect(quoted[0]).toMatchObject({ line: 2, message: expect.stringMatching(/code "1000000000001\\n2" is not 13/) });
  });
  it('a quote inside an unquoted cell, text after a closing quote, an unclosed quote', async () => {
    expect(
      (await issuesOf(readCsvPool(text('code,draws\n1000000000001,1\n10000"00000002,1\n'), policy)))[0],
    ).toMatchObject({
      code: 'invalid_syntax',
      line: 3,
      message: expect.stringMatching(/a quote inside an unquoted cell/),
    });
    expect((await issuesOf(readCsvPool(text('code,draws\n"1000000000001"x,1\n'), policy)))[0]?.message).toMatch(
      /"x" after the closing quote/,
    );
    expect((await issuesOf(readCsvPool(text('code,draws\n"1000000000001,1\n'), policy)))[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/quoted cell is not closed/),
    });
  });
  it('a record before a syntax error is still reported, in order', async () => {
    const issues = await issuesOf(readCsvPool(text('code,draws\n123,1\n"x"y,1\n'), policy));
    expect(issues.map((i) => i.line)).toEqual([2, 3]);
  });
  it('a cell too long to be a string: refused at the record limit, read no further', async () => {
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      yield text('code,draws\n"');
      const chunk = text('1'.repeat(1 << 20));
      for (;;) {
        pulled++;
        yield chunk;
      }
    }
    expect((await issuesOf(readCsvPool(endless(), policy)))[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(new RegExp(`record is longer than ${MAX_CSV_ROW_BYTES} bytes`)),
    });
    expect(pulled).toBe(1);
  });
  it('the header: a duplicate column, unknown columns (__proto__ too), a missing required column', async () => {
    const issues = await issuesOf(readCsvPool(text('code,draws,Draws,__proto__,code\n'), policy));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_field', path: ['columns', 'Draws'], line: 1 }),
      expect.objectContaining({ code: 'unknown_field', path: ['columns', '__proto__'], line: 1 }),
      expect.objectContaining({
        code: 'invalid_value',
        path: ['columns', 'code'],
        message: 'column "code" appears twice',
      }),
    ]);
    expect(await issuesOf(readCsvPool(text('code\n1000000000001\n'), policy))).toEqual([
      expect.objectContaining({ code: 'missing_field', path: ['columns', 'draws'], line: 1 }),
    ]);
    // Under the explicit policy a draws column is unknown: one issue, not one per row.
    expect(
      await issuesOf(
        readCsvPool(text(`code,draws\n${'1000000000001,1\n'.repeat(1000)}`), { policy: presets.explicit }),
      ),
    ).toEqual([
      expect.objectContaining({ path: ['columns', 'draws'] }),
      expect.objectContaining({ path: ['columns', 'weight'] }),
    ]);
  });
  it('rows with too many or too few cells, and bytes that are not UTF-8', async () => {
    const issues = await issuesOf(readCsvPool(text('code,draws\n1000000000001,1,2\n1000000000002\n'), policy));
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'the row has 3 cells, the header 2'],
      [3, 'the row has 1 cells, the header 2'],
    ]);
    const bad = new Uint8Array([...text('code,draws\n1000000000001,'), 0xff, 0x0a]);
    expect((await issuesOf(readCsvPool(bad, policy)))[0]?.message).toMatch(/cell 2 is not valid UTF-8/);
  });
  it('an empty file', async () => {
    expect((await issuesOf(readCsvPool(new Uint8Array(0), policy)))[0]?.message).toMatch(/empty/);
  });
});

describe('JSON Lines (issue 8 §1, §4)', () => {
  it('a line longer than the limit ends the reading at once: a 700 MB line costs one chunk', async () => {
    let pulled = 0;
    function* line700MB(): Generator<Uint8Array> {
      yield text('{"code":"1000000000001","draws":1}\n{"code":"');
      const chunk = new Uint8Array(1 << 20).fill(0x31);
      for (let i = 0; i < 700; i++) {
        pulled++;
        yield chunk;
      }
    }
    expect(await issuesOf(readJsonLinesPool(line700MB(), policy))).toEqual([
      expect.objectContaining({
        code: 'invalid_syntax',
        line: 2,
        message: `the line is longer than ${MAX_LINE_BYTES} bytes: not a pool file (reading stopped here)`,
      }),
    ]);
    expect(pulled).toBe(1);
  });
  it('lines split across many tiny chunks are joined once (no quadratic re-copying)', async () => {
    const line = `{"code":"1000000000001","draws":${' '.repeat(200_000)}1}\n`; // a valid 200 kB line
    const bytes = text(line);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const read = await readJsonLinesPool(chunks, policy);
    expect(read.pool.size).toBe(1);
  });
  it('a line of exactly the limit is read; one byte more is not', async () => {
    const padded = (bytes: number): string => {
      const record = '{"code":"1000000000001","draws":1}';
      return record.slice(0, -1) + ' '.repeat(bytes - record.length) + '}';
    };
    expect((await readJsonLinesPool(text(`${padded(MAX_LINE_BYTES)}\n`), policy)).pool.size).toBe(1);
    expect((await issuesOf(readJsonLinesPool(text(`${padded(MAX_LINE_BYTES + 1)}\n`), policy)))[0]?.line).toBe(1);
  });
  it('millions of blank lines are skipped, fast', async () => {
    const read = await readJsonLinesPool(text(`${'\n'.repeat(2_000_000)}{"code":"1000000000001","draws":1}\n`), policy);
    expect(read).toMatchObject({ lines: 2_000_001, pool: { size: 1 } });
  });
});

describe('the early stop (issue 8 §7)', () => {
  const records = (n: number, from = 0): unknown[] =>
    Array.from({ length: n }, (_, i) => ({ code: String(1_000_000_000_000 + from + i), draws: i % 30 }));
  it('the first records all refused for one unknown field: reading stops, with one issue saying why', async () => {
    const lines = text(
      records(100_000)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const issues = await issuesOf(readJsonLinesPool(lines, { policy: presets.explicit }));
    expect(issues[0]).toEqual({
      code: 'unknown_field',
      path: [],
      line: SAME_REFUSAL_LIMIT,
      message: `the first ${SAME_REFUSAL_LIMIT} records all have the field "draws", which policy explicit does not take: reading stopped here (is it the right policy?)`,
    });
    expect(issues).toHaveLength(1 + 2 * SAME_REFUSAL_LIMIT);
    const created = safeCreatePool(records(100_000), { policy: anyPolicy });
    expect(created.success === false && created.issues.length).toBe(1 + 2 * SAME_REFUSAL_LIMIT);
  });
  it('does not stop when a record was accepted, or the refusals differ', () => {
    const good = { code: '0999999999999', weight: 1 };
    const mixed = safeCreatePool([good, ...records(200)], { policy: anyPolicy });
    expect(mixed.success === false && mixed.omittedIssues).toBeGreaterThan(0); // every record read
    const differing = safeCreatePool(
      [...records(10), ...records(200, 10).map((r) => ({ code: (r as { code: string }).code, c5: true }))],
      { policy: anyPolicy },
    );
    expect(differing.success === false && differing.issues.some((i) => /reading stopped/.test(i.message))).toBe(false);
  });
});

describe('safe… readers answer with issues for any argument', () => {
  it('null, undefined, numbers, a policy missing', async () => {
    for (const source of [null, undefined, 42, 'text', {}, [1, 2]]) {
      for (const read of [
        safeReadJsonLinesPool(source as never, policy),
        safeReadCsvPool(source as never, policy),
        safeReadOfficialZip(source as never),
      ])
        expect((await read).success).toBe(false);
    }
    for (const options of [null, 7, {}, { policy: null }, { policy: presets.explicit, onProgress: 3 }]) {
      expect((await safeReadJsonLinesPool(new Uint8Array(0), options as never)).success).toBe(false);
      expect((await safeReadCsvPool(new Uint8Array(0), options as never)).success).toBe(false);
    }
    expect((await safeReadOfficialZip(new Uint8Array(0), null as never)).success).toBe(false);
  });
  it('a stream that fails becomes an issue, not a crash', async () => {
    function* failing(): Generator<Uint8Array> {
      yield text('{"code":"1000000000001","draws":1}\n');
      throw new Error('disk on fire');
    }
    const result = await safeReadJsonLinesPool(failing(), policy);
    expect(result).toMatchObject({ success: false, issues: [{ message: 'cannot read the input (disk on fire)' }] });
  });
  it('every source kind gives the same pool', async () => {
    const bytes = text('{"code":"1000000000001","draws":1}\n{"code":"1000000000002","draws":7}\n');
    const expected = commitPool((await readJsonLinesPool(bytes, policy)).pool);
    const sources = [
      bytes.buffer,
      [bytes.subarray(0, 5), bytes.subarray(5)],
      new Blob([bytes]),
      new Blob([bytes]).stream(),
      {
        size: bytes.length,
        read: (offset: number, length: number) => Promise.resolve(bytes.slice(offset, offset + length)),
      },
    ];
    for (const source of sources)
      expect(commitPool((await readJsonLinesPool(source as never, policy)).pool)).toEqual(expected);
  });
});
