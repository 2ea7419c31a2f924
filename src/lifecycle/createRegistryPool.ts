import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { createPool } from '../pool/createPool';
import { kindId } from '../pool/ApplicantKind';
import type { Pool } from '../pool/Pool';
import { PoolBuilder } from '../pool/PoolBuilder';
import { countedWeigher } from '../pool/recordReader';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { IN_POOL, UNIT, type App } from './internal/Application';
import { runDraws } from './internal/RegistryState';
import { registryState, type Registry } from './Registry';
import { poolPeriod, registryPool } from './registryPool';

/**
 * The ordinary pool of a period (individuals and families), built straight from the registry:
 * the same Pool — same commitment, same draws — as `createPool(registryPool(registry, period).ordinary,
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
  const runs = new Map<number, number>();
  const builder = new PoolBuilder({ policy, expectedRecords: state.store.size });
  let tooHeavy = false;
  const add = (code: number, draws: number, c5: boolean): void => {
    const weight = weigh(draws, c5);
    if (weight > MAX_WEIGHT) tooHeavy = true;
    else builder.addWeighed(code, weight, kindId('individual'), 0);
  };
  const runOf = (poolFrom: number): number => {
    let total = runs.get(poolFrom);
    if (total === undefined) runs.set(poolFrom, (total = runDraws(held, poolFrom).total));
    return total;
  };
  state.store.scan({
    row(columns, i) {
      if (columns.statuses[i] !== IN_POOL || columns.poolFrom[i]! > ordinal || columns.kinds[i] === UNIT) return;
      add(columns.codes[i]!, columns.counted[i]! + runOf(columns.poolFrom[i]!), columns.c5[i] === 1);
    },
    app(app: App) {
      if (app.status !== IN_POOL || app.poolFrom > ordinal || app.kind === UNIT) return;
      add(app.code, app.counted + runOf(app.poolFrom), app.c5);
    },
  });
  // Absurd draw counts: let the record path report them as createPool does.
  if (tooHeavy) return createPool(registryPool(registry, period).ordinary, { policy });
  return builder.finish();
}

/** createRegistryPool that returns `{ success, value | issues }` instead of throwing. */
export function safeCreateRegistryPool(registry: Registry, period: string): SafeResult<Pool> {
  return safely(() => createRegistryPool(registry, period));
}
