import type { Issue, PathSegment } from '../errors/Issue';
import type { FamilyRule } from '../policy/Policy';
import type { FamilyRecord, FamilyRole } from './familyRecords';
import { historyIssues } from './personHistory';

/** Generation of each role relative to the main applicant. */
const GENERATION: Readonly<Record<FamilyRole, number>> = {
  main: 0,
  spouse: 0,
  parent: 1,
  'spouse-parent': 1,
  child: -1,
};

/** Number of generations (代际数) in a family: distinct generation levels among its members. */
export function generationsOf(family: FamilyRecord): number {
  return new Set(family.members.map((member) => GENERATION[member.role])).size;
}

/**
 * The rules a family application must satisfy beyond its field types: exactly one main applicant,
 * at most one spouse, at least `minMembers` people, at most two parents on each side, spouse's
 * parents only with a spouse, nobody twice, and no more generations than the policy multiplies.
 * Every problem is an `invalid_family` issue (or `duplicate_person`) with its path.
 */
export function familyIssues(
  family: FamilyRecord,
  rule: FamilyRule,
  path: readonly PathSegment[],
  line: number | undefined,
): Issue[] {
  const at = line === undefined ? {} : { line };
  const issues: Issue[] = [];
  const members = family.members;
  const count = (role: FamilyRole): number => members.filter((m) => m.role === role).length;
  const problem = (message: string, where: readonly PathSegment[] = [...path, 'members']): void => {
    issues.push({ code: 'invalid_family', path: [...where], message, ...at });
  };
  if (members.length < rule.minMembers)
    problem(`a family application needs at least ${rule.minMembers} members, this one has ${members.length}`);
  const mains = count('main');
  if (mains !== 1) problem(`a family application has exactly one main applicant (role "main"), this one has ${mains}`);
  if (count('spouse') > 1) problem(`a family application has at most one spouse, this one has ${count('spouse')}`);
  if (count('parent') > 2) problem(`at most two parents of the main applicant, this one has ${count('parent')}`);
  if (count('spouse-parent') > 2) problem(`at most two parents of the spouse, this one has ${count('spouse-parent')}`);
  if (count('spouse-parent') > 0 && count('spouse') === 0)
    problem('the spouse’s parents are listed but there is no spouse');
  const generations = generationsOf(family);
  if (generations > rule.generationMultipliers.length) {
    problem(`${generations} generations; the policy allows at most ${rule.generationMultipliers.length}`);
  }
  const seen = new Map<string, number>();
  members.forEach((member, index) => {
    const memberPath = [...path, 'members', index];
    issues.push(...historyIssues(member, memberPath, line));
    const first = seen.get(member.personId);
    if (first === undefined) seen.set(member.personId, index);
    else {
      issues.push({
        code: 'duplicate_person',
        path: [...memberPath, 'personId'],
        message: `member ${index} is the same person as member ${first} of this family`,
        relatedPath: [...path, 'members', first],
        ...at,
        ...(line === undefined ? {} : { relatedLine: line }),
      });
    }
  });
  return issues;
}
