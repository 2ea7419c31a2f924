import Decimal from 'decimal.js';
import * as z from 'zod/mini';
import type { Issue } from '../errors/Issue';
import { described } from '../errors/described';
import { parseWith } from '../errors/fromZod';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { formatDate, localDay, parseDate } from '../time/calendarDate';
import { fullYearsBetween } from '../time/fullYearsBetween';
import { civilFromDays } from '../time/timestamp';
import { checkResidentId } from './checkResidentId';
import { requireTimestamp } from './internal/eventTime';
import { lifecycleOf, monthDayIn, ordinalYear, periodOfApplication, periodRuleOf } from './internal/periods';

/** A driving licence, as the facts give it. */
export interface LicenceFacts {
  /** Last day the licence is valid, "YYYY-MM-DD". */
  readonly validUntil: string;
}

/** A Beijing work residence permit (工作居住证). */
export interface WorkPermitFacts {
  /** Last day the permit is valid, "YYYY-MM-DD". */
  readonly validUntil: string;
  /** Last day its yearly endorsement covers, "YYYY-MM-DD" (a lapsed endorsement suspends eligibility). */
  readonly endorsedUntil: string;
}

/** What the authority knows about a person applying (plain input data: yaohao calls no government system). */
export interface PersonFacts {
  /** Defaults to "individual". */
  readonly kind?: 'individual' | undefined;
  /** The 18-character resident ID (GB 11643). */
  readonly residentId: string;
  /** Holds a Beijing hukou (户籍). */
  readonly beijingHukou?: boolean | undefined;
  /** A Beijing work residence permit, if any. */
  readonly workPermit?: WorkPermitFacts | undefined;
  /** Months with Beijing social insurance paid, "YYYY-MM", any order. */
  readonly socialInsuranceMonths?: readonly string[] | undefined;
  /** Months with Beijing individual income tax paid, "YYYY-MM", any order. */
  readonly incomeTaxMonths?: readonly string[] | undefined;
  /** A small passenger car is registered in Beijing in the person's name. */
  readonly ownsCar?: boolean | undefined;
  /** The driving licence; absent when the person has none. */
  readonly licence?: LicenceFacts | undefined;
  /** Serious traffic violations not yet processed. */
  readonly unresolvedViolations?: number | undefined;
}

/** What the authority knows about a unit (company) applying. */
export interface UnitFacts {
  /** A unit (company). */
  readonly kind: 'unit';
  /** VAT paid in Beijing in the previous year, CNY, as a decimal string ("52000.50") or an integer. */
  readonly vatPaidLastYear: string | number;
}

/** The facts a review looks at. */
export type ApplicantFacts = PersonFacts | UnitFacts;

/** The outcome of a review: approved, or every reason it was not. */
export type ReviewOutcome =
  | {
      /** Every rule is met. */
      readonly approved: true;
    }
  | {
      /** Some rule is not met. */
      readonly approved: false;
      /** Every reason, each a typed issue. */
      readonly reasons: readonly Issue[];
    };

/** Options of reviewApplication. */
export interface ReviewOptions {
  /** When the application was made (ISO 8601 with offset): the facts are as of then. */
  readonly at: string;
}

const date = z
  .string()
  .check(z.refine((text) => parseDate(text) !== undefined, { error: 'expected a real date "YYYY-MM-DD"' }));
const yearMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month "YYYY-MM"' }));

const personFactsSchema = z.strictObject({
  kind: z.optional(z.literal('individual')),
  residentId: z.string().apply(described, 'The 18-character resident ID (GB 11643).'),
  beijingHukou: z.optional(z.boolean()),
  workPermit: z.optional(z.readonly(z.strictObject({ validUntil: date, endorsedUntil: date }))),
  socialInsuranceMonths: z.optional(z.readonly(z.array(yearMonth))),
  incomeTaxMonths: z.optional(z.readonly(z.array(yearMonth))),
  ownsCar: z.optional(z.boolean()),
  licence: z.optional(z.readonly(z.strictObject({ validUntil: date }))),
  unresolvedViolations: z.optional(z.int().check(z.minimum(0))),
});
const unitFactsSchema = z.strictObject({
  kind: z.literal('unit'),
  vatPaidLastYear: z.union([
    z.string().check(z.regex(/^\d+(\.\d+)?$/, { error: 'a non-negative decimal amount in CNY' })),
    z.int().check(z.minimum(0)),
  ]),
});

/** The zod schema of ApplicantFacts (also its JSON Schema). */
export const ApplicantFactsSchema: z.ZodMiniType<ApplicantFacts> = z
  .union([personFactsSchema, unitFactsSchema])
  .apply(described, 'What the authority knows about an applicant, as of the application.');

/**
 * Reviews an application (审核, docs/spec.md §16.2) against the policy's rules, from facts given as
 * data, and reports every reason together. A person: a valid resident ID; at least `minAge` on the
 * deadline of the period the application enters; a residence basis — a Beijing hukou, or a work
 * residence permit valid and endorsed on the application day, or social insurance AND income tax
 * in every one of `contributionYears × 12` consecutive months ending with the month before the
 * application (or with its month: `contributionsUntil`), each missing month named; no car in
 * their name; a licence valid on the application day; no unprocessed violations. A unit: VAT paid
 * last year ≥ the policy's threshold. Malformed facts are a YaohaoError.
 */
