import { verifyRecord } from '../audit/verifyRecord';
import { canonicalJson, type CanonicalJsonValue } from '../encoding/canonicalJson';
import { isYaohaoError } from '../errors/YaohaoError';
import { parseWith } from '../errors/fromZod';
import { PeriodPlanSchema, PLAN_FORMAT, planDigest, type PeriodPlan } from './PeriodPlan';
import { requirePeriodPools, type PeriodPools } from './PeriodPools';
import {
  PERIOD_RECORD_FORMAT,
  periodRecordDigest,
  runSubDraw,
  type PeriodRecord,
  type SubDrawResult,
} from './runPeriod';

/** The outcome of verifyPeriod: ok, or the first difference with the sub-draw it is in. */
export type PeriodVerdict =
  | {
      /** Every sub-draw replays and the record is the one its content gives. */
      readonly ok: true;
    }
  | {
      /** Something differs. */
      readonly ok: false;
      /** What differs: the record's shape, the plan, a sub-draw's result, or the record digest. */
      readonly reason: 'malformed-record' | 'plan-mismatch' | 'result-mismatch' | 'digest-mismatch';
      /** The sub-draw where it differs. */
      readonly subDraw?: string;
      /** 0-based winner position within that sub-draw. */
      readonly position?: number;
      /** What the replay gives. */
      readonly expected?: unknown;
      /** What the record says. */
      readonly actual?: unknown;
      /** One sentence naming the sub-draw, the position and what differs. */
      readonly message: string;
    };

type Failure = Extract<PeriodVerdict, { ok: false }>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return canonicalJson(a as CanonicalJsonValue) === canonicalJson(b as CanonicalJsonValue);
  } catch {
    return false; // a record holding non-canonical data (a float, say) matches nothing
  }
}

/**
 * Replays a period record against the period's entrants (rebuilt with planPeriod from the published
 * input) and reports the first difference (docs/spec.md §12.6): the plan (its digest, and that
 * these entrants are the plan's), then each sub-draw in order — rankings recomputed, lotteries
 * replayed with verifyRecord — then the record digest.
 */
export function verifyPeriod(record: unknown, pools: PeriodPools): PeriodVerdict {
  requirePeriodPools(pools, ['pools']);
  const r = record as Partial<PeriodRecord> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.format !== PERIOD_RECORD_FORMAT ||
    typeof r.plan !== 'object' ||
    !Array.isArray(r.results)
  ) {
    return { ok: false, reason: 'malformed-record', message: `not a ${PERIOD_RECORD_FORMAT} record` };
  }
  const parsedPlan = parseWith(PeriodPlanSchema, r.plan, { path: ['record', 'plan'] });
  if (!parsedPlan.ok)
    return {
      ok: false,
      reason: 'malformed-record',
      message: `the record's plan is not a ${PLAN_FORMAT} plan: ${parsedPlan.issues[0]!.message}`,
    };
  const plan = r.plan;
  let recomputed: string;
  try {
    recomputed = planDigest(plan);
  } catch {
    return { ok: false, reason: 'malformed-record', message: 'the plan in the record is not canonical JSON data' };
  }
  if (recomputed !== plan.digest)
    return {
      ok: false,
      reason: 'plan-mismatch',
      message: 'the plan in the record does not match its own digest: it was edited after publication',
      expected: recomputed,
      actual: plan.digest,
    };
  // `engine` is informative: a record made by another version of yaohao verifies.
  const mine = pools.plan;
  if (
    mine === undefined ? plan.digest !== pools.planDigest : planDigest({ ...mine, engine: plan.engine }) !== plan.digest
  ) {
    const field = mine === undefined ? undefined : firstDifference(mine, plan);
    return {
      ok: false,
      reason: 'plan-mismatch',
      message: `the record's plan ${plan.digest} is not the plan of these entrants (${pools.planDigest})${field === undefined ? '' : `: ${field} differs`}`,
      expected: pools.planDigest,
      actual: plan.digest,
    };
  }
  if (r.results.length !== plan.subDraws.length) {
    return {
      ok: false,
      reason: 'result-mismatch',
      message: `the plan has ${plan.subDraws.length} sub-draws, the record ${r.results.length} results`,
      expected: plan.subDraws.length,
      actual: r.results.length,
    };
  }
  for (let k = 0; k < plan.subDraws.length; k++) {
    const draw = plan.subDraws[k]!;
    const actual = r.results[k] as SubDrawResult;
    const failure = checkSubDraw(
      draw.label,
      actual,
      () =>
        runSubDraw(
          draw,
          plan,
          pools,
          plan.generator === 'legacy' ? (actual as { record?: { seed?: string } }).record?.seed : r.seed,
        ),
      pools,
    );
    if (failure !== undefined) return failure;
  }
  const digest = periodRecordDigest(r as PeriodRecord);
  if (digest !== r.digest)
    return {
      ok: false,
      reason: 'digest-mismatch',
      message: 'every result replays, but the record digest does not match its content',
      expected: digest,
      actual: r.digest,
    };
  return { ok: true };
}

