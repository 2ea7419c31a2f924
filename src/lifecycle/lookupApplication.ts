import { computeFamilyPoints } from '../family/familyPoints';
import type { FamilyRecord, Individual2021Record } from '../family/familyRecords';
import { historyFigures, historyRules } from '../family/personHistory';
import { IssueCollector } from '../errors/IssueCollector';
import { describeValue } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { stepsForDraws } from '../policy/stepsForDraws';
import { APPLICANT_KINDS, type ApplicantKind } from '../pool/ApplicantKind';
import { parseApplicationCode } from '../pool/applicationCode';
import { addMonths, dayStart, formatDate, localDay } from '../time/calendarDate';
import { formatTimestamp } from '../time/formatTimestamp';
import { civilFromDays } from '../time/timestamp';
import { certificateNumber } from './certificateNumber';
import { ordinaryDrawDay, workingDays, type CalendarOptions } from './drawCalendar';
import {
  EXPIRED,
  FAMILY,
  FORFEITED,
  GROUPS,
  IN_POOL,
  IN_REVIEW,
  REJECTED,
  REMOVED,
  UNIT,
  WON,
  groupOf,
  type App,
} from './internal/Application';
import { requireTimestamp } from './internal/eventTime';
import { monthDayIn, nextOrdinal, ordinalYear, periodName, periodRuleOf } from './internal/periods';
import { poolRecordOf } from './internal/poolRecord';
import { drawsOf, type RegistryState } from './internal/RegistryState';
import { registryState, type Registry } from './Registry';
import type { RejectionReason } from './RegistryEvent';

/** Options of lookupApplication: the time of the lookup, and the holidays that move draw days. */
export interface LookupOptions extends CalendarOptions {
  /** When the lookup is made (ISO 8601 with offset); not before the registry's last event. */
  readonly at: string;
}

/** The certificate part of a lookup. */
export interface CertificateView {
  /** The period of the draw won. */
  readonly period: string;
  /** The certificate number (docs/spec.md §16.5). */
  readonly certificate: string;
  /** Position in the draw's winners, 1-based. */
  readonly rank: number;
  /** When the draw was held. */
  readonly drawnAt: string;
  /** Confirm the quota by then (72 hours), or it is forfeited. */
  readonly confirmBy: string;
  /** Register a car by then, or the certificate expires. */
  readonly validUntil: string;
}

/** The next draw an application in the pool enters. */
export interface NextDraw {
  /** The period, e.g. "2024-h2". */
  readonly period: string;
  /** Its draw day, YYYY-MM-DD. */
  readonly date: string;
}

/** What every lookup of a code that won shows first. */
export interface CertificateHolder<S extends 'won' | 'forfeited' | 'expired'> {
  /** won (恭喜您获得指标), forfeited (not confirmed in time) or expired (not used in time). */
  readonly status: S;
  /** 13-digit application code. */
  readonly code: string;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
}

