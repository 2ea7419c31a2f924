import * as z from 'zod/mini';
import { PoolCommitmentSchema } from '../audit/AuditRecord';
import { canonicalJson, type CanonicalJsonValue } from '../encoding/canonicalJson';
import { requireObject } from '../errors/arguments';
import { toHex } from '../encoding/hex';
import { sha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import { ENTRANT_LISTS, type EntrantList, type QuotaCategory } from '../policy/Allocation';
import type { PoolCommitment } from '../pool/commitPool';
import type { GeneratorId } from '../rng/generators';
import type { RankingCommitment } from './Ranking';

/** Version tag of the period plan format (docs/spec.md §12.4). */
export const PLAN_FORMAT = 'yaohao-plan/1';

/** One sub-draw of a plan: what is allocated, to whom, how, and the commitment to its entrants. */
export interface PlannedSubDraw {
  /** e.g. "nev/family"; names the default generator's stream. */
  readonly label: string;
  /** A seeded lottery, or the top of a ranking. */
  readonly method: 'lottery' | 'ranking';
  /** New-energy or ordinary quota. */
  readonly category: QuotaCategory;
  /** Part of the category notice. */
  readonly part: string;
  /** Input list of the entrants. */
  readonly entrants: EntrantList;
  /** From the split (or options.quotas). */
  readonly baseQuota: number;
  /** Unused quota received from earlier sub-draws. */
  readonly inflow: number;
  /** baseQuota + inflow: what is allocated or drawn. */
  readonly quota: number;
  /** min(quota, number of entrants): the winners there will be. */
  readonly allocated: number;
  /** quota − allocated: passed on to `leftoverTo`, or unallocated. */
  readonly leftover: number;
  /** The sub-draw that receives the leftover, if any. */
  readonly leftoverTo?: string;
  /** New-energy families not served that continue into this (ordinary) pool. */
  readonly joinedFamilies?: number;
  /** Commitment to the entrants: a pool (lottery) or a ranking. */
  readonly pool: PoolCommitment | RankingCommitment;
}

/** The plan of a period, published before the seed: every sub-draw, its quota and its entrants' commitment. */
export interface PeriodPlan {
  /** Always "yaohao-plan/1". */
  readonly format: typeof PLAN_FORMAT;
  /** Engine that made the plan (informative). */
  readonly engine: string;
  /** Policy id. */
  readonly policy: string;
  /** Period, "2024-h1", "2016-06", …. */
  readonly period: string;
  /** Generator of the lottery sub-draws. */
  readonly generator: GeneratorId;
  /** Σ baseQuota: the period's quota. */
  readonly total: number;
  /** Leftover quota with nowhere to go: total − Σ allocated. */
  readonly unallocated: number;
  /** Sub-draws in the order they are run. */
  readonly subDraws: readonly PlannedSubDraw[];
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly digest: string;
}

const count = z.int().check(z.minimum(0));
const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' }));

/** The zod schema of PeriodPlan (the shape runPeriod and verifyPeriod accept). */
export const PeriodPlanSchema: z.ZodMiniType<PeriodPlan> = z.readonly(
  z.strictObject({
    format: z.literal(PLAN_FORMAT),
    engine: z.string(),
    policy: z.string(),
    period: z.string(),
    generator: z.enum(['legacy', 'default']),
    total: count,
    unallocated: count,
    subDraws: z.readonly(
      z.array(
        z.readonly(
          z.strictObject({
            label: z.string().check(z.minLength(1)),
            method: z.enum(['lottery', 'ranking']),
            category: z.enum(['nev', 'ordinary']),
            part: z.string(),
            entrants: z.enum(ENTRANT_LISTS),
            baseQuota: count,
            inflow: count,
            quota: count,
            allocated: count,
            leftover: count,
            leftoverTo: z.optional(z.string()),
            joinedFamilies: z.optional(count),
            pool: z.union([
              PoolCommitmentSchema,
              z.readonly(z.strictObject({ format: z.literal('yaohao-ranking/1'), size: count, digest: hex64 })),
            ]),
          }),
        ),
      ),
    ),
    digest: hex64,
  }),
) as z.ZodMiniType<PeriodPlan>;

/** SHA-256 (hex) of the canonical JSON of a plan without its digest. */
export function planDigest(plan: Omit<PeriodPlan, 'digest'> | PeriodPlan): string {
  requireObject(plan, ['plan'], 'a plan');
  const { digest: _ignored, ...rest } = plan as PeriodPlan;
  return toHex(sha256(utf8(canonicalJson(rest as unknown as CanonicalJsonValue))));
}
