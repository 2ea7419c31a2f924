import { parseWith, type IssueLocation } from '../errors/fromZod';
import type { Issue, PathSegment } from '../errors/Issue';
import type { FamilyRule, Policy } from '../policy/Policy';
import { codeToNumber } from '../pool/applicationCode';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { familyIssues } from './checkFamily';
import { computeFamilyPoints, familyTotalIssue } from './familyPoints';
import { FamilyRecordSchema, Individual2021RecordSchema } from './familyRecords';
import {
  CHILD,
  FAMILY_KIND,
  INDIVIDUAL_KIND,
  MAIN,
  PARENT,
  Record2021Fields,
  SPOUSE,
  SPOUSE_PARENT,
} from './internal/Record2021Fields';
import { historyFigures, historyIssues, historyRules, queueYearsOf, stepsOf, type HistoryRules } from './personHistory';
import type { ColumnStorage } from '../pool/internal/ChunkedColumn';
import { personRepeatIssue, PersonRegistry } from './PersonRegistry';

/** A 2021– record reduced to what the pool stores. */
export interface Weighed2021Record {
  readonly code: number;
  readonly weight: number;
  readonly kind: number;
}

/**
 * Reads the records of a 2021– policy: families (weight = family points) and individuals
 * (weight = steps for the draw being held) in one ordinary pool, and registers their persons
 * (no person in two applications: checked across the pool at the end, see PersonRegistry).
 *
 * Two paths. The fast one (`accept`) takes the fields a fast reader gathered into `fields`, from
 * an object or from JSON bytes, and accepts only a record that is plainly valid, computing its
 * weight without building anything; the general one (`read`) is the definition — the zod
 * schemas, the family rules, familyPoints — and explains every problem. A record the fast path
 * does not accept goes to the general path, so results and issues are the general path's (a
 * property test checks that both agree).
 */
export class Reader2021 {
  /** Fields of the record being read on the fast path. */
  readonly fields: Record2021Fields = new Record2021Fields();
  /** Persons of every accepted record. */
  readonly persons: PersonRegistry;
  private readonly policy: Policy;
  private readonly family: FamilyRule;
  private readonly rules: HistoryRules;
  /** Reference mode: persons checked record by record with a map (where each first occurred). */
  private readonly firstSeen: Map<string, { path: readonly PathSegment[]; line: number }> | undefined;

  /**
   * `policy`: a checked 2021– policy. `reference`: the general path only, checking each record's
   * persons as it comes with a map — the plain definition the fast paths are tested against.
   * `storage`: where the persons are kept (see ColumnStorage), `expectedRecords` a size hint.
   */
  constructor(policy: Policy, reference = false, storage: ColumnStorage = 'heap', expectedRecords?: number) {
    this.policy = policy;
    // Families bring several persons: room for two per record (typed storage; heap chunks need no hint).
    this.persons = new PersonRegistry(storage, expectedRecords === undefined ? undefined : 2 * expectedRecords);
    this.family = policy.family!;
    this.rules = historyRules(policy);
    this.firstSeen = reference ? new Map() : undefined;
  }

  /**
   * The weight of the record in `fields` when it is plainly valid; its persons are then
   * registered. −1 otherwise, with nothing changed.
   */
  accept(): number {
    const f = this.fields;
    if (!f.isPlain()) return -1;
    if (!f.isFamily) {
      const steps = stepsOf(this.rules, f.steps[0]!, f.drawsTo2020[0]!, f.drawsSince2021[0]!, f.c5[0] === 1, true);
      if (!isIndividualWeight(steps)) return -1;
      this.register(0);
      return steps;
    }
    const total = this.familyTotal();
    if (total < 0) return -1;
    for (let m = 0; m < f.memberCount; m++) this.register(m);
    return total;
  }

  /**
   * @internal accept for a plain individual whose fields a reader checked itself: only a draw history,
   * its id the bytes[idStart, idEnd) hashed to `idHash` (`view`: a DataView of `bytes`). Its weight,
   * the person registered; −1, with nothing changed, when the weight is not a valid one.
   */
  acceptIndividual(
    drawsTo2020: number,
    drawsSince2021: number,
    bytes: Uint8Array,
    idStart: number,
    idEnd: number,
    idHash: number,
    view: DataView,
  ): number {
    const steps = stepsOf(this.rules, -1, drawsTo2020, drawsSince2021, false, true);
    if (!isIndividualWeight(steps)) return -1;
    this.persons.addBytes(bytes, idStart, idEnd, idHash, true, view);
    return steps;
  }

  // Registers person `person` of the record in `fields` (person 0 comes first).
  private register(person: number): void {
    const f = this.fields;
    if (f.ids === undefined) this.persons.addString(f.idText[person]!, f.idHash[person]!, person === 0);
    else this.persons.addBytes(f.ids, f.idStart[person]!, f.idEnd[person]!, f.idHash[person]!, person === 0, f.idsView);
  }

