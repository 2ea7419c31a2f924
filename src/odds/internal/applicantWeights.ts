import type * as z from 'zod/mini';
import type { PathSegment } from '../../errors/Issue';
import { IssueCollector } from '../../errors/IssueCollector';
import { parseWith } from '../../errors/fromZod';
import { familyIssues } from '../../family/checkFamily';
import { computeFamilyPoints } from '../../family/familyPoints';
import { FamilyRecordSchema } from '../../family/familyRecords';
import { historyFigures, historyRules } from '../../family/personHistory';
import type { Policy } from '../../policy/Policy';
import { stepsForDraws } from '../../policy/stepsForDraws';
import { MAX_WEIGHT } from '../../pool/recordSchemas';
import { CountedApplicantSchema, FixedWeightApplicantSchema, Individual2021ApplicantSchema } from '../ApplicantHistory';

/** When the periods fall: for families, whose points grow by the year. */
export interface PeriodCalendar {
  /** Draws per year (2021–: 2; 2016–2020: 6; 2011–2013: 12). */
  readonly periodsPerYear: number;
  /** Which draw of its year the first period is, 0-based. */
  readonly firstPeriodInYear: number;
}

/**
 * The applicant's weight in each of `periods` draws from the next one on, as the policy's rule
 * grows it: flat 1; ladder steps for draws + k earlier draws; 2021 individuals one more draw since
 * 2021 per period; 2021 families their points with one more family year — and queue years counted
 * to one year later — per `periodsPerYear` periods (docs/spec.md §17.3). Throws a YaohaoError for
 * a history that does not fit the policy.
 */
export function applicantWeights(
  history: unknown,
  policy: Policy,
  periods: number,
  calendar: PeriodCalendar,
  path: readonly PathSegment[],
): number[] {
  const issues = new IssueCollector();
  const rule = policy.weights;
  const parse = <T>(schema: z.ZodMiniType<T>): T => {
    const parsed = parseWith(schema, history, { path });
    if (!parsed.ok) {
      issues.addAll(parsed.issues);
      issues.throwIfAny();
    }
    return (parsed as { value: T }).value;
  };
  const weights: number[] = [];
  const bonus = (c5: boolean | undefined): number => (c5 === true ? policy.c5ExtraSteps : 0);
  if (rule.rule === 'explicit') {
    const { weight } = parse(FixedWeightApplicantSchema);
    for (let k = 0; k < periods; k++) weights.push(weight);
  } else if (rule.rule === 'flat' || rule.rule === 'ladder') {
    const applicant = parse(CountedApplicantSchema);
    for (let k = 0; k < periods; k++) weights.push(stepsForDraws(rule, applicant.draws + k) + bonus(applicant.c5));
  } else if (typeof history === 'object' && history !== null && (history as { kind?: unknown }).kind === 'family') {
    const family = parse(FamilyRecordSchema);
    issues.addAll(familyIssues(family, policy.family!, path, undefined));
    issues.throwIfAny();
    const years = (k: number): number => Math.floor((calendar.firstPeriodInYear + k) / calendar.periodsPerYear);
    for (let k = 0; k < periods; k++) {
      const later = years(k);
      const grown = { ...family, familyYears: (family.familyYears ?? 0) + later };
      weights.push(computeFamilyPoints(grown, { ...policy, year: policy.year! + later }).total);
    }
  } else {
    const applicant = parse(Individual2021ApplicantSchema);
    const rules = historyRules(policy);
    for (let k = 0; k < periods; k++) {
      const person = {
        personId: 'applicant',
        drawsTo2020: applicant.drawsTo2020 ?? 0,
        drawsSince2021: (applicant.drawsSince2021 ?? 0) + k,
        c5: applicant.c5,
      };
      weights.push(historyFigures(person, rules, true).steps);
    }
  }
  const tooHeavy = weights.findIndex((w) => w > MAX_WEIGHT);
  if (tooHeavy >= 0)
    issues.add({
      code: 'invalid_value',
      path,
      message: `the applicant's weight passes ${MAX_WEIGHT} entries by period ${tooHeavy + 1}`,
    });
  issues.throwIfAny();
  return weights;
}
