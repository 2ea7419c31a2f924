import type { AuditRecord, Winner } from '../audit/AuditRecord';
import { drawLottery } from '../draw/drawLottery';
import { canonicalJson, type CanonicalJsonValue } from '../encoding/canonicalJson';
import { toHex } from '../encoding/hex';
import { sha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import { argumentError, optionsObject, requireObject } from '../errors/arguments';
import { parseWith } from '../errors/fromZod';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { isYaohaoError } from '../errors/YaohaoError';
import { ENGINE } from '../version';
import { PeriodPlanSchema, planDigest, type PeriodPlan, type PlannedSubDraw } from './PeriodPlan';
import { requirePeriodPools, type PeriodPools } from './PeriodPools';
import type { BoundaryTie, RankedWinner } from './Ranking';

/** Version tag of the period record format (docs/spec.md §12.5). */
export const PERIOD_RECORD_FORMAT = 'yaohao-period/1';

/** The outcome of one sub-draw. */
export type SubDrawResult =
  | {
      /** The sub-draw's label. */
      readonly label: string;
      /** A ranking. */
      readonly method: 'ranking';
      /** Quota of the sub-draw (base quota plus inflow). */
      readonly quota: number;
      /** The top of the ranking, with ranks and keys. */
      readonly winners: readonly RankedWinner[];
      /** Ties at the quota boundary that only the code decided. */
      readonly boundaryTies: readonly BoundaryTie[];
    }
  | {
      /** The sub-draw's label. */
      readonly label: string;
      /** A lottery. */
      readonly method: 'lottery';
      /** Quota of the sub-draw (base quota plus inflow). */
      readonly quota: number;
      /** Winners in draw order. */
      readonly winners: readonly Winner[];
      /** The draw's audit record (absent when the quota is 0: nothing was drawn). */
      readonly record?: AuditRecord;
    };

/** The audit record of a whole period: the plan, the seed(s), and every sub-draw's result. */
export interface PeriodRecord {
  /** Always "yaohao-period/1". */
  readonly format: typeof PERIOD_RECORD_FORMAT;
  /** Engine that ran the period (informative). */
  readonly engine: string;
  /** The plan, as published before the seed. */
  readonly plan: PeriodPlan;
  /** The period seed (default generator). Legacy seeds are in each lottery's record. */
  readonly seed?: string;
  /** Results in plan order. */
  readonly results: readonly SubDrawResult[];
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly digest: string;
}

/** Options of runPeriod: one period seed (default generator) or one ceremony seed per lottery sub-draw (legacy). */
export interface RunPeriodOptions {
  /** The period seed; each lottery sub-draw's stream is derived from it and the sub-draw's label. */
  readonly seed?: string;
  /** Legacy: the ceremony seed of each lottery sub-draw, by label. */
  readonly seeds?: Readonly<Record<string, string>>;
}

/** Every sub-draw's winners, and the period record. */
export interface PeriodOutcome {
  /** Every sub-draw's result, in plan order. */
  readonly results: readonly SubDrawResult[];
  /** The period record to publish. */
  readonly record: PeriodRecord;
}

/** SHA-256 (hex) of the canonical JSON of a period record without its digest. */
export function periodRecordDigest(record: Omit<PeriodRecord, 'digest'> | PeriodRecord): string {
  requireObject(record, ['record'], 'a period record');
  const { digest: _ignored, ...rest } = record as PeriodRecord;
  return toHex(sha256(utf8(canonicalJson(rest as unknown as CanonicalJsonValue))));
}

/** Runs one sub-draw of a plan (shared by runPeriod and verifyPeriod). */
export function runSubDraw(
  draw: PlannedSubDraw,
  plan: PeriodPlan,
  pools: PeriodPools,
  seed: string | undefined,
): SubDrawResult {
  if (draw.method === 'ranking') {
    const { winners, boundaryTies } = pools.ranking(draw.label).top(draw.quota);
    return { label: draw.label, method: 'ranking', quota: draw.quota, winners, boundaryTies };
  }
  if (draw.quota === 0) return { label: draw.label, method: 'lottery', quota: 0, winners: [] };
  const { winners, record } = drawLottery(pools.pool(draw.label), {
    quota: draw.quota,
    seed: seed!,
    generator: plan.generator,
    label: draw.label,
  });
  return { label: draw.label, method: 'lottery', quota: draw.quota, winners, record };
}

/**
 * Runs a planned period (docs/spec.md §12.5): every sub-draw in plan order. Rankings take the top
 * of their ranking; lotteries draw with the default generator from one period seed and the
 * sub-draw's label, or with the legacy generator from each sub-draw's own ceremony seed.
 * The pools must be the ones planPeriod built for this plan.
 */
export function runPeriod(plan: PeriodPlan, pools: PeriodPools, options: RunPeriodOptions): PeriodOutcome {
  const issues = new IssueCollector();
  const parsed = parseWith(PeriodPlanSchema, plan, { path: ['plan'] });
  if (!parsed.ok) {
    issues.addAll(parsed.issues);
    issues.throwIfAny();
  }
  if (planDigest(plan) !== plan.digest)
    issues.add({
      code: 'invalid_value',
      path: ['plan', 'digest'],
      message:
        'the plan does not match its own digest: it was changed after it was made (plan it again with planPeriod)',
    });
  requirePeriodPools(pools, ['pools']);
  const { seed, seeds } = optionsObject(options, ['options']);
  if (seed !== undefined && typeof seed !== 'string') throw argumentError(['options', 'seed'], 'a string', seed);
  if (seeds !== undefined) {
    for (const [label, value] of Object.entries(requireObject(seeds, ['options', 'seeds'], 'seeds by label')))
      if (typeof value !== 'string') throw argumentError(['options', 'seeds', label], 'a string', value);
  }
  if (pools.planDigest !== plan.digest) {
    issues.add({
      code: 'invalid_value',
      path: ['pools'],
      message: `these pools were built for plan ${pools.planDigest}, not ${plan.digest}`,
    });
  }
  const lotteries = plan.subDraws.filter((d) => d.method === 'lottery' && d.quota > 0);
  const seedOf = (label: string): string | undefined =>
    plan.generator === 'legacy' ? (seeds as Record<string, string> | undefined)?.[label] : seed;
  if (plan.generator === 'default' && lotteries.length > 0 && seed === undefined) {
    issues.add({
      code: 'invalid_seed',
      path: ['options', 'seed'],
      message: 'the default generator needs the period seed (options.seed)',
    });
  }
  if (plan.generator === 'legacy') {
    for (const d of lotteries) {
      if (seedOf(d.label) === undefined)
        issues.add({
          code: 'invalid_seed',
          path: ['options', 'seeds', d.label],
          message: `the legacy generator needs a ceremony seed for "${d.label}"`,
        });
    }
  }
  issues.throwIfAny();
  const results: SubDrawResult[] = [];
  for (const draw of plan.subDraws) {
    try {
      results.push(runSubDraw(draw, plan, pools, seedOf(draw.label)));
    } catch (error) {
      // Name the sub-draw in every problem (a bad seed, an exhausted draw).
      if (!isYaohaoError(error)) throw error;
      issues.addAll(
        error.issues.map((issue) => ({
          ...issue,
          path: ['subDraws', draw.label, ...issue.path],
          message: `${draw.label}: ${issue.message}`,
        })),
      );
      issues.throwIfAny();
    }
  }
  const unsealed: Omit<PeriodRecord, 'digest'> = {
    format: PERIOD_RECORD_FORMAT,
    engine: ENGINE,
    plan,
    ...(plan.generator === 'default' && typeof seed === 'string' ? { seed } : {}),
    results,
  };
  return { results, record: { ...unsealed, digest: periodRecordDigest(unsealed) } };
}

/** runPeriod that returns `{ success, value | issues }` instead of throwing. */
export function safeRunPeriod(
  plan: PeriodPlan,
  pools: PeriodPools,
  options: RunPeriodOptions,
): SafeResult<PeriodOutcome> {
  return safely(() => runPeriod(plan, pools, options));
}
