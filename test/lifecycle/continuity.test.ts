import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyEvents,
  checkContinuity,
  createPool,
  drawLottery,
  lookupDrawResult,
  planPeriod,
  presets,
  registryPool,
  replayEvents,
  runPeriod,
  safeCheckContinuity,
  safeLookupDrawResult,
  type AuditRecord,
  type Pool,
} from '../../src/index';

const at = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;
const code = (n: number): string => String(2_000_100_000_000 + n * 31);

/** Two consecutive beijing2016 pools from a registry: 200 applicants, a draw of 10, one cancel, five new. */
function twoPeriods(): { previous: Pool; record: AuditRecord; next: Pool; cancelled: string; newcomers: string[] } {
  const people = Array.from({ length: 200 }, (_, n) => n);
  let registry = replayEvents(
    [
      ...people.map((n) => ({
        type: 'applied',
        at: at('2019-05-02'),
        code: code(n),
        personId: `p${n}`,
        draws: n % 13,
      })),
      ...people.map((n) => ({ type: 'reviewed', at: at('2019-05-20'), code: code(n), approved: true })),
    ],
    presets.beijing2016,
  );
  const previous = createPool(registryPool(registry, '2019-06').ordinary, { policy: presets.beijing2016 });
  const { record } = drawLottery(previous, { quota: 10, seed: 'continuity', generator: 'default' });
  registry = applyEvent(registry, { type: 'draw-held', at: at('2019-06-26', '12:00'), period: '2019-06', record });
  const winners = new Set(record.winners.map((w) => w.code));
  const cancelled = people.map(code).find((c) => !winners.has(c))!;
  const newcomers = [300, 301, 302, 303, 304].map(code);
  registry = applyEvents(registry, [
    { type: 'cancelled', at: at('2019-07-01'), code: cancelled },
    ...newcomers.map((c) => ({ type: 'applied', at: at('2019-07-02'), code: c, personId: c })),
    ...newcomers.map((c) => ({ type: 'reviewed', at: at('2019-07-10'), code: c, approved: true })),
  ]);
  const next = createPool(registryPool(registry, '2019-08').ordinary, { policy: presets.beijing2016 });
  return { previous, record, next, cancelled, newcomers };
}

/** A pool with explicit weights, changed from another by `change`. */
function edited(pool: Pool, change: (records: { code: string; weight: number; kind: string }[]) => void): Pool {
  const records = [...pool.applications()].map((a) => ({ code: a.code, weight: a.weight, kind: a.kind }));
  change(records);
  return createPool(records, { policy: presets.explicit });
}