/** What the official site shows a person who looks up an application code (docs/spec.md §16.7). */
export type ApplicationLookup =
  | {
      /** Not found: a wrong code, or one the registry never held. */
      readonly status: 'unknown';
      /** 13-digit application code. */
      readonly code: string;
    }
  | {
      /** 审核中: submitted, not reviewed yet. */
      readonly status: 'in-review';
      /** 13-digit application code. */
      readonly code: string;
      /** Individual, family or unit. */
      readonly kind: ApplicantKind;
      /** When it was submitted. */
      readonly appliedAt: string;
      /** The first period whose pool it may enter. */
      readonly firstPeriod: string;
      /** Review results are out on this day, where the calendar says. */
      readonly reviewResultsOn?: string;
    }
  | {
      /** 审核未通过: the review rejected it. */
      readonly status: 'rejected';
      /** 13-digit application code. */
      readonly code: string;
      /** Individual, family or unit. */
      readonly kind: ApplicantKind;
      /** When the review decided. */
      readonly reviewedAt: string;
      /** Why it was rejected. */
      readonly reasons: readonly RejectionReason[];
    }
  | {
      /** In the pool: drawn or not, it goes on to the next draw. */
      readonly status: 'in-pool';
      /** 13-digit application code. */
      readonly code: string;
      /** Individual, family or unit. */
      readonly kind: ApplicantKind;
      /** Draws entered so far (累计摇号次数). */
      readonly draws: number;
      /** Of those, draws from 2021 on (2021– policies). */
      readonly drawsSince2021?: number;
      /** Entries in the next draw: steps (阶梯数) for an individual, 1 for a unit. */
      readonly steps?: number;
      /** Entries in the next draw for a family: its points (家庭积分). */
      readonly points?: number;
      /** The next draw it is in, with its day on the calendar. */
      readonly nextDraw: NextDraw;
      /** The cleanup that removes it unless continuation is confirmed before. */
      readonly removalDue: string;
    }
  | (CertificateHolder<'won'> &
      CertificateView & {
        /** When the quota was confirmed. */
        readonly confirmedAt?: string;
        /** When a car was registered with the certificate. */
        readonly usedAt?: string;
      })
  | (CertificateHolder<'forfeited'> & CertificateView)
  | (CertificateHolder<'expired'> &
      CertificateView & {
        /** When the quota was confirmed. */
        readonly confirmedAt: string;
      })
  | {
      /** Removed: cancelled, or not renewed. */
      readonly status: 'removed';
      /** 13-digit application code. */
      readonly code: string;
      /** Individual, family or unit. */
      readonly kind: ApplicantKind;
      /** Cancelled by the applicant, or not renewed (the yearly cleanup). */
      readonly why: 'cancelled' | 'not-renewed';
      /** When it was removed. */
      readonly when: string;
    };

/**
 * An application as the official site shows it at time `at` (docs/spec.md §16.7): in review (with
 * the review results day), rejected (reasons), in the pool (draws so far, the steps or points of its
 * next draw, that draw's day, the cleanup that would remove it), won (certificate, confirm-by,
 * valid-until), forfeited, expired, removed (why, when) — or unknown. Time moves on from the
 * registry's last event: a quota not confirmed by `at` shows as forfeited, an unused certificate
 * past its validity as expired. Reads no clock.
 */
export function lookupApplication(registry: Registry, code: string, options: LookupOptions): ApplicationLookup {
  const state = registryState(registry);
  const issues = new IssueCollector();
  const at = requireTimestamp(options?.at, ['options', 'at'], issues);
  const value = typeof code === 'string' ? parseApplicationCode(code) : -1;
  if (value < 0)
    issues.add({
      code: 'invalid_code',
      path: ['code'],
      message: `code ${describeValue(code)} is not 13 decimal digits`,
    });
  if (state.lastAt !== undefined && at < state.lastAt)
    issues.add({
      code: 'invalid_value',
      path: ['options', 'at'],
      message: `a lookup at ${options.at} is before the registry's last event (${formatTimestamp(state.lastAt, state.context.offset)})`,
    });
  issues.throwIfAny();
  const days = workingDays(options, ['options']);
  const app = state.store.get(value);
  if (app === undefined) return { status: 'unknown', code };
  const time = (ms: number): string => formatTimestamp(ms, state.context.offset);
  const kind = APPLICANT_KINDS[app.kind]!;
  const { rule } = state.context;
  switch (app.status) {
    case IN_REVIEW: {
      const review = periodRuleOf(app.poolFrom, rule).reviewResults;
      return {
        status: 'in-review',
        code,
        kind,
        appliedAt: time(app.appliedAt),
        firstPeriod: periodName(app.poolFrom, rule),
        ...(review === undefined ? {} : { reviewResultsOn: formatDate(monthDayIn(ordinalYear(app.poolFrom), review)) }),
      };
    }
    case REJECTED:
      return { status: 'rejected', code, kind, reviewedAt: time(app.statusAt), reasons: app.extra?.reasons ?? [] };
    case REMOVED:
      return { status: 'removed', code, kind, why: app.extra?.removedBecause ?? 'cancelled', when: time(app.statusAt) };
    case IN_POOL:
      return inPool(app, state, code, at, days);
    default:
      return certified(app, state, code, at);
  }
}

