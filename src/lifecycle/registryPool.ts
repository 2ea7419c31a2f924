import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { IN_POOL, UNIT, type App } from './internal/Application';
import type { AppColumns } from './internal/AppColumns';
import { periodName, requirePeriod } from './internal/periods';
import { poolRecordOf, type RegistryPoolRecord } from './internal/poolRecord';
import { runCounter, type RegistryState } from './internal/RegistryState';
import { registryState, type Registry } from './Registry';
import type { Policy } from '../policy/Policy';
import { joinedCodes } from '../pool/applicationCode';
import type { PoolRecordOf } from '../pool/createPool';
import type { UnitRecord } from '../period/periodRecords';

export type { RegistryPoolRecord } from './internal/poolRecord';

const CODES_AT_ONCE = 65_536;

/**
 * The records registryPool hands out under a policy type: what createPool takes under it
 * (PoolRecordOf) when TypeScript knows the policy's rule, as for the presets; else any of them.
 */
export type RegistryRecordOf<P extends Policy> = unknown extends PoolRecordOf<P> ? RegistryPoolRecord : PoolRecordOf<P>;

/** The pools of a period as the registry derives them, ready for createPool or planPeriod. */
export interface RegistryPool<P extends Policy = Policy> {
  /** The period, "2024-h2". */
  readonly period: string;
  /** Individuals and families in the pool, ascending code: planPeriod's `ordinary` list, or createPool's records. */
  readonly ordinary: readonly RegistryRecordOf<P>[];
  /** Units in the pool, ascending code: planPeriod's `ordinaryUnits` list. */
  readonly ordinaryUnits: readonly UnitRecord[];
}

/** The period ordinal of a pool request, refused when the registry has already drawn that period or a later one. */
export function poolPeriod(state: RegistryState, period: unknown): number {
  const ordinal = requirePeriod(period, state.context, ['period']);
  for (const held of state.held) {
    const last = held[held.length - 1];
    if (last !== undefined && last.period >= ordinal)
      throw new YaohaoError([
        {
          code: 'invalid_value',
          path: ['period'],
          message: `${periodName(last.period, state.context.rule)} was already drawn: the registry derives pools of later periods only`,
        },
      ]);
  }
  return ordinal;
}

/**
 * The pool records of everyone in the pool of `period` (docs/spec.md §16.4): applications
 * approved in time, still in the pool, whose first period is `period` or earlier; draw counts
 * include every draw they were in; C5 kept; families with their members and family years. Records
 * are in ascending code order and depend only on the registry's state, so every event order that
 * yields the same state yields the same pool (and the same commitment).
 */
export function registryPool<P extends Policy>(registry: Registry<P>, period: string): RegistryPool<P> {
  const state = registryState(registry);
  const ordinal = poolPeriod(state, period);
  const ordinary: RegistryPoolRecord[] = [];
  const ordinaryUnits: UnitRecord[] = [];
  const ladder = state.context.policy.weights.rule !== 'beijing2021';
  const held = state.held[0]!;
  // Runs start at few distinct periods: their draw counts are looked up once each.
  const runOf = runCounter(held);
  const take = (app: App): void => {
    if (app.status !== IN_POOL || app.poolFrom > ordinal) return;
    if (app.kind === UNIT) ordinaryUnits.push({ code: app.codeText });
    else ordinary.push(poolRecordOf(app, state, ordinal));
  };
  state.store.scan({
    rows(columns: AppColumns, from: number, to: number): void {
      const { statuses, poolFrom, kinds, codes, counted, c5 } = columns;
      // Codes are written out a chunk at a time, as one string that each record's code slices.
      let texts = '';
      let textsFrom = from;
      for (let i = from; i < to; i++) {
        if (statuses[i] !== IN_POOL || poolFrom[i]! > ordinal) continue;
        // The common case without an object per application: an individual under a counted policy.
        if (ladder && kinds[i] !== UNIT) {
          if (i >= textsFrom + texts.length / 13) {
            textsFrom = i;
            texts = joinedCodes(codes, i, Math.min(to, i + CODES_AT_ONCE));
          }
          const code = texts.slice((i - textsFrom) * 13, (i - textsFrom + 1) * 13);
          const draws = counted[i]! + runOf(poolFrom[i]!);
          ordinary.push(c5[i] === 1 ? { code, draws, c5: true } : { code, draws });
        } else take(columns.read(i));
      }
    },
    app: take,
  });
  // The records are in the shape the registry's policy takes (RegistryPoolRecord narrows to it).
  return {
    period: periodName(ordinal, state.context.rule),
    ordinary: ordinary as RegistryRecordOf<P>[],
    ordinaryUnits,
  };
}

/** registryPool that returns `{ success, value | issues }` instead of throwing. */
export function safeRegistryPool<P extends Policy>(registry: Registry<P>, period: string): SafeResult<RegistryPool<P>> {
  return safely(() => registryPool(registry, period));
}
