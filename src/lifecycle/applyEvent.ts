import type { Issue, PathSegment } from '../errors/Issue';
import { parseWith } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import { parseTimestamp } from '../time/timestamp';
import { arrivalEvents, type ArrivalBatch } from './internal/arrivals';
import { readPlainEvent } from './internal/plainEvent';
import { Transaction } from './internal/Transaction';
import { createRegistry, Registry, registryState } from './Registry';
import { EVENT_SCHEMAS, EVENT_TYPES, type RegistryEvent } from './RegistryEvent';

/** A validated event with its time (epoch ms; undefined when not a real date and time), or the issues of a malformed one (paths under `path`). */
export function readEvent(
  value: unknown,
  path: readonly PathSegment[],
): { event: RegistryEvent; at: number | undefined } | Issue[] {
  const plain = readPlainEvent(value);
  if (plain !== undefined) return plain;
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type))
    return [
      {
        code: typeof value === 'object' && value !== null ? 'invalid_value' : 'invalid_type',
        path: [...path, 'type'],
        message: `an event is an object whose "type" is one of ${EVENT_TYPES.join(', ')}`,
      },
    ];
  const parsed = parseWith(EVENT_SCHEMAS[type as RegistryEvent['type']], value, { path });
  if (!parsed.ok) return parsed.issues;
  const event = parsed.value as RegistryEvent;
  return { event, at: parseTimestamp(event.at) };
}

function validated(value: unknown, path: readonly PathSegment[]): { event: RegistryEvent; at: number | undefined } {
  const read = readEvent(value, path);
  if (Array.isArray(read)) throw new YaohaoError(read);
  return read;
}

/**
 * The registry after one event (docs/spec.md §16.3); `registry` is not changed. An event the state
 * does not allow — an unknown code, confirming twice, a late confirmation, a draw whose winners are
 * not in the pool, an event older than the last one — is a YaohaoError, and nothing changes.
 * Cost: O(changes · log n), except the cleanup, which visits every application.
 */
export function applyEvent<P extends Policy>(registry: Registry<P>, event: unknown): Registry<P> {
  const state = registryState(registry);
  const checked = validated(event, ['event']);
  const transaction = new Transaction(state, checked.event.type === 'cleanup');
  transaction.apply(checked.event, checked.at, ['event']);
  return new Registry<P>(transaction.finish());
}

/** applyEvent that returns `{ success, value | issues }` instead of throwing. */
export function safeApplyEvent<P extends Policy>(registry: Registry<P>, event: unknown): SafeResult<Registry<P>> {
  return safely(() => applyEvent(registry, event));
}

/**
 * The registry after a batch of events, in order: the same state as applying them one by one with
 * applyEvent (a property test checks this), at the cost of one copy of the registry for the whole
 * batch instead of a change per event — the way to replay a log or add a period's arrivals. The
 * first bad event throws a YaohaoError whose paths start with its index; nothing changes.
 */
export function applyEvents<P extends Policy>(registry: Registry<P>, events: Iterable<unknown>): Registry<P> {
  const transaction = new Transaction(registryState(registry), true);
  let index = 0;
  for (const event of events) {
    const checked = validated(event, [index]);
    transaction.apply(checked.event, checked.at, [index]);
    index++;
  }
  return new Registry<P>(transaction.finish());
}

/**
 * Internal (the simulation's batch path, not exported from the package): the registry after a
 * batch of arrivals — exactly `applyEvents(registry, arrivalEvents(batch, offset))`, in one pass
 * over columns when the batch is plain (Transaction.arrivals), else through those events (which
 * report what is wrong, as applyEvents does).
 */
export function applyArrivals<P extends Policy>(registry: Registry<P>, batch: ArrivalBatch): Registry<P> {
  const state = registryState(registry);
  if (batch.count === 0) return registry;
  const transaction = new Transaction(state, false);
  if (transaction.arrivals(batch)) return new Registry<P>(transaction.finish());
  return applyEvents(registry, arrivalEvents(batch, state.context.offset));
}

/** applyEvents that returns `{ success, value | issues }` instead of throwing. */
export function safeApplyEvents<P extends Policy>(
  registry: Registry<P>,
  events: Iterable<unknown>,
): SafeResult<Registry<P>> {
  return safely(() => applyEvents(registry, events));
}

/** The registry an event log gives: `applyEvents(createRegistry(policy), events)`. */
export function replayEvents<P extends Policy>(events: Iterable<unknown>, policy: P): Registry<P> {
  return applyEvents(createRegistry(policy), events);
}

/** replayEvents that returns `{ success, value | issues }` instead of throwing. */
export function safeReplayEvents<P extends Policy>(events: Iterable<unknown>, policy: P): SafeResult<Registry<P>> {
  return safely(() => replayEvents(events, policy));
}
