import type { Issue, PathSegment } from '../errors/Issue';
import type { IssueCollector } from '../errors/IssueCollector';
import { parseWith } from '../errors/fromZod';
import { familyIssues } from '../family/checkFamily';
import { computeFamilyPoints, familyTotalIssue } from '../family/familyPoints';
import { FamilyRecordSchema, type FamilyRecord } from '../family/familyRecords';
import { historyRules } from '../family/personHistory';
import type { EntrantList } from '../policy/Allocation';
import type { Policy } from '../policy/Policy';
import type { ApplicantKind } from '../pool/ApplicantKind';
import { safeCreatePool } from '../pool/createPool';
import type { Pool } from '../pool/Pool';
import { parseTimestamp } from '../time/timestamp';
import { QueueRecordSchema, UnitRecordSchema } from './periodRecords';
import { Ranking, type RankingEntrant } from './Ranking';

/**
 * Codes and persons seen across a period's entrant lists: one application per code and per
 * person in a period (a family continuing from the new-energy ranking into the ordinary pool is
 * the same application moving on, and is not checked twice).
 */
export class PeriodRegistry {
  private readonly codes = new Map<string, { list: EntrantList; path: PathSegment[] }>();
  private readonly persons = new Map<string, { list: EntrantList; path: PathSegment[] }>();

  constructor(private readonly issues: IssueCollector) {}

  /** Records a code; `withinList`: also report repeats inside the same list (lists not built by createPool). */
  code(code: string, list: EntrantList, path: PathSegment[], withinList: boolean): boolean {
    return this.note(
      this.codes,
      code,
      list,
      path,
      withinList,
      'duplicate_code',
      `code ${code} is already an application`,
    );
  }

  /** Records a person (by personId; the message never repeats the id). */
  person(id: string, list: EntrantList, path: PathSegment[], withinList: boolean): boolean {
    return this.note(
      this.persons,
      id,
      list,
      path,
      withinList,
      'duplicate_person',
      'this person already has an application',
    );
  }

  private note(
    seen: Map<string, { list: EntrantList; path: PathSegment[] }>,
    key: string,
    list: EntrantList,
    path: PathSegment[],
    withinList: boolean,
    code: Issue['code'],
    message: string,
  ): boolean {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, { list, path });
      return true;
    }
    if (first.list === list && !withinList) return true;
    this.issues.add({
      code,
      path,
      message: `${message} in ${describe(first.path)}: one application per ${code === 'duplicate_code' ? 'code' : 'person'} in a period`,
      relatedPath: first.path,
    });
    return false;
  }
}

function describe(path: readonly PathSegment[]): string {
  return `input.${String(path[1])}[${String(path[2])}]${path[3] === 'members' ? ` (member ${String(path[4])})` : ''}`;
}

/** A new-energy queue ranking: by queue time, then code. */
export function queueRanking(
  records: readonly unknown[],
  list: EntrantList,
  kind: ApplicantKind,
  issues: IssueCollector,
  registry: PeriodRegistry,
): Ranking {
  const entrants: RankingEntrant[] = [];
  records.forEach((record, index) => {
    const path: PathSegment[] = ['input', list, index];
    const parsed = parseWith(QueueRecordSchema, record, { path });
    if (!parsed.ok) return issues.addAll(parsed.issues);
    const { code, queueSince, personId } = parsed.value;
    if (queueSince === undefined)
      return issues.add({
        code: 'missing_field',
        path: [...path, 'queueSince'],
        message: 'a queue ranking needs queueSince (the queue time)',
      });
    const time = parseTimestamp(queueSince);
    if (time === undefined)
      return issues.add({
        code: 'invalid_value',
        path: [...path, 'queueSince'],
        message: `queueSince is not a real date and time: "${queueSince}"`,
      });
    let fresh = registry.code(code, list, [...path, 'code'], true);
    if (personId !== undefined) fresh = registry.person(personId, list, [...path, 'personId'], true) && fresh;
    if (fresh) entrants.push({ code, kind, time });
  });
  return new Ranking(entrants);
}

/** Validated new-energy families: their ranking, and those that continue into the ordinary pool if not served. */
export interface FamilyEntrants {
  readonly ranking: Ranking;
  /** Family records by code (without `alsoOrdinary`), with their input index. */
  readonly byCode: ReadonlyMap<
    string,
    { readonly family: FamilyRecord; readonly index: number; readonly alsoOrdinary: boolean }
  >;
}

