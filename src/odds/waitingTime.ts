import type { PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { describeValue } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { isYaohaoError } from '../errors/YaohaoError';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import type { ApplicantHistory } from './ApplicantHistory';
import { applicantWeights } from './internal/applicantWeights';
import { checkQuota } from './internal/checkQuota';
import { successiveSamplingOdds } from './internal/successiveSampling';
import { checkComposition, type WeightClass } from './PoolComposition';

/** One future draw as the applicant will meet it: the other applications by weight, and the quota. */
export interface OutlookPeriod {
  /** The other applications (the applicant is added to them), one entry per weight. */
  readonly classes: readonly WeightClass[];
  /** Winners drawn. */
  readonly quota: number;
}

/** Future draws: one period (the same every time), or a list whose last period repeats. */
export type Outlook = OutlookPeriod | readonly OutlookPeriod[];

/** Options of waitingTime. */
export interface WaitingTimeOptions {
  /** Periods to look ahead (1 to 10,000). Default 1,000. */
  readonly maxPeriods?: number;
  /** Draws per year, for family points that grow by the year. Default: the policy's periods per year (2021–: 2). */
  readonly periodsPerYear?: number;
  /** Which draw of its year the first period is, 0-based. Default 0. */
  readonly firstPeriodInYear?: number;
}

/** One period of the outlook, from the applicant's side. */
export interface WaitingPeriod {
  /** 1 = the next draw. */
  readonly period: number;
  /** The applicant's entries in this draw. */
  readonly weight: number;
  /** P(win in this draw | not won before). */
  readonly probability: number;
  /** P(won by the end of this draw). */
  readonly winBy: number;
}

/** When one applicant wins, as a distribution over future draws. */
export interface WaitingTime {
  /** Period by period, until a win is certain but for 1e−12 or maxPeriods is reached. */
  readonly periods: readonly WaitingPeriod[];
  /** First period by which the applicant has won with probability ≥ 1/2; absent if beyond the horizon. */
  readonly median?: number;
  /** First period by which the applicant has won with probability ≥ 0.95; absent if beyond the horizon. */
  readonly p95?: number;
  /** Expected period of the win; absent unless the horizon holds all but 1e−9 of the distribution. */
  readonly mean?: number;
  /** P(won within the periods listed). */
  readonly winWithin: number;
  /** Bound on the absolute error of every `winBy` (the per-draw bounds added up). */
  readonly errorBound: number;
}

const MAX_PERIODS = 10_000;
const CERTAIN = 1e-12;
const MEAN_TAIL = 1e-9;

/**
 * The distribution of the draw in which one applicant wins (docs/spec.md §17.3): each period's
 * probability is the exact odds (§17.1) of one extra application of the applicant's weight among
 * the outlook's applications, the weight growing period by period by the policy's rule (steps
 * with draws entered; family points with family years); a period is reached only by losing all
 * earlier ones. `history` is `{ draws, c5? }` (flat and ladder policies), `{ weight }` (explicit),
 * `{ drawsTo2020?, drawsSince2021?, c5? }` or a family record (2021– policies).
 */
export function waitingTime(
  history: ApplicantHistory,
  policy: Policy,
  outlook: Outlook,
  options: WaitingTimeOptions = {},
): WaitingTime {
  const checkedPolicy = checkPolicy(policy, ['policy']);
  const list: readonly unknown[] = Array.isArray(outlook) ? outlook : [outlook];
  const { maxPeriods, calendar } = checkOptions(options, checkedPolicy, list.length);
  const issues = new IssueCollector();
  const periods = list.map((period, k) => {
    const path: PathSegment[] = Array.isArray(outlook) ? ['outlook', k] : ['outlook'];
    try {
      const { classes } = checkComposition({ classes: (period as OutlookPeriod | undefined)?.classes }, path);
      return { classes, quota: checkQuota((period as OutlookPeriod).quota, [...path, 'quota']) };
    } catch (error) {
      if (!isYaohaoError(error)) throw error;
      issues.addAll(error.issues);
      return undefined;
    }
  });
  if (list.length === 0)
    issues.add({ code: 'invalid_value', path: ['outlook'], message: 'the outlook needs at least one period' });
  issues.throwIfAny();
  const weights = applicantWeights(history, checkedPolicy, maxPeriods, calendar, ['history']);

  // Period k meets outlook entry min(k, last); each entry's distinct weights are probed in one pass.
  const probability = new Float64Array(maxPeriods);
  const errorBound = new Float64Array(maxPeriods);
  periods.forEach((period, entry) => {
    const { classes, quota } = period!;
    const ks: number[] = [];
    for (let k = entry; k < (entry === periods.length - 1 ? maxPeriods : Math.min(entry + 1, maxPeriods)); k++)
      ks.push(k);
    if (ks.length === 0) return;
    const distinct = [...new Set(ks.map((k) => weights[k]!))];
    const odds = successiveSamplingOdds(
      classes.map((c) => c.weight),
      classes.map((c) => c.count),
      quota,
      distinct.map((weight) => ({ weight, memberOf: -1 })),
    );
    const at = new Map(distinct.map((w, i) => [w, i]));
    for (const k of ks) {
      probability[k] = odds.probabilities[at.get(weights[k]!)!]!;
      errorBound[k] = odds.errorBounds[at.get(weights[k]!)!]!;
    }
  });

  const out: WaitingPeriod[] = [];
  let survival = 1;
  let winBy = 0;
  let mean = 0;
  let error = 0;
  let median: number | undefined;
  let p95: number | undefined;
  for (let k = 0; k < maxPeriods; k++) {
    const p = probability[k]!;
    // Both kept: winBy accurate when small, survival when a win is nearly certain.
    mean += (k + 1) * survival * p;
    winBy += survival * p;
    survival *= 1 - p;
    error += errorBound[k]!;
    out.push({ period: k + 1, weight: weights[k]!, probability: p, winBy });
    if (median === undefined && winBy >= 0.5) median = k + 1;
    if (p95 === undefined && winBy >= 0.95) p95 = k + 1;
    if (survival <= CERTAIN) break;
  }
  return {
    periods: out,
    ...(median === undefined ? {} : { median }),
    ...(p95 === undefined ? {} : { p95 }),
    ...(survival <= MEAN_TAIL ? { mean } : {}),
    winWithin: winBy,
    errorBound: error,
  };
}

/** waitingTime that returns `{ success, value | issues }` instead of throwing. */
export function safeWaitingTime(
  history: ApplicantHistory,
  policy: Policy,
  outlook: Outlook,
  options: WaitingTimeOptions = {},
): SafeResult<WaitingTime> {
  return safely(() => waitingTime(history, policy, outlook, options));
}

function checkOptions(
  options: WaitingTimeOptions,
  policy: Policy,
  outlookLength: number,
): { maxPeriods: number; calendar: { periodsPerYear: number; firstPeriodInYear: number } } {
  const issues = new IssueCollector();
  const {
    maxPeriods = Math.max(1_000, outlookLength),
    periodsPerYear = policy.allocation?.periods.length ?? 1,
    firstPeriodInYear = 0,
  } = options;
  const whole = (value: unknown, field: string, low: number, high: number): void => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < low || value > high)
      issues.add({
        code: 'invalid_value',
        path: ['options', field],
        message: `${field} must be an integer from ${low} to ${high}, got ${describeValue(value)}`,
      });
  };
  whole(maxPeriods, 'maxPeriods', 1, MAX_PERIODS);
  whole(periodsPerYear, 'periodsPerYear', 1, 366);
  whole(firstPeriodInYear, 'firstPeriodInYear', 0, Math.max(0, periodsPerYear - 1));
  issues.throwIfAny();
  return { maxPeriods, calendar: { periodsPerYear, firstPeriodInYear } };
}
