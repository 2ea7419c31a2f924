import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { presets, type PresetName } from '../policy/presets';
import { APPLICANT_KINDS, type ApplicantKind } from '../pool/ApplicantKind';
import { numberToCode } from '../pool/applicationCode';
import { commitPool, type PoolCommitment } from '../pool/commitPool';
import { codeValueAt, kindIdAt, poolColumns, requirePool, type Pool } from '../pool/Pool';
import { recordOfPool } from './internal/recordOfPool';
import { optionsObject } from '../errors/arguments';

/** What can be wrong between two consecutive pools. */
export type ContinuityProblemKind =
  /** The record is not the draw of the previous pool (its pool commitment differs). */
  | 'record-not-of-pool'
  /** A winner of the previous draw is in the next pool. */
  | 'winner-still-in-pool'
  /** A code that stayed has fewer entries than before. */
  | 'entries-lost'
  /** A code that stayed gained more entries than one more draw (a family: one more year) can give. */
  | 'entries-jumped'
  /** A code that stayed changed kind (individual, family, unit). */
  | 'kind-changed';

/** One problem, named by the application code it is about. */
export interface ContinuityProblem {
  /** What is wrong. */
  readonly problem: ContinuityProblemKind;
  /** The application code (absent for record-not-of-pool). */
  readonly code?: string;
  /** Entries in the previous pool. */
  readonly previous?: number;
  /** Entries in the next pool. */
  readonly next?: number;
  /** Most entries the code could have in the next pool. */
  readonly allowed?: number;
  /** One sentence naming the code and the numbers. */
  readonly message: string;
}

/** Options of checkContinuity. */
export interface ContinuityOptions {
  /**
   * The policy that weighs both pools, for the most entries one more draw can add. Default: the
   * preset the next pool was built with (its policyId), else the explicit rule (official zips).
   */
  readonly policy?: Policy;
  /** Overrides the most entries an individual's code may gain (e.g. for 2021– zips, where families hide among individuals). */
  readonly maxGain?: number;
  /** Also list the codes added and removed. */
  readonly list?: boolean;
}

/** The outcome of checkContinuity: counts, problems, and what the weights cannot show. */
export interface ContinuityReport {
  /** No problems. */
  readonly ok: boolean;
  /** Commitment of the previous pool. */
  readonly previous: PoolCommitment;
  /** Commitment of the next pool. */
  readonly next: PoolCommitment;
  /** Winners of the previous draw (all must be gone). */
  readonly winners: number;
  /** Codes in both pools. */
  readonly stayed: number;
  /** Of those: with the same entries, and with more. */
  readonly sameEntries: number;
  /** Codes that stayed with more entries (a step more). */
  readonly moreEntries: number;
  /** Codes of the previous pool, not winners, missing from the next (cancelled, removed at a cleanup, …). */
  readonly removed: number;
  /** Codes new in the next pool (new or re-activated applications). */
  readonly added: number;
  /** Every problem found (at most 100 kept; `problemCount` counts them all). */
  readonly problems: readonly ContinuityProblem[];
  /** How many problems were found (all of them, kept or not). */
  readonly problemCount: number;
  /** With `list`: the codes removed and added, ascending. */
  readonly removedCodes?: readonly string[];
  /** With `list`: the codes added, ascending. */
  readonly addedCodes?: readonly string[];
  /** What two pools' weights cannot show, for this rule. */
  readonly cannotShow: readonly string[];
}

const KEPT_PROBLEMS = 100;

/**
 * Checks that one period's pool follows from the last (docs/spec.md §16.8): the record is the
 * previous pool's draw; every winner is gone; every code that stayed kept its kind, lost no
 * entries and gained no more than one more draw can give — one step under a ladder, none under a
 * flat rule, for a family one more year of points (at most (pointsPerStep + pointsPerQueueYear +
 * pointsPerFamilyYear) / base of the smallest member per point it had); additions and removals
 * are counted (and listed). Only weights are compared, as an official zip shows nothing else:
 * `cannotShow` says what that leaves open. Linear in the two pools.
 */