export function reviewApplication(facts: unknown, policy: unknown, options: ReviewOptions): ReviewOutcome {
  const context = lifecycleOf(policy);
  const input = new IssueCollector();
  const at = requireTimestamp(options?.at, ['options', 'at'], input);
  const parsed = parseWith(ApplicantFactsSchema, facts, { path: [] });
  if (!parsed.ok) input.addAll(parsed.issues);
  input.throwIfAny();
  const value = (parsed as { value: ApplicantFacts }).value;
  const rule = context.rule.review;
  const reasons: Issue[] = [];
  if (value.kind === 'unit') {
    if (new Decimal(value.vatPaidLastYear).lt(new Decimal(rule.unitVatThreshold)))
      reasons.push({
        code: 'unit_vat_below_threshold',
        path: ['vatPaidLastYear'],
        message: `VAT paid in Beijing last year was ${String(value.vatPaidLastYear)} CNY, below the ${rule.unitVatThreshold} CNY required`,
      });
    return reasons.length === 0 ? { approved: true } : { approved: false, reasons };
  }
  const today = localDay(at, context.offset);
  const id = checkResidentId(value.residentId);
  if (!id.ok) reasons.push({ code: 'bad_id', path: ['residentId'], message: id.reason });
  else {
    const { ordinal } = periodOfApplication(at, context);
    const deadline = monthDayIn(ordinalYear(ordinal), periodRuleOf(ordinal, context.rule).deadline);
    const age = fullYearsBetween(parseDate(id.birthDate)! * 86_400_000, deadline * 86_400_000, 0);
    if (age < rule.minAge)
      reasons.push({
        code: 'under_age',
        path: ['residentId'],
        message: `born ${id.birthDate}: ${age} on the deadline ${formatDate(deadline)}, under the minimum age of ${rule.minAge}`,
      });
  }
  reasons.push(
    ...residenceReasons(value, today, rule.contributionYears, rule.contributionsUntil === 'application-month'),
  );
  if (value.ownsCar === true)
    reasons.push({
      code: 'owns_car',
      path: ['ownsCar'],
      message: 'a small passenger car is already registered in Beijing in the applicant’s name',
    });
  if (value.licence === undefined)
    reasons.push({ code: 'no_licence', path: ['licence'], message: 'the applicant has no driving licence' });
  else if (parseDate(value.licence.validUntil)! < today)
    reasons.push({
      code: 'licence_expired',
      path: ['licence', 'validUntil'],
      message: `the driving licence expired on ${value.licence.validUntil}`,
    });
  if ((value.unresolvedViolations ?? 0) > 0)
    reasons.push({
      code: 'unresolved_violation',
      path: ['unresolvedViolations'],
      message: `${value.unresolvedViolations} serious traffic violation(s) not yet processed`,
    });
  return reasons.length === 0 ? { approved: true } : { approved: false, reasons };
}

// The residence basis: hukou, or a valid and endorsed permit, or unbroken contributions. Gaps are
// reported only when no other basis holds, since only then do they matter.
function residenceReasons(facts: PersonFacts, today: number, years: number, untilThisMonth: boolean): Issue[] {
  if (facts.beijingHukou === true) return [];
  const permit = facts.workPermit;
  if (permit !== undefined && parseDate(permit.validUntil)! >= today && parseDate(permit.endorsedUntil)! >= today)
    return [];
  const { year, month } = civilFromDays(today);
  const window: string[] = [];
  const last = year * 12 + (month - 1) - (untilThisMonth ? 0 : 1);
  for (let k = years * 12 - 1; k >= 0; k--) {
    const index = last - k;
    window.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  const gaps: Issue[] = [];
  const gap = (field: 'socialInsuranceMonths' | 'incomeTaxMonths', code: Issue['code'], what: string): void => {
    const paid = new Set(facts[field] ?? []);
    const missing = window.filter((m) => !paid.has(m));
    if (missing.length === 0) return;
    const shown = missing.length === window.length ? 'every month' : missing.slice(0, 6).join(', ');
    const more = missing.length > 6 && missing.length < window.length ? ` and ${missing.length - 6} more` : '';
    gaps.push({
      code,
      path: [field],
      message: `no Beijing ${what} in ${shown}${more}: ${years} consecutive years are needed, ${window[0]!} to ${window[window.length - 1]!}`,
      received: missing[0]!,
    });
  };
  gap('socialInsuranceMonths', 'social_insurance_gap', 'social insurance');
  gap('incomeTaxMonths', 'income_tax_gap', 'income tax');
  if (gaps.length === 0) return [];
  const why =
    permit === undefined
      ? 'no work residence permit'
      : parseDate(permit.validUntil)! < today
        ? `the work residence permit expired on ${permit.validUntil}`
        : `the work residence permit's yearly endorsement lapsed on ${permit.endorsedUntil}`;
  return [
    {
      code: 'no_residence_basis',
      path: [],
      message: `no residence basis: no Beijing hukou, ${why}, and not ${years} consecutive years of social insurance and income tax`,
    },
    ...gaps,
  ];
}

/** reviewApplication that returns `{ success, value | issues }` instead of throwing on malformed facts. */
export function safeReviewApplication(
  facts: unknown,
  policy: unknown,
  options: ReviewOptions,
): SafeResult<ReviewOutcome> {
  return safely(() => reviewApplication(facts, policy, options));
}
