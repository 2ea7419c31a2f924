import { parseWith, type IssueLocation } from '../errors/fromZod';
import type { Issue } from '../errors/Issue';
import type { Policy } from '../policy/Policy';
import { kindId } from '../pool/ApplicantKind';
import { codeToNumber } from '../pool/applicationCode';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { familyIssues } from './checkFamily';
import { computeFamilyPoints, familyTotalIssue } from './familyPoints';
import { plainFamily, plainIndividual2021 } from './fastCheck2021';
import { FamilyRecordSchema, Individual2021RecordSchema } from './familyRecords';
import { historyFigures, historyIssues, historyRules } from './personHistory';
import { PersonRegistry } from './PersonRegistry';

/** A 2021– record reduced to what the pool stores. */
export interface Weighed2021Record {
  readonly code: number;
  readonly weight: number;
  readonly kind: number;
}

/**
 * The reader of a 2021– policy's records: families (weight = family points) and individuals
 * (weight = steps for the draw being held) in one ordinary pool. Checks each record, then that
 * no person is in two applications (across the whole pool: one registry per reader).
 */
export function read2021RecordsWith(
  policy: Policy,
): (record: unknown, at: IssueLocation) => Weighed2021Record | Issue[] {
  const rules = historyRules(policy);
  const persons = new PersonRegistry();
  return (record, at) => {
    const line = at.line === undefined ? {} : { line: at.line };
    const isFamily = typeof record === 'object' && record !== null && (record as { kind?: unknown }).kind === 'family';
    if (isFamily) {
      let family = plainFamily(record);
      if (family === undefined) {
        const parsed = parseWith(FamilyRecordSchema, record, at);
        if (!parsed.ok) return parsed.issues;
        family = parsed.value;
      }
      const problems = familyIssues(family, policy.family!, at.path, at.line);
      if (problems.length > 0) return problems;
      const total = computeFamilyPoints(family, policy, rules).total;
      const tooMany = familyTotalIssue(total, at.path, at.line);
      if (tooMany !== undefined) return [tooMany];
      const duplicates: Issue[] = [];
      family.members.forEach((m, i) => {
        if (persons.has(m.personId))
          duplicates.push(persons.repeatIssue(m.personId, [...at.path, 'members', i, 'personId'], at.line));
      });
      if (duplicates.length > 0) return duplicates;
      family.members.forEach((m, i) => persons.add(m.personId, recordIndex(at), i, at.line));
      return { code: codeToNumber(family.code), weight: total, kind: kindId('family') };
    }
    let individual = plainIndividual2021(record);
    if (individual === undefined) {
      const parsed = parseWith(Individual2021RecordSchema, record, at);
      if (!parsed.ok) return parsed.issues;
      individual = parsed.value;
      const problems = historyIssues(individual, at.path, at.line);
      if (problems.length > 0) return problems;
    }
    const { steps } = historyFigures(individual, rules, true);
    if (steps < 1 || steps > MAX_WEIGHT)
      return [
        {
          code: 'invalid_value',
          path: [...at.path, 'steps'],
          message: `an individual entering a draw has 1 to ${MAX_WEIGHT} steps, got ${steps}`,
          ...line,
        },
      ];
    if (persons.has(individual.personId))
      return [persons.repeatIssue(individual.personId, [...at.path, 'personId'], at.line)];
    persons.add(individual.personId, recordIndex(at), undefined, at.line);
    return { code: codeToNumber(individual.code), weight: steps, kind: kindId('individual') };
  };
}

// Readers locate records as [index] (or [prefix…, index]); the last number is the record index.
function recordIndex(at: IssueLocation): number {
  return at.path[at.path.length - 1] as number;
}
