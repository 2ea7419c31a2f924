// Issue 8 "Done means": the three pool readers fuzzed with malformed bytes answer with a pool or a
// YaohaoError — never another error — and the answer does not depend on how the bytes are chunked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  isYaohaoError,
  presets,
  readCsvPool,
  readJsonLinesPool,
  readOfficialZip,
  writeOfficialZip,
  type RandomAccessSource,
} from '../../src/index';
import { cutAt } from '../support/chunks';
import { officialZip } from '../support/zipBytes';

type Outcome = { ok: true; digest: string; entries: number } | { ok: false; issues: string };

async function outcome(run: () => Promise<{ pool: Parameters<typeof commitPool>[0] }>): Promise<Outcome> {
  try {
    const read = await run();
    const commitment = commitPool(read.pool);
    return { ok: true, digest: commitment.digest, entries: commitment.totalEntries };
  } catch (error) {
    if (!isYaohaoError(error)) throw error; // the property fails: only YaohaoError may escape
    return { ok: false, issues: JSON.stringify(error.issues) };
  }
}

// A random-access source answering every read with at most `most` bytes: chunk boundaries everywhere.
const stingy = (bytes: Uint8Array, most: number): RandomAccessSource => ({
  size: bytes.length,
  read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + Math.min(length, most))),
});

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

// Pool-file-like text: real lines, fragments of them, and bytes of every kind.
const lineLike = fc.oneof(
  fc.constantFrom(
    '{"code":"1000000000001","draws":3}',
    '{"code":"1000000000002","draws":12,"c5":true}',
    '{"code":"1000000000001","draws":0}',
    '{"code":"100000000000","draws":1}',
    '{"code":"1000000000003","weight":2}',
    'code,draws,c5',
    '1000000000004,7,true',
    '"1000000000005",1,',
    '"10""00",1',
    '',
    '   ',
    '\uFEFF',
    '{',
    '"',
  ),
  fc.string({ maxLength: 40 }),
);
const fileLike = fc.oneof(
  fc.array(lineLike, { maxLength: 12 }).map((lines) => text(lines.join('\n'))),
  fc.array(lineLike, { maxLength: 12 }).map((lines) => text(lines.join('\r\n'))),
  fc.uint8Array({ maxLength: 300 }),
);
const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('fuzzing the readers', () => {
  it('JSON Lines: a pool or a YaohaoError, the same however the bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fileLike, cuts, async (bytes, at) => {
        const whole = await outcome(() => readJsonLinesPool(bytes, { policy: presets.beijing2016 }));
        expect(await outcome(() => readJsonLinesPool(cutAt(bytes, at), { policy: presets.beijing2016 }))).toEqual(
          whole,
        );
      }),
      { numRuns: 300 },
    );
  });
  it('CSV: a pool or a YaohaoError, the same however the bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fileLike, cuts, async (bytes, at) => {
        const whole = await outcome(() => readCsvPool(bytes, { policy: presets.beijing2016 }));
        expect(await outcome(() => readCsvPool(cutAt(bytes, at), { policy: presets.beijing2016 }))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  const CODES = ['1000000000001', '1000000000002', '1000000000003', '1000000000001', '1000000000003'];
  const zips = [officialZip(CODES), officialZip(CODES, { method: 8 })];
  // Mutations of a valid zip: bytes overwritten, the file cut, bytes inserted.
  const mutated = fc
    .tuple(
      fc.constantFrom(...zips),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('overwrite', 'truncate', 'insert'),
    )
    .map(([zip, edits, how]) => {
      const bytes = Array.from(zip);
      for (const [at, value] of edits) {
        if (bytes.length === 0) break;
        const i = at % bytes.length;
        if (how === 'overwrite') bytes[i] = value;
        else if (how === 'insert') bytes.splice(i, 0, value);
        else bytes.length = Math.min(bytes.length, i);
      }
      return new Uint8Array(bytes);
    });
  it('official zip: a pool or a YaohaoError for any damage, the same whatever the read sizes', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.integer({ min: 1, max: 9 }), async (bytes, most) => {
        const whole = await outcome(() => readOfficialZip(bytes));
        expect(await outcome(() => readOfficialZip(stingy(bytes, most)))).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
  it('official zip round trip: any pool written and read back gives the same commitment', async () => {
    const pools = fc
      .uniqueArray(fc.integer({ min: 0, max: 9_999_999_999_999 }), { minLength: 1, maxLength: 40 })
      .chain((codes) =>
        fc.tuple(
          fc.constant(codes),
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: codes.length, maxLength: codes.length }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        pools,
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        async ([codes, weights], deflate, most) => {
          const pool = createPool(
            codes.map((code, i) => ({ code: String(code).padStart(13, '0'), weight: weights[i]! })),
            { policy: presets.explicit },
          );
          const bytes = new Uint8Array(
            Buffer.concat([...writeOfficialZip(pool, { period: '202406', quota: 1, deflate })]),
          );
          const read = await readOfficialZip(stingy(bytes, most));
          expect(commitPool(read.pool).digest).toBe(commitPool(pool).digest);
          expect(read.header).toMatchObject({ period: '202406', quota: 1, totalEntries: pool.totalEntries });
        },
      ),
      { numRuns: 100 },
    );
  });
  it('memory stayed bounded', () => {
    expect(process.memoryUsage().rss).toBeLessThan(1 << 30);
  });
});
