import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { createPool } from '../pool/createPool';
import type { Pool } from '../pool/Pool';
import { finishPool } from '../pool/internal/finishPool';
import { sortedRun } from '../pool/internal/PoolRun';
import { countedWeigher } from '../pool/recordReader';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { INDIVIDUAL, IN_POOL, UNIT, type App } from './internal/Application';
import { runCounter } from './internal/RegistryState';
import { registryState, type Registry } from './Registry';
import { poolPeriod, registryPool } from './registryPool';

/**
 * The ordinary pool of a period (individuals and families), built straight from the registry's
 * sorted columns (no record, no sort): the same Pool — same commitment, same draws — as `createPool(registryPool(registry, period).ordinary,
 * { policy })` (a property test checks this), without a record object per application under
 * flat and ladder policies, where weights come from the draw counts in the registry's columns.
 * This is the path a simulation of many periods takes. 2021– policies (family points, the
 * person checks) go through the records.
 */
export function createRegistryPool(registry: Registry, period: string): Pool {
  const state = registryState(registry);
  const policy = state.context.policy;
  if (policy.weights.rule === 'beijing2021') return createPool(registryPool(registry, period).ordinary, { policy });
  const ordinal = poolPeriod(state, period);
  const weigh = countedWeigher(policy);
  const held = state.held[0]!;
  const runOf = runCounter(held);
  // The store is in code order, so the pool's sort keys (code × 4 + kind) come out sorted.
  const keys = new Float64Array(state.store.size);
  const weights = new Uint32Array(state.store.size);
  let n = 0;
  let tooHeavy = false;
  const add = (code: number, draws: number, c5: boolean): void => {
    const weight = weigh(draws, c5);
    if (weight > MAX_WEIGHT) tooHeavy = true;
    keys[n] = code * 4 + INDIVIDUAL;
    weights[n++] = weight;
  };
  state.store.scan({
    rows(columns, from, to) {
      const { statuses, poolFrom, kinds, codes, counted, c5 } = columns;
      // Neighbours mostly share their run's start: its draw count is looked up when it changes.
      let start = Number.NaN;
      let run = 0;
      for (let i = from; i < to; i++) {
        if (statuses[i] !== IN_POOL || poolFrom[i]! > ordinal || kinds[i] === UNIT) continue;
        if (poolFrom[i] !== start) run = runOf((start = poolFrom[i]!));
        const weight = weigh(counted[i]! + run, c5[i] === 1);
        if (weight > MAX_WEIGHT) tooHeavy = true;
        keys[n] = codes[i]! * 4 + INDIVIDUAL;
        weights[n++] = weight;
      }
    },
    app(app: App) {
      if (app.status !== IN_POOL || app.poolFrom > ordinal || app.kind === UNIT) return;
      add(app.code, app.counted + runOf(app.poolFrom), app.c5);
    },
  });
  // Absurd draw counts: let the record path report them as createPool does.
  if (tooHeavy) return createPool(registryPool(registry, period).ordinary, { policy });
  const sorted = keys.subarray(0, n);
  return finishPool(sortedRun(sorted, weights.subarray(0, n)), policy.id);
}

/** createRegistryPool that returns `{ success, value | issues }` instead of throwing. */
export function safeCreateRegistryPool(registry: Registry, period: string): SafeResult<Pool> {
  return safely(() => createRegistryPool(registry, period));
}
