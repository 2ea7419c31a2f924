import type { FamilyMember } from '../../family/familyRecords';

/** Where an application stands (docs/spec.md §16.3). */
export type ApplicationStatus = 'in-review' | 'rejected' | 'in-pool' | 'won' | 'forfeited' | 'expired' | 'removed';

/** Statuses, by their numeric id in the registry's columns (docs/spec.md §16.3). */
export const STATUSES: readonly [ApplicationStatus, ...ApplicationStatus[]] = [
  'in-review',
  'rejected',
  'in-pool',
  'won',
  'forfeited',
  'expired',
  'removed',
];
export const IN_REVIEW = 0;
export const REJECTED = 1;
export const IN_POOL = 2;
export const WON = 3;
export const FORFEITED = 4;
export const EXPIRED = 5;
export const REMOVED = 6;
/** Statuses that carry a certificate. */
export const CERTIFIED: readonly number[] = [WON, FORFEITED, EXPIRED];

/** Kind ids, as in the pool (APPLICANT_KINDS). */
export const INDIVIDUAL = 0;
export const FAMILY = 1;
export const UNIT = 2;

/** The pools the registry feeds: 0 = `ordinary` (individuals and families), 1 = `ordinaryUnits`. */
export const GROUPS = ['ordinary', 'ordinaryUnits'] as const;

/** The pool group of a kind id. */
export function groupOf(kind: number): number {
  return kind === UNIT ? 1 : 0;
}

/** A review reason as the registry keeps it. */
export interface StoredReason {
  readonly code: string;
  readonly message: string;
}

/** A 2021– individual's fields that pass through to its pool record (queue and registration times). */
export interface PersonExtras {
  readonly queueSince?: string;
  readonly queueYears?: number;
  readonly registeredAt?: string;
}

/** A family's members and the family years counted outside its current run in the pool. */
export interface FamilyExtras {
  readonly members: readonly FamilyMember[];
  /** familyYears of the applied event, plus the years of earlier runs (draw-years). */
  readonly familyYears: number;
  /** Last calendar year already counted in familyYears (0: none). */
  readonly lastYear: number;
  /** When the family first applied (epoch ms; full-years counts from it). */
  readonly since: number;
}

/** The quota certificate of a winner. */
export interface Certificate {
  /** Index of the draw in the group's held draws. */
  readonly draw: number;
  /** 1-based position in the draw's winners. */
  readonly rank: number;
  /** Confirmed at (epoch ms). */
  readonly confirmedAt?: number;
  /** Car registered at (epoch ms): the certificate is used. */
  readonly usedAt?: number;
}

/** What few applications carry: kept out of the columns. */
export interface AppExtra {
  readonly person?: PersonExtras;
  readonly family?: FamilyExtras;
  readonly reasons?: readonly StoredReason[];
  readonly removedBecause?: 'cancelled' | 'not-renewed';
  readonly certificate?: Certificate;
}

/**
 * One application as the registry holds it. Draw counts are lazy: `counted` draws were entered
 * before the current run in the pool; while `in-pool`, every held draw of its group with a period
 * ≥ `poolFrom` counts too (docs/spec.md §16.3), so holding a draw never touches the losers.
 */
export interface App {
  /** Code value (13 digits as a number): order, search, hashing. */
  readonly code: number;
  /** The same code as text, as it came in. */
  readonly codeText: string;
  readonly kind: number;
  readonly status: number;
  readonly personId: string;
  /** Last (re-)application (epoch ms). */
  readonly appliedAt: number;
  /** When the current status began (epoch ms). */
  readonly statusAt: number;
  /** Last continuation confirmation, or the (re-)application (epoch ms). */
  readonly renewedAt: number;
  /** Period ordinal: in review, the first period it may enter; in the pool, the first draw of its run. */
  readonly poolFrom: number;
  /** Draws entered before the current run. */
  readonly counted: number;
  /** Of those, draws held in 2021 or later. */
  readonly countedSince2021: number;
  readonly c5: boolean;
  readonly extra: AppExtra | undefined;
}

/** A copy of `app` with some fields changed (written out field by field: every App has one shape). */
export function withFields(
  app: App,
  fields: Partial<Pick<App, 'status' | 'statusAt' | 'renewedAt' | 'poolFrom' | 'extra'>>,
): App {
  return {
    code: app.code,
    codeText: app.codeText,
    kind: app.kind,
    status: fields.status ?? app.status,
    personId: app.personId,
    appliedAt: app.appliedAt,
    statusAt: fields.statusAt ?? app.statusAt,
    renewedAt: fields.renewedAt ?? app.renewedAt,
    poolFrom: fields.poolFrom ?? app.poolFrom,
    counted: app.counted,
    countedSince2021: app.countedSince2021,
    c5: app.c5,
    extra: 'extra' in fields ? fields.extra : app.extra,
  };
}

/** A copy of `app` with some extra fields changed. */
export function withExtra(app: App, extra: Partial<AppExtra>): App {
  return withFields(app, { extra: { ...app.extra, ...extra } });
}
