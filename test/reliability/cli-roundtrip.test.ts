// export-zip → commit reads back the same pool digest, for random pools, periods, quotas and
// titles (a title a header cannot carry is refused before anything is written); and the CLI's own
// draw → sheet → check-sheet accepts every genuine draw, whatever the seed, label and period.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, scratch, yaohaoAsync } from './support/cli';

let files: ReturnType<typeof scratch>;
beforeAll(() => (files = scratch('yaohao-roundtrip-')));
afterAll(() => files.done());

const poolArb = fc.uniqueArray(
  fc.record({ code: fc.integer({ min: 0, max: 9_999_999_999_999 }), weight: fc.integer({ min: 1, max: 9 }) }),
  { minLength: 1, maxLength: 60, selector: (r) => r.code },
);
const jsonl = (pool: { code: number; weight: number }[]): string =>
  pool.map((r) => JSON.stringify({ code: String(r.code).padStart(13, '0'), weight: r.weight })).join('\n') + '\n';
const title = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(' padded ', 'two\nlines', '北京 202406', 'a:b'));
const text = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(' seed ', 'a\nb', '"q"', '\t', '种子'));

describe.runIf(built)('round trips through the command line', () => {
  it('export-zip → commit: the same digest, or a refused title and no file', async () => {
    const cases = fc.sample(
      fc.record({
        pool: poolArb,
        period: fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })),
        quota: fc.nat(100_000),
        title: fc.option(title, { nil: undefined }),
      }),
      6,
    );
    await Promise.all(
      cases.map(async (c, i) => {
        files.write(`pool-${i}.jsonl`, jsonl(c.pool));
        const period = `${c.period[0]}${String(c.period[1]).padStart(2, '0')}`;
        const committed = await yaohaoAsync(files.dir, ['commit', `pool-${i}.jsonl`, '--json']);
        const exported = await yaohaoAsync(files.dir, [
          'export-zip',
          `pool-${i}.jsonl`,
          '--period',
          period,
          '--quota',
          String(c.quota),
          '--out',
          `pool-${i}.zip`,
          ...(c.title === undefined ? [] : ['--title', c.title]),
        ]);
        const faithful =
          // eslint-disable-next-line no-control-regex
          c.title === undefined || (c.title === c.title.trim() && !/[\u0000-\u001f\u007f\uFFFD]/.test(c.title));
        if (!faithful) {
          expect(exported.code, JSON.stringify(c.title)).toBe(2);
          expect(existsSync(join(files.dir, `pool-${i}.zip`))).toBe(false);
          return;
        }
        expect(exported.code, exported.stderr).toBe(0);
        const read = await yaohaoAsync(files.dir, ['commit', `pool-${i}.zip`, '--json']);
        expect(read.code, read.stderr).toBe(0);
        const fromZip = JSON.parse(read.stdout) as { commitment: unknown; header: { title: string } };
        expect(fromZip.commitment).toEqual((JSON.parse(committed.stdout) as { commitment: unknown }).commitment);
        expect(fromZip.header.title).toBe(c.title ?? period);
      }),
    );
  });

  it('draw --sheet → check-sheet: ok for every seed, label and period (quoted where a line cannot carry them)', async () => {
    const cases = fc.sample(
      fc.record({ pool: poolArb, quota: fc.integer({ min: 1, max: 70 }), seed: text, label: text, period: text }),
      6,
    );
    await Promise.all(
      cases.map(async (c, i) => {
        files.write(`draw-${i}.jsonl`, jsonl(c.pool));
        const seed = c.seed === '' ? 'x' : c.seed;
        const drawn = await yaohaoAsync(files.dir, [
          'draw',
          `draw-${i}.jsonl`,
          '--quota',
          String(c.quota),
          '--seed',
          seed,
          '--label',
          c.label,
          '--period',
          c.period,
          '--sheet',
          `sheet-${i}.txt`,
        ]);
        if (drawn.code !== 0) {
          // Only what the command line refuses on purpose: U+FFFD (not UTF-8), or a costly draw.
          expect(drawn.stderr).toMatch(/U\+FFFD|too uneven/);
          return;
        }
        const checked = await yaohaoAsync(files.dir, ['check-sheet', `sheet-${i}.txt`, '--json']);
        expect(checked.code, checked.stderr).toBe(0);
        expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true });
      }),
    );
  });
});