/** The new-energy family ranking: points high first, then the earliest registration of any member, then code. */
export function familyRanking(
  records: readonly unknown[],
  policy: Policy,
  issues: IssueCollector,
  registry: PeriodRegistry,
): FamilyEntrants {
  const rules = historyRules(policy);
  const entrants: RankingEntrant[] = [];
  const byCode = new Map<string, { family: FamilyRecord; index: number; alsoOrdinary: boolean }>();
  records.forEach((record, index) => {
    const path: PathSegment[] = ['input', 'nevFamilies', index];
    let body: unknown = record;
    let alsoOrdinary = false;
    if (typeof record === 'object' && record !== null && 'alsoOrdinary' in record) {
      const { alsoOrdinary: flag, ...rest } = record as Record<string, unknown>;
      if (typeof flag !== 'boolean')
        return issues.add({
          code: 'invalid_type',
          path: [...path, 'alsoOrdinary'],
          message: 'alsoOrdinary must be true or false',
        });
      alsoOrdinary = flag;
      body = rest;
    }
    const parsed = parseWith(FamilyRecordSchema, body, { path });
    if (!parsed.ok) return issues.addAll(parsed.issues);
    const family = parsed.value;
    const problems = familyIssues(family, policy.family!, path, undefined);
    if (problems.length > 0) return issues.addAll(problems);
    const points = computeFamilyPoints(family, policy, rules).total;
    const tooMany = familyTotalIssue(points, path, undefined);
    if (tooMany !== undefined) return issues.add(tooMany);
    let fresh = registry.code(family.code, 'nevFamilies', [...path, 'code'], true);
    family.members.forEach((m, i) => {
      fresh = registry.person(m.personId, 'nevFamilies', [...path, 'members', i, 'personId'], true) && fresh;
    });
    if (!fresh) return;
    const times = family.members
      .map((m) => (m.registeredAt === undefined ? undefined : parseTimestamp(m.registeredAt)))
      .filter((t): t is number => t !== undefined);
    entrants.push({
      code: family.code,
      kind: 'family',
      points,
      ...(times.length > 0 ? { time: Math.min(...times) } : {}),
    });
    byCode.set(family.code, { family, index, alsoOrdinary });
  });
  return { ranking: new Ranking(entrants), byCode };
}

/** A one-entry-each lottery pool of units or (2014–2015) new-energy individuals. */
export function flatLotteryPool(
  records: readonly unknown[],
  list: EntrantList,
  kind: ApplicantKind,
  policyId: string,
  issues: IssueCollector,
  registry: PeriodRegistry,
): Pool | undefined {
  const weighed: { code: string; weight: 1; kind: ApplicantKind }[] = [];
  let valid = true;
  records.forEach((record, index) => {
    const path: PathSegment[] = ['input', list, index];
    const parsed =
      kind === 'unit' ? parseWith(UnitRecordSchema, record, { path }) : parseWith(QueueRecordSchema, record, { path });
    if (!parsed.ok) {
      valid = false;
      return issues.addAll(parsed.issues);
    }
    const value = parsed.value as { code: string; personId?: string };
    let fresh = registry.code(value.code, list, [...path, 'code'], true);
    if (value.personId !== undefined)
      fresh = registry.person(value.personId, list, [...path, 'personId'], true) && fresh;
    valid &&= fresh;
    weighed.push({ code: value.code, weight: 1, kind });
  });
  if (!valid) return undefined;
  const built = safeCreatePool(weighed, {
    policy: {
      id: `${policyId}:${list}`,
      title: `${list}: one entry each`,
      weights: { rule: 'explicit' },
      c5ExtraSteps: 0,
      sources: [],
    },
  });
  if (!built.success) {
    issues.addAll(built.issues.map((issue) => ({ ...issue, path: ['input', list, ...issue.path] })));
    return undefined;
  }
  return built.value;
}

/** Notes the codes and persons of the ordinary list (its pool, built later, checks them within the list). */
export function noteOrdinaryEntrants(records: readonly unknown[], registry: PeriodRegistry): void {
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null) return;
    const r = record as { code?: unknown; personId?: unknown; members?: unknown };
    const path: PathSegment[] = ['input', 'ordinary', index];
    if (typeof r.code === 'string') registry.code(r.code, 'ordinary', [...path, 'code'], false);
    if (typeof r.personId === 'string') registry.person(r.personId, 'ordinary', [...path, 'personId'], false);
    if (Array.isArray(r.members)) {
      (r.members as unknown[]).forEach((m, i) => {
        const id = typeof m === 'object' && m !== null ? (m as { personId?: unknown }).personId : undefined;
        if (typeof id === 'string') registry.person(id, 'ordinary', [...path, 'members', i, 'personId'], false);
      });
    }
  });
}
