import { describe, expect, it } from 'vitest';
import {
  createPool,
  drawLottery,
  presets,
  safeDrawLottery,
  serializeRecord,
  YaohaoError,
  type DrawLotteryOptions,
  type Issue,
} from '../../src/index';
import { drawIndexes } from '../../src/draw/internal/drawIndexes';
import { poolColumns } from '../../src/pool/Pool';
import type { DrawGenerator } from '../../src/rng/generators';

const pool = createPool(
  Array.from({ length: 50 }, (_, i) => ({ code: String(1_000_000_000_000 + i * 7919).padStart(13, '0'), draws: i })),
  { policy: presets.beijing2016 },
);

const issuesOf = (options: Partial<DrawLotteryOptions> & Record<string, unknown>, target = pool): readonly Issue[] => {
  const result = safeDrawLottery(target, { quota: 5, seed: '123456', generator: 'legacy', ...options });
  if (result.success) throw new Error('expected failure');
  return result.issues;
};

describe('drawLottery', () => {
  it('returns winners in draw order and a record that holds them', () => {
    const { winners, record } = drawLottery(pool, { quota: 5, seed: '123456', generator: 'legacy' });
    expect(winners).toHaveLength(5);
    expect(record.winners).toEqual(winners);
    expect(record).toMatchObject({
      format: 'yaohao-record/1',
      generator: 'legacy',
      seed: '123456',
      label: '',
      quota: 5,
      allocation: 'drawn',
      policy: 'beijing2016',
    });
    expect(record.pool).toMatchObject({ format: 'yaohao-pool/1', size: 50, totalEntries: pool.totalEntries });
    for (const winner of winners) expect(pool.codeAt(winner.entry)).toBe(winner.code);
  });
  it('is deterministic to the byte', () => {
    const options = { quota: 7, seed: 'any seed string', generator: 'default', label: 'sub-draw' } as const;
    expect(serializeRecord(drawLottery(pool, options).record)).toBe(serializeRecord(drawLottery(pool, options).record));
  });
  it('the label changes the default stream but not the legacy one', () => {
    const draw = (generator: 'legacy' | 'default', label: string): string[] =>
      drawLottery(pool, { quota: 5, seed: '42', generator, label }).winners.map((w) => w.code);
    expect(draw('default', 'a')).not.toEqual(draw('default', 'b'));
    expect(draw('legacy', 'a')).toEqual(draw('legacy', 'b'));
  });
  it('a 6-digit ceremony seed with leading zeros is the same legacy draw as the bare integer', () => {
    const a = drawLottery(pool, { quota: 5, seed: '033859', generator: 'legacy' });
    const b = drawLottery(pool, { quota: 5, seed: '33859', generator: 'legacy' });
    expect(a.winners).toEqual(b.winners);
    expect(a.record.seed).toBe('033859');
  });
  it('gives everyone a quota without drawing when quota ≥ size', () => {
    const { winners, record } = drawLottery(pool, { quota: 50, seed: '1', generator: 'legacy' });
    expect(record).toMatchObject({ allocation: 'all', picks: 0 });
    expect(winners.map((w) => w.entry)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
  it('fails with draw_exhausted when the pick budget (10·T) runs out, and succeeds on the very last pick', () => {
    const small = createPool(
      [
        { code: '0000000000001', weight: 1 },
        { code: '0000000000002', weight: 2 },
      ],
      { policy: presets.explicit },
    );
    const { layout } = poolColumns(small);
    // A generator stuck on entry 2 (code …2) after one pick of entry 1: the quota of 2 is never filled.
    const stuck = (first: number[], budget: number): DrawGenerator => ({
      id: 'legacy',
      maxTotalEntries: 100,
      seedProblem: () => undefined,
      open: () => {
        let n = 0;
        return { nextIndex: () => (n < first.length ? first[n++]! : n++ < budget ? 1 : 0) };
      },
    });
    expect(() => drawIndexes(layout, 2, 1, stuck([1], 0), 's', '')).not.toThrow();
    let thrown: unknown;
    try {
      drawIndexes(layout, 3, 2, stuck([1], 1000), 's', '');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(YaohaoError);
    expect((thrown as YaohaoError).issues[0]).toMatchObject({ code: 'draw_exhausted', path: ['options', 'quota'] });
    // 10·T = 30 picks: 29 wasted picks, then the 30th fills the quota.
    const lastChance = drawIndexes(layout, 3, 2, stuck([1], 29), 's', '');
    expect(lastChance.picks).toBe(30);
  });
});

describe('drawLottery errors (named, before anything is drawn)', () => {
  it('quota must be a positive integer', () => {
    for (const quota of [0, -1, 1.5, Number.NaN, '5', undefined, 2 ** 53]) {
      expect(issuesOf({ quota: quota as number })[0]).toMatchObject({
        code: 'invalid_quota',
        path: ['options', 'quota'],
      });
    }
  });
  it('seed must be non-empty; legacy seeds are decimal integers up to 2147483647', () => {
    expect(issuesOf({ seed: '' })[0]).toMatchObject({ code: 'invalid_seed', path: ['options', 'seed'] });
    expect(issuesOf({ seed: '', generator: 'default' })[0]).toMatchObject({ code: 'invalid_seed' });
    for (const seed of ['-5', '12a', '2147483648', '1e6', ' 1', '0x10'])
      expect(issuesOf({ seed })[0]).toMatchObject({ code: 'invalid_seed' });
    expect(issuesOf({ seed: 123456 as unknown as string })[0]).toMatchObject({ code: 'invalid_seed' });
    expect(issuesOf({ seed: '\uD800', generator: 'default' })[0]).toMatchObject({ code: 'invalid_seed' });
  });
  it('generator must be known', () => {
    expect(issuesOf({ generator: 'mersenne' as 'legacy' })[0]).toMatchObject({
      code: 'unknown_generator',
      path: ['options', 'generator'],
      message: expect.stringContaining('"legacy", "default"'),
    });
    expect(issuesOf({ generator: undefined as unknown as 'legacy' })[0]).toMatchObject({
      code: 'unknown_generator',
      message: 'no generator given; expected one of "legacy", "default"',
    });
  });
  it('label must be a well-formed string', () => {
    expect(issuesOf({ label: 5 as unknown as string })[0]).toMatchObject({
      code: 'invalid_label',
      path: ['options', 'label'],
    });
    expect(issuesOf({ label: '\uDC00', generator: 'default' })[0]).toMatchObject({ code: 'invalid_label' });
  });
  it('T beyond what the generator supports', () => {
    const big = createPool(
      [
        { code: '0000000000001', weight: 2 ** 31 - 1 },
        { code: '0000000000002', weight: 1 },
      ],
      { policy: presets.explicit },
    );
    expect(issuesOf({ quota: 1 }, big)[0]).toMatchObject({ code: 'too_many_entries', path: ['options', 'generator'] });
    expect(safeDrawLottery(big, { quota: 1, seed: 'x', generator: 'default' }).success).toBe(true);
  });
  it('reports every bad option at once', () => {
    expect(issuesOf({ quota: 0, seed: '', generator: 'x' as 'legacy' }).map((i) => i.code)).toEqual([
      'invalid_quota',
      'unknown_generator',
      'invalid_seed',
    ]);
  });
});