  // The points of the family in `fields` when it keeps the family rules (familyIssues finds nothing)
  // and they are a valid weight; else −1. The same arithmetic as computeFamilyPoints (exact whenever
  // the total is a valid weight, so the order of the sum does not matter), without a formula.
  private familyTotal(): number {
    const f = this.fields;
    const rule = this.family;
    const members = f.memberCount;
    if (members < rule.minMembers) return -1;
    let mains = 0;
    let spouses = 0;
    let parents = 0;
    let spouseParents = 0;
    let children = 0;
    for (let m = 0; m < members; m++) {
      const role = f.role[m];
      if (role === MAIN) mains++;
      else if (role === SPOUSE) spouses++;
      else if (role === PARENT) parents++;
      else if (role === SPOUSE_PARENT) spouseParents++;
      else if (role === CHILD) children++;
    }
    if (mains !== 1 || spouses > 1 || parents > 2 || spouseParents > 2 || (spouseParents > 0 && spouses === 0))
      return -1;
    // The main applicant's level is always there; parents (either side) one up, children one down.
    const generations = 1 + (parents + spouseParents > 0 ? 1 : 0) + (children > 0 ? 1 : 0);
    if (generations > rule.generationMultipliers.length) return -1;
    // Nobody twice in the family.
    for (let m = 1; m < members; m++)
      for (let other = 0; other < m; other++) if (f.idHash[other] === f.idHash[m] && f.sameId(other, m)) return -1;
    const hasSpouse = spouses > 0;
    const familyYearPoints = (f.familyYears < 0 ? 0 : f.familyYears) * rule.pointsPerFamilyYear;
    let subtotal = 0;
    for (let m = 0; m < members; m++) {
      const role = f.role[m];
      const steps = stepsOf(this.rules, f.steps[m]!, f.drawsTo2020[m]!, f.drawsSince2021[m]!, f.c5[m] === 1, false);
      const queueYears = queueYearsOf(this.rules, f.queueYears[m]!, f.queueSince[m]!);
      const base = role === MAIN ? rule.basePoints.main : rule.basePoints.other;
      const points = base + steps * rule.pointsPerStep + queueYears * rule.pointsPerQueueYear + familyYearPoints;
      subtotal += hasSpouse && (role === MAIN || role === SPOUSE) ? points * rule.spouseMultiplier : points;
    }
    const total = subtotal * rule.generationMultipliers[generations - 1]!;
    return total >= 1 && total <= MAX_WEIGHT ? total : -1;
  }

  /** The general path: validates one record with the schemas and rules, explaining every problem at `at`. */
  read(record: unknown, at: IssueLocation): Weighed2021Record | Issue[] {
    const line = at.line === undefined ? {} : { line: at.line };
    const index = recordIndex(at);
    const isFamily = typeof record === 'object' && record !== null && (record as { kind?: unknown }).kind === 'family';
    if (isFamily) {
      const parsed = parseWith(FamilyRecordSchema, record, at);
      if (!parsed.ok) return parsed.issues;
      const family = parsed.value;
      const problems = familyIssues(family, this.family, at.path, at.line);
      if (problems.length > 0) return problems;
      const total = computeFamilyPoints(family, this.policy, this.rules).total;
      const tooMany = familyTotalIssue(total, at.path, at.line);
      if (tooMany !== undefined) return [tooMany];
      const persons = family.members.map((m, i): [string, PathSegment[]] => [
        m.personId,
        [index, 'members', i, 'personId'],
      ]);
      const repeats = this.checkPersons(persons, at);
      if (repeats.length > 0) return repeats;
      return { code: codeToNumber(family.code), weight: total, kind: FAMILY_KIND };
    }
    const parsed = parseWith(Individual2021RecordSchema, record, at);
    if (!parsed.ok) return parsed.issues;
    const individual = parsed.value;
    const problems = historyIssues(individual, at.path, at.line);
    if (problems.length > 0) return problems;
    const { steps } = historyFigures(individual, this.rules, true);
    if (!isIndividualWeight(steps))
      return [
        {
          code: 'invalid_value',
          path: [...at.path, 'steps'],
          message: `an individual entering a draw has 1 to ${MAX_WEIGHT} steps, got ${steps}`,
          ...line,
        },
      ];
    const repeats = this.checkPersons([[individual.personId, [index, 'personId']]], at);
    if (repeats.length > 0) return repeats;
    return { code: codeToNumber(individual.code), weight: steps, kind: INDIVIDUAL_KIND };
  }

  // Registers an accepted record's persons (ids and their paths): in the registry, checked at the
  // end; in reference mode, checked now — issues for those already in an earlier application.
  private checkPersons(persons: readonly [string, PathSegment[]][], at: IssueLocation): Issue[] {
    const firstSeen = this.firstSeen;
    const line = at.line ?? 0;
    if (firstSeen === undefined) {
      persons.forEach(([id], i) => this.persons.add(id, i === 0));
      return [];
    }
    const repeats: Issue[] = [];
    for (const [id, path] of persons) {
      const first = firstSeen.get(id);
      if (first !== undefined)
        repeats.push(personRepeatIssue([...at.path, ...path.slice(1)], line, first.path, first.line));
    }
    if (repeats.length > 0) return repeats;
    for (const [id, path] of persons) firstSeen.set(id, { path, line });
    return [];
  }
}

// An individual entering a draw has 1 to MAX_WEIGHT steps (the general path explains the others).
function isIndividualWeight(steps: number): boolean {
  return steps >= 1 && steps <= MAX_WEIGHT;
}

// Readers locate records as [index] (or [prefix…, index]); the last number is the record index.
function recordIndex(at: IssueLocation): number {
  return at.path[at.path.length - 1] as number;
}