function certified(app: App, state: RegistryState, code: string, at: number): ApplicationLookup {
  const cert = app.extra!.certificate!;
  const draw = state.held[groupOf(app.kind)]![cert.draw]!;
  const time = (ms: number): string => formatTimestamp(ms, state.context.offset);
  const period = periodName(draw.period, state.context.rule);
  const view: CertificateView = {
    period,
    certificate: certificateNumber(period, GROUPS[groupOf(app.kind)]!, cert.rank),
    rank: cert.rank,
    drawnAt: time(draw.at),
    confirmBy: time(draw.confirmBy),
    validUntil: time(draw.validUntil),
  };
  const kind = APPLICANT_KINDS[app.kind]!;
  // Time has moved on since the last event: settle what the next event would settle.
  let status = app.status;
  if (status === WON && cert.confirmedAt === undefined && at > draw.confirmBy) status = FORFEITED;
  if (status === WON && cert.confirmedAt !== undefined && cert.usedAt === undefined && at > draw.validUntil)
    status = EXPIRED;
  if (status === FORFEITED) return { status: 'forfeited', code, kind, ...view };
  if (status === EXPIRED) return { status: 'expired', code, kind, ...view, confirmedAt: time(cert.confirmedAt!) };
  return {
    status: 'won',
    code,
    kind,
    ...view,
    ...(cert.confirmedAt === undefined ? {} : { confirmedAt: time(cert.confirmedAt) }),
    ...(cert.usedAt === undefined ? {} : { usedAt: time(cert.usedAt) }),
  };
}

function inPool(
  app: App,
  state: RegistryState,
  code: string,
  at: number,
  days: ReturnType<typeof workingDays>,
): ApplicationLookup {
  const { context } = state;
  const held = state.held[groupOf(app.kind)]!;
  const last = held[held.length - 1];
  let next = app.poolFrom;
  if (last !== undefined && next <= last.period) next = nextOrdinal(last.period, context.rule);
  let drawDay = ordinaryDrawDay(next, context, days);
  while (drawDay === undefined) {
    next = nextOrdinal(next, context.rule);
    drawDay = ordinaryDrawDay(next, context, days);
  }
  const draws = drawsOf(app, held);
  const record = poolRecordOf(app, state, next);
  const weights = context.policy.weights;
  const entries =
    app.kind === UNIT
      ? { steps: 1 }
      : app.kind === FAMILY
        ? { points: computeFamilyPoints(record as FamilyRecord, context.policy).total }
        : weights.rule === 'beijing2021'
          ? { steps: historyFigures(record as Individual2021Record, historyRules(context.policy), true).steps }
          : { steps: stepsForDraws(weights, draws.total) + (app.c5 ? context.policy.c5ExtraSteps : 0) };
  return {
    status: 'in-pool',
    code,
    kind: APPLICANT_KINDS[app.kind]!,
    draws: draws.total,
    ...(weights.rule === 'beijing2021' ? { drawsSince2021: draws.since2021 } : {}),
    ...entries,
    nextDraw: { period: periodName(next, context.rule), date: formatDate(drawDay) },
    removalDue: formatDate(removalDay(app.renewedAt, at, state)),
  };
}

/** The first cleanup day, on or after the day of `at`, that removes an application last renewed at `renewedAt`. */
function removalDay(renewedAt: number, at: number, state: RegistryState): number {
  const { rule, offset } = state.context;
  const dates = [...rule.renewal.cleanupDates].sort();
  const today = localDay(at, offset);
  for (let year = civilFromDays(today).year; ; year++) {
    for (const date of dates) {
      const day = monthDayIn(year, date);
      if (day < today) continue;
      if (renewedAt <= addMonths(dayStart(day, offset), -rule.renewal.months, offset)) return day;
    }
  }
}

/** lookupApplication that returns `{ success, value | issues }` instead of throwing. */
export function safeLookupApplication(
  registry: Registry,
  code: string,
  options: LookupOptions,
): SafeResult<ApplicationLookup> {
  return safely(() => lookupApplication(registry, code, options));
}
