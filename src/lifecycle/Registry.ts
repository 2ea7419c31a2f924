import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import { formatTimestamp } from '../time/formatTimestamp';
import { lifecycleOf } from './internal/periods';
import { emptyState, type RegistryState } from './internal/RegistryState';
import { argumentError } from '../errors/arguments';

// A registered symbol (as for Pool), so a registry made by one copy of the library works with another.
const STATE: unique symbol = Symbol.for('yaohao/registry-state') as never;

/**
 * The registry of applications: an immutable, JSON-serialisable state, the fold of its events
 * (docs/spec.md §16.3). Make one with createRegistry, change it with applyEvent / applyEvents
 * (each returns a new registry and leaves this one as it was), read it with registryPool,
 * lookupApplication, registrySummary and registryToJSON.
 */
export class Registry<P extends Policy = Policy> {
  /**
   * Type only (never set): the policy type the registry follows, so that registryPool hands out the
   * records createPool takes under that policy (PoolRecordOf).
   */
  declare readonly policyType?: P;
  /** Id of the policy whose rules the registry follows. */
  readonly policyId: string;
  /** Number of applications (every status). */
  readonly size: number;
  /** Time of the last event applied (at the policy's offset), or undefined before the first. */
  readonly lastEventAt: string | undefined;

  /** @internal Use createRegistry; this constructor trusts its state. */
  constructor(state: RegistryState) {
    // Plain JavaScript may call it with anything: only a registry's state is taken.
    if (typeof state !== 'object' || state === null || !('context' in state) || !('store' in state))
      throw argumentError(['state'], 'a registry state (use createRegistry)', state);
    Object.defineProperty(this, STATE, { value: state, enumerable: false, writable: false });
    this.policyId = state.context.policy.id;
    this.size = state.store.size;
    this.lastEventAt = state.lastAt === undefined ? undefined : formatTimestamp(state.lastAt, state.context.offset);
    Object.freeze(this);
  }
}

/** Internal: the state of a registry (throws a YaohaoError for anything else). */
export function registryState(registry: Registry): RegistryState {
  const state = (registry as unknown as { [STATE]?: RegistryState } | null)?.[STATE];
  if (state === undefined)
    throw new YaohaoError([
      { code: 'invalid_type', path: ['registry'], message: 'expected a Registry (createRegistry)' },
    ]);
  return state;
}

/**
 * An empty registry following `policy` (a preset with lifecycle rules, or your own). Its weight
 * rule must count draws (flat, ladder or beijing2021): a registry derives every weight from the
 * applications' history, so the explicit rule is refused.
 */
export function createRegistry<P extends Policy>(policy: P): Registry<P> {
  const context = lifecycleOf(policy);
  if (context.policy.weights.rule === 'explicit')
    throw new YaohaoError([
      {
        code: 'invalid_policy',
        path: ['policy', 'weights'],
        message:
          'a registry counts draws to weigh applications: use a flat, ladder or beijing2021 policy, not explicit',
      },
    ]);
  return new Registry<P>(emptyState(context));
}

/** createRegistry that returns `{ success, value | issues }` instead of throwing. */
export function safeCreateRegistry<P extends Policy>(policy: P): SafeResult<Registry<P>> {
  return safely(() => createRegistry(policy));
}