describe('checkContinuity', () => {
  it('two periods from the registry follow one from the other; the counts add up', () => {
    const { previous, record, next, cancelled, newcomers } = twoPeriods();
    const report = checkContinuity(previous, record, next, { list: true });
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ winners: 10, stayed: 189, removed: 1, added: 5 });
    expect(report.sameEntries + report.moreEntries).toBe(report.stayed);
    // draws % 13 = 5 or 11 cross a ladder step (N = 6 → 7, 12 → 13): those gain one entry.
    expect(report.moreEntries).toBeGreaterThan(0);
    expect(report.removedCodes).toEqual([cancelled]);
    expect(report.addedCodes).toEqual(newcomers);
    expect(report.cannotShow.join(' ')).toMatch(/draw counted/);
  });

  it('names each problem by code', () => {
    const { previous, record, next } = twoPeriods();
    const winner = record.winners[0]!.code;
    const stayers = [...next.applications()].map((a) => a.code).filter((c) => previous.has(c));
    const lost = stayers.find((c) => previous.weightOf(c)! > 1)!;
    const [jumped, kind] = stayers.filter((c) => c !== lost) as [string, string];
    const tampered = edited(next, (records) => {
      records.push({ code: winner, weight: 1, kind: 'individual' });
      records.find((r) => r.code === lost)!.weight = previous.weightOf(lost)! - 1;
      records.find((r) => r.code === jumped)!.weight = previous.weightOf(jumped)! + 2;
      records.find((r) => r.code === kind)!.kind = 'unit';
    });
    const report = checkContinuity(previous, record, tampered, { policy: presets.beijing2016 });
    expect(report.ok).toBe(false);
    // The winner put back counts as a code that stayed, and lost its entries too: both are reported.
    const byKind = Object.fromEntries(
      report.problems
        .filter((p) => p.code !== winner || p.problem === 'winner-still-in-pool')
        .map((p) => [p.problem, p]),
    );
    expect(report.problems.map((p) => p.problem).sort()).toEqual([
      'entries-jumped',
      'entries-lost',
      'entries-lost',
      'kind-changed',
      'winner-still-in-pool',
    ]);
    expect(byKind['winner-still-in-pool']).toMatchObject({ code: winner });
    expect(byKind['entries-jumped']).toMatchObject({
      code: jumped,
      previous: previous.weightOf(jumped),
      next: previous.weightOf(jumped)! + 2,
      allowed: previous.weightOf(jumped)! + 1,
    });
    expect(byKind['kind-changed']).toMatchObject({ code: kind });
    expect(byKind['entries-lost']).toMatchObject({ code: lost, next: previous.weightOf(lost)! - 1 });
    expect(report.problemCount).toBe(report.problems.length);
    // A record of another pool.
    const other = checkContinuity(next, record, next);
    expect(other.problems[0]).toMatchObject({ problem: 'record-not-of-pool' });
  });

  it('the allowed gain follows the rule: flat none, ladder one, a family one more year of points', () => {
    const a = createPool(
      [
        { code: code(1), weight: 1 },
        { code: code(2), weight: 54, kind: 'family' },
        { code: code(3), weight: 1, kind: 'unit' },
      ],
      { policy: presets.explicit },
    );
    const record = drawLottery(createPool([{ code: code(9), weight: 1 }], { policy: presets.explicit }), {
      quota: 1,
      seed: 'x',
      generator: 'default',
    }).record;
    const b = (individual: number, family: number, unit = 1): Pool =>
      createPool(
        [
          { code: code(1), weight: individual },
          { code: code(2), weight: family, kind: 'family' },
          { code: code(3), weight: unit, kind: 'unit' },
        ],
        { policy: presets.explicit },
      );
    const problems = (next: Pool, options = {}): string[] =>
      checkContinuity(a, record, next, options)
        .problems.filter((p) => p.problem !== 'record-not-of-pool')
        .map((p) => `${p.problem} ${p.code ?? ''} ${p.allowed ?? ''}`.trim());
    expect(problems(b(2, 54))).toEqual([]); // explicit: an individual may gain one step
    expect(problems(b(3, 54))).toEqual([`entries-jumped ${code(1)} 2`]);
    expect(problems(b(1, 54, 2))).toEqual([`entries-jumped ${code(3)} 1`]); // a unit always has one
    expect(problems(b(1, 1000))).toEqual([]); // explicit pools: a family's gain is not bounded
    expect(problems(b(2, 54), { policy: presets.beijing2011 })).toEqual([`entries-jumped ${code(1)} 1`]);
    // beijing2024: each member gains at most 3 points (a step, a queue year, a family year) per point of base.
    expect(problems(b(1, 216), { policy: presets.beijing2024 })).toEqual([]);
    expect(problems(b(1, 217), { policy: presets.beijing2024 })).toEqual([`entries-jumped ${code(2)} 216`]);
    expect(problems(b(1, 53), { policy: presets.beijing2024 })).toEqual([`entries-lost ${code(2)}`]);
    expect(problems(b(3, 54), { maxGain: 2 })).toEqual([]);
    const bad = safeCheckContinuity(a, record, b(1, 54), { maxGain: -1 });
    expect(!bad.success && bad.issues[0]?.path).toEqual(['options', 'maxGain']);
    const malformed = safeCheckContinuity(a, { format: 'yaohao-record/1' }, b(1, 54));
    expect(malformed.success).toBe(false);
  });

  it('takes a period record: the lottery whose pool is the previous pool', () => {
    const policy = presets.beijing2024;
    const ordinary = Array.from({ length: 40 }, (_, n) => ({ code: code(n), personId: `p${n}`, drawsTo2020: n }));
    const quotas = {
      'nev/unit': 0,
      'nev/operating': 0,
      'nev/family': 0,
      'nev/individual': 0,
      'ordinary/unit': 0,
      'ordinary/family+individual': 4,
    };
    const { plan, pools } = planPeriod({ ordinary }, policy, { period: '2024-h1', quotas });
    const { record } = runPeriod(plan, pools, { seed: 'period' });
    const previous = pools.pool('ordinary/family+individual');
    const report = checkContinuity(previous, record, previous);
    expect(report.winners).toBe(4);
    expect(report.problems.map((p) => p.problem)).toEqual(Array(4).fill('winner-still-in-pool'));
    expect(lookupDrawResult(previous, record, record.results.at(-1)!.winners[0]!.code).status).toBe('won');
  });
});

describe('lookupDrawResult', () => {
  it('won with place and entry, not won with its entries of T, not in the pool, not this pool’s record', () => {
    const { previous, record, next } = twoPeriods();
    const winner = record.winners[3]!;
    expect(lookupDrawResult(previous, record, winner.code)).toEqual({
      status: 'won',
      code: winner.code,
      position: 4,
      entry: winner.entry,
      entries: previous.weightOf(winner.code),
      totalEntries: previous.totalEntries,
    });
    const loser = [...previous.applications()].find((a) => !record.winners.some((w) => w.code === a.code))!;
    expect(lookupDrawResult(previous, record, loser.code)).toEqual({
      status: 'not-won',
      code: loser.code,
      entries: loser.weight,
      totalEntries: previous.totalEntries,
    });
    expect(lookupDrawResult(previous, record, code(999)).status).toBe('not-in-pool');
    expect(lookupDrawResult(next, record, loser.code)).toMatchObject({ status: 'record-not-of-pool' });
    const bad = safeLookupDrawResult(previous, record, '12');
    expect(!bad.success && bad.issues[0]?.code).toBe('invalid_code');
  });
});