export function checkContinuity(
  previousPool: Pool,
  previousRecord: unknown,
  nextPool: Pool,
  options: ContinuityOptions = {},
): ContinuityReport {
  requirePool(previousPool, ['previousPool']);
  requirePool(nextPool, ['nextPool']);
  optionsObject(options, ['options']);
  const policy = checkPolicy(
    options.policy ??
      (Object.hasOwn(presets, nextPool.policyId) ? presets[nextPool.policyId as PresetName] : presets.explicit),
  );
  if (options.maxGain !== undefined && !(Number.isSafeInteger(options.maxGain) && options.maxGain >= 0))
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['options', 'maxGain'],
        message: `maxGain must be a whole number ≥ 0, got ${String(options.maxGain)}`,
      },
    ]);
  const gain = gainRule(policy, options.maxGain);
  const problems: ContinuityProblem[] = [];
  let problemCount = 0;
  const report = (problem: ContinuityProblem): void => {
    problemCount++;
    if (problems.length < KEPT_PROBLEMS) problems.push(problem);
  };
  const { record } = recordOfPool(previousRecord, previousPool);
  if (record === undefined)
    report({
      problem: 'record-not-of-pool',
      message: `the record is not the draw of the previous pool (pool digest ${commitPool(previousPool).digest})`,
    });
  const winners = new Set((record?.winners ?? []).map((w) => w.code));
  for (const code of [...winners].sort())
    if (nextPool.has(code))
      report({
        problem: 'winner-still-in-pool',
        code,
        message: `${code} won the previous draw and is still in the pool`,
      });

  const a = poolColumns(previousPool);
  const b = poolColumns(nextPool);
  let i = 0;
  let j = 0;
  let stayed = 0;
  let sameEntries = 0;
  let moreEntries = 0;
  let removed = 0;
  let added = 0;
  const removedCodes: string[] = [];
  const addedCodes: string[] = [];
  while (i < previousPool.size || j < nextPool.size) {
    const ca = i < previousPool.size ? codeValueAt(a, i) : Number.POSITIVE_INFINITY;
    const cb = j < nextPool.size ? codeValueAt(b, j) : Number.POSITIVE_INFINITY;
    if (ca < cb) {
      const code = numberToCode(ca);
      if (!winners.has(code)) {
        removed++;
        if (options.list === true) removedCodes.push(code);
      }
      i++;
      continue;
    }
    if (cb < ca) {
      added++;
      if (options.list === true) addedCodes.push(numberToCode(cb));
      j++;
      continue;
    }
    stayed++;
    const before = a.weights[i]!;
    const after = b.weights[j]!;
    const kind = kindIdAt(a, i);
    if (kind !== kindIdAt(b, j))
      report({
        problem: 'kind-changed',
        code: numberToCode(ca),
        message: `${numberToCode(ca)} was ${APPLICANT_KINDS[kind]!} and is now ${APPLICANT_KINDS[kindIdAt(b, j)]!}`,
      });
    else if (after < before)
      report({
        problem: 'entries-lost',
        code: numberToCode(ca),
        previous: before,
        next: after,
        message: `${numberToCode(ca)} had ${before} entries and now has ${after}: a code that stays never loses entries`,
      });
    else {
      const allowed = before + gain(APPLICANT_KINDS[kind]!, before);
      if (after > allowed)
        report({
          problem: 'entries-jumped',
          code: numberToCode(ca),
          previous: before,
          next: after,
          allowed,
          message: `${numberToCode(ca)} went from ${before} to ${after} entries; one more ${kind === 1 ? 'year' : 'draw'} gives at most ${allowed}`,
        });
    }
    if (after === before) sameEntries++;
    else if (after > before) moreEntries++;
    i++;
    j++;
  }
  return {
    ok: problemCount === 0,
    previous: commitPool(previousPool),
    next: commitPool(nextPool),
    winners: winners.size,
    stayed,
    sameEntries,
    moreEntries,
    removed,
    added,
    problems,
    problemCount,
    ...(options.list === true ? { removedCodes, addedCodes } : {}),
    cannotShow: cannotShow(policy),
  };
}

/** Most entries a code of a kind and weight may gain between consecutive periods under a policy. */
function gainRule(policy: Policy, maxGain: number | undefined): (kind: ApplicantKind, weight: number) => number {
  const rule = policy.weights.rule;
  const individual = maxGain ?? (rule === 'flat' ? 0 : 1);
  const family = policy.family;
  return (kind, weight) => {
    if (kind === 'unit') return 0;
    if (kind === 'individual') return individual;
    if (family === undefined) return Number.POSITIVE_INFINITY;
    // Each member's points grow by at most one step, one queue year and one family year; every
    // member has at least the smaller base, so the family has at most weight / base "member units".
    const perMember = family.pointsPerStep + family.pointsPerQueueYear + family.pointsPerFamilyYear;
    const base = Math.min(family.basePoints.main, family.basePoints.other);
    return base === 0 ? Number.POSITIVE_INFINITY : Math.floor((weight * perMember) / base);
  };
}

function cannotShow(policy: Policy): string[] {
  const notes = [
    'whether a code that stayed had its draw counted: a step comes only every few draws, so most counts that stayed the same are right, and a missed count shows only at a step boundary',
    'whether a removed code was removed rightly (cancelled, not renewed, a forfeited quota) or an added code was approved rightly: the pools hold no reasons',
    'whether an added code’s starting entries are right (a re-application keeps its draw count)',
    'that the seed and winners are right: replay the record with yaohao verify',
  ];
  if (policy.weights.rule === 'explicit')
    notes.push(
      'which codes are families (an official zip carries weights only); with family codes among them, use --max-gain or read their problems as families',
    );
  return notes;
}

/** checkContinuity that returns `{ success, value | issues }` instead of throwing. */
export function safeCheckContinuity(
  previousPool: Pool,
  previousRecord: unknown,
  nextPool: Pool,
  options?: ContinuityOptions,
): SafeResult<ContinuityReport> {
  return safely(() => checkContinuity(previousPool, previousRecord, nextPool, options));
}
