import { canonicalJson, type CanonicalJsonValue } from '../encoding/canonicalJson';
import { toHex } from '../encoding/hex';
import { sha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import type { EntrantList, QuotaCategory } from '../policy/Allocation';
import type { PoolCommitment } from '../pool/commitPool';
import type { GeneratorId } from '../rng/generators';
import type { RankingCommitment } from './Ranking';

/** Version tag of the period plan format (docs/spec.md §12.4). */
export const PLAN_FORMAT = 'yaohao-plan/1';

/** One sub-draw of a plan: what is allocated, to whom, how, and the commitment to its entrants. */
export interface PlannedSubDraw {
  /** e.g. "nev/family"; names the default generator's stream. */
  readonly label: string;
  readonly method: 'lottery' | 'ranking';
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

/** SHA-256 (hex) of the canonical JSON of a plan without its digest. */
export function planDigest(plan: Omit<PeriodPlan, 'digest'> | PeriodPlan): string {
  const { digest: _ignored, ...rest } = plan as PeriodPlan;
  return toHex(sha256(utf8(canonicalJson(rest as unknown as CanonicalJsonValue))));
}
