import type { Issue, PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { parseWith } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import { checkPolicy } from '../policy/checkPolicy';
import { familyIssues, generationsOf } from './checkFamily';
import { FAMILY_ROLES, FamilyRecordSchema, type FamilyRecord, type FamilyRole } from './familyRecords';
import { historyFigures, historyRules, type HistoryRules } from './personHistory';

/** One member's points, part by part. */
export interface MemberPoints {
  /** The caller's id for the person. */
  readonly personId: string;
  /** Relation to the main applicant. */
  readonly role: FamilyRole;
  /** Base points (main 2, others 1). */
  readonly base: number;
  /** Accumulated lottery steps (given, or computed from draw counts with the C5 step). */
  readonly steps: number;
  /** steps × points per step. */
  readonly stepPoints: number;
  /** Full years in the new-energy queue. */
  readonly queueYears: number;
  /** queueYears × points per queue year. */
  readonly queuePoints: number;
  /** familyYears × points per family year (every member gets it). */
  readonly familyYearPoints: number;
  /** base + stepPoints + queuePoints + familyYearPoints. */
  readonly points: number;
  /** How many times the points count inside the parentheses: the spouse multiplier for main and spouse when there is a spouse, else 1. */
  readonly factor: number;
}

/** A family's points (家庭积分) with everything an applicant needs to check them. */
export interface FamilyPoints {
  /** The family's entries in the ordinary pool. */
  readonly total: number;
  /** Members in canonical order: main, spouse, parents, spouse's parents, children (each by personId). */
  readonly members: readonly MemberPoints[];
  /** Whether a spouse is in the application (main + spouse are then doubled). */
  readonly hasSpouse: boolean;
  /** Generations in the application (代际数), 1 to 3. */
  readonly generations: number;
  /** The multiplier for that many generations. */
  readonly generationMultiplier: number;
  /** Points inside the parentheses, before the generation multiplier. */
  readonly subtotal: number;
  /** The formula with the numbers filled in, e.g. "((7 + 6) × 2 + 6 + 6 + 1 + 1 + 1 + 1) × 3 = 126". */
  readonly formula: string;
}

const ROLE_RANK = new Map(FAMILY_ROLES.map((role, rank) => [role, rank]));

/**
 * Points of an already validated family (the pool uses this directly). Integer arithmetic; every
 * constant comes from the policy. Member order does not matter: members are put in canonical
 * order (role, then personId by code units) before anything is summed or printed.
 */
export function computeFamilyPoints(
  family: FamilyRecord,
  policy: Policy,
  rules: HistoryRules = historyRules(policy),
): FamilyPoints {
  const rule = policy.family!;
  const familyYears = family.familyYears ?? 0;
  const ordered = [...family.members].sort(
    (a, b) =>
      ROLE_RANK.get(a.role)! - ROLE_RANK.get(b.role)! ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  const hasSpouse = ordered.some((m) => m.role === 'spouse');
  const members: MemberPoints[] = ordered.map((member) => {
    const { steps, queueYears } = historyFigures(member, rules, false);
    const base = member.role === 'main' ? rule.basePoints.main : rule.basePoints.other;
    const stepPoints = steps * rule.pointsPerStep;
    const queuePoints = queueYears * rule.pointsPerQueueYear;
    const familyYearPoints = familyYears * rule.pointsPerFamilyYear;
    const doubled = hasSpouse && (member.role === 'main' || member.role === 'spouse');
    return {
      personId: member.personId,
      role: member.role,
      base,
      steps,
      stepPoints,
      queueYears,
      queuePoints,
      familyYearPoints,
      points: base + stepPoints + queuePoints + familyYearPoints,
      factor: doubled ? rule.spouseMultiplier : 1,
    };
  });
  const generations = generationsOf(family);
  const generationMultiplier = rule.generationMultipliers[generations - 1]!;
  const subtotal = members.reduce((sum, m) => sum + m.points * m.factor, 0);
  const total = subtotal * generationMultiplier;
  return {
    total,
    members,
    hasSpouse,
    generations,
    generationMultiplier,
    subtotal,
    formula: formulaOf(members, hasSpouse, rule.spouseMultiplier, generationMultiplier, total),
  };
}

function formulaOf(
  members: readonly MemberPoints[],
  hasSpouse: boolean,
  spouseMultiplier: number,
  generationMultiplier: number,
  total: number,
): string {
  const couple = hasSpouse ? members.filter((m) => m.role === 'main' || m.role === 'spouse') : [];
  const others = members.filter((m) => !couple.includes(m));
  const terms = [
    ...(couple.length > 0 ? [`(${couple.map((m) => m.points).join(' + ')}) × ${spouseMultiplier}`] : []),
    ...others.map((m) => String(m.points)),
  ];
  return `(${terms.join(' + ')}) × ${generationMultiplier} = ${total}`;
}

/**
 * The points of a family application (家庭积分) under a 2021– policy, with a breakdown an
 * applicant can read:
 *
 *     with spouse:    total = ((P_main + P_spouse) × 2 + Σ P_others) × G
 *     without spouse: total = (P_main + Σ P_others) × G
 *
 * Throws a YaohaoError naming each problem when the record or the policy is not valid.
 */
export function familyPoints(family: unknown, policy: Policy): FamilyPoints {
  const checked = checkPolicy(policy);
  if (checked.family === undefined || checked.weights.rule !== 'beijing2021') {
    throw new YaohaoError([
      {
        code: 'invalid_policy',
        path: ['policy'],
        message: `policy ${checked.id} has no family rules; use a 2021– policy such as presets.beijing2024`,
      },
    ]);
  }
  const issues = new IssueCollector();
  const parsed = parseWith(FamilyRecordSchema, family, { path: [] });
  if (!parsed.ok) issues.addAll(parsed.issues);
  else issues.addAll(familyIssues(parsed.value, checked.family, [], undefined));
  issues.throwIfAny();
  const points = computeFamilyPoints((parsed as { value: FamilyRecord }).value, checked);
  const problem = familyTotalIssue(points.total, [], undefined);
  if (problem !== undefined) throw new YaohaoError([problem]);
  return points;
}

/** The issue for a family total that cannot be a weight (0, or above 2^32 − 1), or undefined. */
export function familyTotalIssue(
  total: number,
  path: readonly PathSegment[],
  line: number | undefined,
): Issue | undefined {
  if (total >= 1 && total <= MAX_WEIGHT) return undefined;
  return {
    code: 'invalid_value',
    path: [...path, 'members'],
    message: `the family has ${total} points; entries must be 1 to ${MAX_WEIGHT}`,
    ...(line === undefined ? {} : { line }),
  };
}

/** familyPoints that returns `{ success, value | issues }` instead of throwing. */
export function safeFamilyPoints(family: unknown, policy: Policy): SafeResult<FamilyPoints> {
  return safely(() => familyPoints(family, policy));
}
