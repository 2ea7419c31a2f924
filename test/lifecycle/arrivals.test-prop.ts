// The simulation's batch path: a batch of arrivals taken in one pass (Transaction.arrivals, merged
// into the registry's columns) is exactly the fold of its applied and reviewed events — same
// registry JSON, same pool, same later behaviour — and a batch the fast path cannot take goes
// through those events, with their errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyEvents,
  commitPool,
  createRegistry,
  createRegistryPool,
  drawLottery,
  presets,
  registryPool,
  registrySummary,
  registryToJSON,
  type Registry,
} from '../../src/index';
import { applyArrivals } from '../../src/lifecycle/applyEvent';
import { arrivalEvents, type ArrivalBatch } from '../../src/lifecycle/internal/arrivals';
import { inPoolCount } from '../../src/lifecycle/internal/registryCounts';

const policy = presets.beijing2016;
const OFFSET = 480;
const at = (date: string): number => Date.parse(`${date}+08:00`);

/** What a script does before the batch: earlier batches, each followed by a draw of the period. */
interface Step {
  readonly codes: readonly number[];
  readonly draws: readonly number[];
  readonly quota: number;
}

const codeArb = fc.integer({ min: 0, max: 60 }).map((k) => 1_234_100_000_000 + k * 9_999_991);
const batchArb = fc.uniqueArray(codeArb, { maxLength: 25 }).chain((codes) =>
  fc.record({
    codes: fc.constant(codes),
    draws: fc.array(fc.nat({ max: 40 }), { minLength: codes.length, maxLength: codes.length }),
    quota: fc.integer({ min: 1, max: 4 }),
  }),
);

function batchOf(step: Step, appliedAt: number, reviewedAt: number, personIds?: readonly string[]): ArrivalBatch {
  return {
    appliedAt,
    reviewedAt,
    count: step.codes.length,
    codes: Float64Array.from(step.codes),
    draws: Uint32Array.from(step.draws),
    c5: Uint8Array.from(step.codes, (code) => (code % 3 === 0 ? 1 : 0)),
    ...(personIds === undefined ? {} : { personIds }),
  };
}

const PERIODS = ['2019-02', '2019-04', '2019-06', '2019-08'];
const times = (k: number): { applied: number; reviewed: number; draw: string } => ({
  applied: at(`${PERIODS[k]!}-08T09:00:00`),
  reviewed: at(`${PERIODS[k]!}-25T09:00:00`),
  draw: `${PERIODS[k]!}-26T12:00:00+08:00`,
});

/** The same script folded both ways: batches through applyArrivals, or through their events. */
function run(steps: readonly Step[], fast: boolean): Registry {
  let registry: Registry = createRegistry(policy);
  steps.forEach((step, k) => {
    const { applied, reviewed, draw } = times(k);
    const batch = batchOf(step, applied, reviewed);
    registry = fast ? applyArrivals(registry, batch) : applyEvents(registry, arrivalEvents(batch, OFFSET));
    const pool = createRegistryPool(registry, PERIODS[k]!);
    const { record } = drawLottery(pool, { quota: step.quota, seed: `s${k}`, generator: 'default' });
    registry = applyEvent(registry, { type: 'draw-held', at: draw, period: PERIODS[k]!, record });
    // One winner confirms (the others' quotas are forfeited when the next batch comes), and one
    // application comes by itself (so the next batch meets one that only the overlay holds).
    const winner = record.winners[0];
    if (winner !== undefined)
      registry = applyEvent(registry, {
        type: 'quota-confirmed',
        at: `${PERIODS[k]!}-27T09:00:00+08:00`,
        code: winner.code,
      });
    const single = String(5_555_000_000_000 + k);
    const next = `${PERIODS[k + 1] ?? '2019-10'}-01T09:00:00+08:00`;
    registry = applyEvent(registry, { type: 'applied', at: next, code: single, personId: `p${k}`, draws: k });
    registry = applyEvent(registry, { type: 'reviewed', at: next, code: single, approved: true });
  });
  return registry;
}

const thrown = (work: () => unknown): unknown => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('applyArrivals', () => {
  it('is the fold of the batch’s events: same registry, pools and counts, draw after draw', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 4 }), (steps) => {
        // Codes stay unique across batches (the property is about new applications).
        const seen = new Set<number>();
        const unique = steps.map((s) => {
          const keep = s.codes.map((c) => !seen.has(c));
          s.codes.forEach((c) => seen.add(c));
          return { ...s, codes: s.codes.filter((_, i) => keep[i]), draws: s.draws.filter((_, i) => keep[i]) };
        });
        const fast = run(unique, true);
        const slow = run(unique, false);
        expect(registryToJSON(fast)).toEqual(registryToJSON(slow));
        expect(registrySummary(fast)).toEqual(registrySummary(slow));
        expect(inPoolCount(fast)).toBe(registrySummary(slow).byStatus['in-pool']);
        expect(registryPool(fast, '2019-10')).toEqual(registryPool(slow, '2019-10'));
        expect(commitPool(createRegistryPool(fast, '2019-10'))).toEqual(
          commitPool(createRegistryPool(slow, '2019-10')),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('person ids, when given, are kept as the events would keep them', () => {
    const step = { codes: [1_000_000_000_003, 1_000_000_000_001, 1_000_000_000_002], draws: [3, 0, 7], quota: 1 };
    const ids = ['anna', '1000000000001', 'person-2']; // the second equals its code
    const batch = batchOf(step, times(0).applied, times(0).reviewed, ids);
    const fast = applyArrivals(createRegistry(policy), batch);
    const slow = applyEvents(createRegistry(policy), arrivalEvents(batch, OFFSET));
    expect(registryToJSON(fast)).toEqual(registryToJSON(slow));
    expect(registryToJSON(fast).applications.map((a) => a.personId)).toEqual(['1000000000001', 'person-2', 'anna']);
  });

  it('a batch the events would refuse is refused with the same issues, and nothing changes', () => {
    const first = { codes: [1_000_000_000_001, 1_000_000_000_002], draws: [1, 2], quota: 1 };
    const base = applyArrivals(createRegistry(policy), batchOf(first, times(0).applied, times(0).reviewed));
    const before = registryToJSON(base);
    const cases: ArrivalBatch[] = [
      // a code already in the registry
      batchOf({ ...first, codes: [1_000_000_000_009, 1_000_000_000_002] }, times(1).applied, times(1).reviewed),
      // the same code twice in the batch
      batchOf({ ...first, codes: [1_000_000_000_009, 1_000_000_000_009] }, times(1).applied, times(1).reviewed),
      // older than the last event
      batchOf({ ...first, codes: [1_000_000_000_009, 1_000_000_000_008] }, times(0).applied - 1, times(1).reviewed),
      // approved before it applied
      batchOf({ ...first, codes: [1_000_000_000_009, 1_000_000_000_008] }, times(1).applied, times(1).applied - 1),
      // a person id the events refuse
      batchOf({ ...first, codes: [1_000_000_000_009, 1_000_000_000_008] }, times(1).applied, times(1).reviewed, [
        '',
        'ok',
      ]),
    ];
    for (const batch of cases) {
      const viaEvents = thrown(() => applyEvents(base, arrivalEvents(batch, OFFSET)));
      expect(viaEvents).toBeDefined();
      expect(thrown(() => applyArrivals(base, batch))).toEqual(viaEvents);
      expect(registryToJSON(base)).toEqual(before);
    }
  });
});