// The engine (and so the digest, checked by verifyRecord) of a lottery record is informative.
function informativeRemoved(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = value as Record<string, unknown>;
  if (v['format'] === 'yaohao-record/1') return { ...v, engine: undefined, digest: undefined };
  return 'record' in v ? { ...v, record: informativeRemoved(v['record']) } : value;
}

// The first field (or sub-draw field) where two plans differ, for the message.
function firstDifference(expected: PeriodPlan, actual: PeriodPlan): string | undefined {
  for (const key of ['policy', 'period', 'generator'] as const) if (!same(expected[key], actual[key])) return key;
  // A sub-draw says more than the totals that follow from it.
  const subDraws = Array.isArray(actual.subDraws) ? actual.subDraws : [];
  for (let k = 0; k < Math.min(subDraws.length, expected.subDraws.length); k++) {
    const a = subDraws[k] as unknown as Record<string, unknown>;
    const e = expected.subDraws[k] as unknown as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(a ?? {})]))
      if (!same(e[key], a?.[key])) return `subDraws[${k}].${key} (${String(e['label'])})`;
  }
  if (subDraws.length !== expected.subDraws.length) return 'the number of sub-draws';
  for (const key of ['total', 'unallocated'] as const) if (!same(expected[key], actual[key])) return key;
  return undefined;
}

function checkSubDraw(
  label: string,
  actual: SubDrawResult,
  replay: () => SubDrawResult,
  pools: PeriodPools,
): Failure | undefined {
  let expected: SubDrawResult;
  try {
    expected = replay();
  } catch (error) {
    if (!isYaohaoError(error)) throw error;
    return {
      ok: false,
      reason: 'result-mismatch',
      subDraw: label,
      message: `${label}: cannot be replayed: ${error.issues[0]?.message ?? error.message}`,
    };
  }
  if (
    typeof actual !== 'object' ||
    actual === null ||
    actual.label !== label ||
    actual.method !== expected.method ||
    actual.quota !== expected.quota
  ) {
    return {
      ok: false,
      reason: 'result-mismatch',
      subDraw: label,
      message: `${label}: the result is not the planned ${expected.method} of quota ${expected.quota}`,
      expected: { label, method: expected.method, quota: expected.quota },
      actual,
    };
  }
  if (actual.method === 'lottery' && expected.method === 'lottery' && expected.record !== undefined) {
    const verdict = verifyRecord(actual.record, pools.pool(label));
    if (!verdict.ok)
      return {
        ok: false,
        reason: 'result-mismatch',
        subDraw: label,
        ...(verdict.position === undefined ? {} : { position: verdict.position }),
        expected: verdict.expected,
        actual: verdict.actual,
        message: `${label}: ${verdict.message}`,
      };
    if (!same(informativeRemoved(actual.record), informativeRemoved(expected.record)))
      return {
        ok: false,
        reason: 'result-mismatch',
        subDraw: label,
        message: `${label}: the lottery record is not the one the plan and seed give`,
        expected: expected.record,
        actual: actual.record,
      };
  }
  const count = Math.max(expected.winners.length, Array.isArray(actual.winners) ? actual.winners.length : 0);
  for (let position = 0; position < count; position++) {
    const e = expected.winners[position];
    const a: unknown = Array.isArray(actual.winners) ? (actual.winners as readonly unknown[])[position] : undefined;
    if (!same(e ?? null, a ?? null)) {
      return {
        ok: false,
        reason: 'result-mismatch',
        subDraw: label,
        position,
        expected: e,
        actual: a,
        message: `${label}: winner #${position + 1} differs: expected ${e === undefined ? 'none' : e.code}, the record says ${a === undefined ? 'none' : ((a as { code?: string }).code ?? '?')}`,
      };
    }
  }
  if (!same(informativeRemoved(expected), informativeRemoved(actual)))
    return {
      ok: false,
      reason: 'result-mismatch',
      subDraw: label,
      message: `${label}: the result differs from the replay (boundary ties or record)`,
      expected,
      actual,
    };
  return undefined;
}
