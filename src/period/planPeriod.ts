import type { Issue, PathSegment } from '../errors/Issue';
import { requireObject } from '../errors/arguments';
import { describeValue } from '../errors/fromZod';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';

import {
  ENTRANT_LISTS,
  type AllocationRule,
  type EntrantList,
  type PeriodRule,
  type SubDrawRule,
} from '../policy/Allocation';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { commitPool } from '../pool/commitPool';
import { safeCreatePool } from '../pool/createPool';
import type { Pool } from '../pool/Pool';
import { getGenerator, GENERATOR_IDS, type GeneratorId } from '../rng/generators';
import { ENGINE } from '../version';
import {
  familyRanking,
  flatLotteryPool,
  noteOrdinaryEntrants,
  PeriodRegistry,
  queueRanking,
  type FamilyEntrants,
} from './buildEntrants';
import type { PeriodInput } from './periodRecords';
import { PLAN_FORMAT, planDigest, type PeriodPlan, type PlannedSubDraw } from './PeriodPlan';
import { PeriodPools } from './PeriodPools';
import type { Ranking } from './Ranking';
import { shareOf, splitNotice } from './splitQuota';

/** Options of planPeriod. */
export interface PlanPeriodOptions {
  /** The period: year and the policy's period id, e.g. "2024-h1" or "2016-06". */
  readonly period: string;
  /** Generator of the lottery sub-draws (default "default"). */
  readonly generator?: GeneratorId;
  /** Base quota of sub-draws by label, for periods whose figures the policy does not carry (or to override them). */
  readonly quotas?: Readonly<Record<string, number>>;
}

/** A planned period: the plan to publish, and the entrants to run and verify it with. */
export interface PlannedPeriod {
  /** The plan to publish before the seed. */
  readonly plan: PeriodPlan;
  /** The entrants to run and verify it with. */
  readonly pools: PeriodPools;
}

/**
 * Plans a whole allocation period (docs/spec.md §12): every sub-draw of the policy's period in
 * order, its quota from the year's split in exact decimal arithmetic (or options.quotas), unused
 * quota passed on as the policy says, new-energy families not served continuing into the ordinary
 * pool when they asked to, and a commitment to every sub-draw's entrants. Rankings need no seed, so
 * everything here is fixed before the seed exists; the plan's digest is what gets published.
 * All input problems are reported together, each with its path (input.<list>[i]…).
 */
export function planPeriod(input: PeriodInput, policy: Policy, options: PlanPeriodOptions): PlannedPeriod {
  const o = requireObject(options, ['options'], 'options with a period');
  if (o['quotas'] !== undefined) requireObject(o['quotas'], ['options', 'quotas'], 'quotas by sub-draw label');
  const checked = checkPolicy(policy, ['policy']);
  const issues = new IssueCollector();
  const fail = (issue: Issue): never => {
    issues.add(issue);
    issues.throwIfAny();
    throw new Error('unreachable');
  };
  const allocation =
    checked.allocation ??
    fail({
      code: 'invalid_policy',
      path: ['policy', 'allocation'],
      message: `policy ${checked.id} has no allocation rules`,
    });
  const { year, rule } = findPeriod(options.period, checked, allocation, fail);
  const generator = options.generator ?? 'default';
  if (getGenerator(generator) === undefined) {
    fail({
      code: 'unknown_generator',
      path: ['options', 'generator'],
      message: `unknown generator ${describeValue(generator)}; expected one of ${GENERATOR_IDS.join(', ')}`,
    });
  }
  checkSubDrawRules(rule, options, issues);
  checkInputLists(input, rule, issues);
  issues.throwIfAny();
  const baseQuotas = rule.subDraws.map((draw) => baseQuota(draw, rule, allocation, options, year, issues));

  // Entrants of every list but the ordinary pool, which may still receive new-energy families.
  const registry = new PeriodRegistry(issues);
  const built = new Map<string, Pool | Ranking>();
  let families: FamilyEntrants | undefined;
  for (const draw of rule.subDraws) {
    const records = input[draw.entrants] ?? [];
    if (draw.method === 'ranking') {
      if (draw.entrants === 'nevFamilies') {
        families = familyRanking(records, checked, issues, registry);
        built.set(draw.label, families.ranking);
      } else
        built.set(
          draw.label,
          queueRanking(
            records,
            draw.entrants,
            draw.entrants === 'nevIndividuals' ? 'individual' : 'unit',
            issues,
            registry,
          ),
        );
    } else if (draw.entrants === 'ordinary') noteOrdinaryEntrants(records, registry);
    else {
      const pool = flatLotteryPool(
        records,
        draw.entrants,
        draw.entrants === 'ordinaryUnits' ? 'unit' : 'individual',
        checked.id,
        issues,
        registry,
      );
      if (pool !== undefined) built.set(draw.label, pool);
    }
  }
  issues.throwIfAny();

  // Quotas in order; unused quota flows forward.
  const inflow = new Map<string, number>();
  const subDraws: PlannedSubDraw[] = [];
  let unallocated = 0;
  rule.subDraws.forEach((draw, k) => {
    const quota = baseQuotas[k]! + (inflow.get(draw.label) ?? 0);
    let joinedFamilies: number | undefined;
    if (draw.method === 'lottery' && draw.entrants === 'ordinary') {
      const joining = joiningFamilies(families, rule, subDraws);
      joinedFamilies = joining.length;
      const pool = ordinaryPool(input.ordinary ?? [], joining, checked, issues);
      issues.throwIfAny();
      built.set(draw.label, pool!);
    }
    const entrants = built.get(draw.label)!;
    const allocated = Math.min(quota, entrants.size);
    const leftover = quota - allocated;
    if (leftover > 0 && draw.leftoverTo !== undefined)
      inflow.set(draw.leftoverTo, (inflow.get(draw.leftoverTo) ?? 0) + leftover);
    else unallocated += leftover;
    subDraws.push({
      label: draw.label,
      method: draw.method,
      category: draw.category,
      part: draw.part,
      entrants: draw.entrants,
      baseQuota: baseQuotas[k]!,
      inflow: inflow.get(draw.label) ?? 0,
      quota,
      allocated,
      leftover,
      ...(draw.leftoverTo === undefined ? {} : { leftoverTo: draw.leftoverTo }),
      ...(joinedFamilies === undefined ? {} : { joinedFamilies }),
      pool: 'totalEntries' in entrants ? commitPool(entrants) : entrants.commit(),
    });
  });
  const unsealed: Omit<PeriodPlan, 'digest'> = {
    format: PLAN_FORMAT,
    engine: ENGINE,
    policy: checked.id,
    period: options.period,
    generator,
    total: baseQuotas.reduce((a, b) => a + b, 0),
    unallocated,
    subDraws,
  };
  const plan: PeriodPlan = { ...unsealed, digest: planDigest(unsealed) };
  return { plan, pools: new PeriodPools(plan.digest, built, plan) };
}

/** planPeriod that returns `{ success, value | issues }` instead of throwing. */
export function safePlanPeriod(
  input: PeriodInput,
  policy: Policy,
  options: PlanPeriodOptions,
): SafeResult<PlannedPeriod> {
  return safely(() => planPeriod(input, policy, options));
}

function findPeriod(
  period: string,
  policy: Policy,
  allocation: AllocationRule,
  fail: (issue: Issue) => never,
): { year: number; rule: PeriodRule } {
  const match = /^(\d{4})-([a-z0-9]+)$/.exec(typeof period === 'string' ? period : '');
  const ids = allocation.periods.map((p) => p.id);
  const path: PathSegment[] = ['options', 'period'];
  if (match === null)
    return fail({
      code: 'invalid_value',
      path,
      message: `period must look like "<year>-<id>" with id one of ${ids.join(', ')}, got ${describeValue(period)}`,
    });
  const year = Number(match[1]);
  if (policy.year !== undefined && policy.year !== year)
    return fail({ code: 'invalid_value', path, message: `policy ${policy.id} is for ${policy.year}, not ${year}` });
  const rule = allocation.periods.find((p) => p.id === match[2]);
  if (rule === undefined)
    return fail({
      code: 'invalid_value',
      path,
      message: `policy ${policy.id} has no period "${match[2]!}"; its periods are ${ids.join(', ')}`,
    });
  return { year, rule };
}

function checkSubDrawRules(rule: PeriodRule, options: PlanPeriodOptions, issues: IssueCollector): void {
  const labels = rule.subDraws.map((d) => d.label);
  const lists = new Set<EntrantList>();
  rule.subDraws.forEach((draw, k) => {
    const path: PathSegment[] = ['policy', 'allocation', 'periods', rule.id, 'subDraws', k];
    if (labels.indexOf(draw.label) !== k)
      issues.add({
        code: 'invalid_policy',
        path: [...path, 'label'],
        message: `sub-draw label "${draw.label}" is used twice`,
      });
    if (lists.has(draw.entrants))
      issues.add({
        code: 'invalid_policy',
        path: [...path, 'entrants'],
        message: `two sub-draws take the list ${draw.entrants}`,
      });
    lists.add(draw.entrants);
    if (draw.leftoverTo !== undefined && labels.indexOf(draw.leftoverTo) <= k) {
      issues.add({
        code: 'invalid_policy',
        path: [...path, 'leftoverTo'],
        message: `leftoverTo must name a later sub-draw of the period, got "${draw.leftoverTo}"`,
      });
    }
    const ranking = draw.method === 'ranking';
    const fits = ranking
      ? draw.entrants !== 'ordinary' && draw.entrants !== 'ordinaryUnits'
      : draw.entrants !== 'nevFamilies' && draw.entrants !== 'nevUnits' && draw.entrants !== 'nevOperators';
    if (!fits)
      issues.add({
        code: 'invalid_policy',
        path: [...path, 'method'],
        message: `a ${draw.method} cannot take the list ${draw.entrants}`,
      });
  });
  for (const [label, quota] of Object.entries(options.quotas ?? {})) {
    if (!labels.includes(label))
      issues.add({
        code: 'invalid_value',
        path: ['options', 'quotas', label],
        message: `period ${rule.id} has no sub-draw "${label}"; its sub-draws are ${labels.join(', ')}`,
      });
    else if (!Number.isSafeInteger(quota) || quota < 0)
      issues.add({
        code: 'invalid_quota',
        path: ['options', 'quotas', label],
        message: `a quota is an integer ≥ 0, got ${describeValue(quota)}`,
      });
  }
}

function checkInputLists(input: PeriodInput, rule: PeriodRule, issues: IssueCollector): void {
  if (typeof input !== 'object' || input === null) {
    issues.add({ code: 'invalid_type', path: ['input'], message: 'input must be an object of entrant lists' });
    return;
  }
  for (const key of Object.keys(input)) {
    const list = key as EntrantList;
    const path: PathSegment[] = ['input', key];
    if (!ENTRANT_LISTS.includes(list))
      issues.add({
        code: 'unknown_field',
        path,
        message: `unknown entrant list "${key}"; expected ${ENTRANT_LISTS.join(', ')}`,
      });
    else if (!Array.isArray(input[list]))
      issues.add({ code: 'invalid_type', path, message: `${key} must be an array of records` });
    else if (input[list].length > 0 && !rule.subDraws.some((d) => d.entrants === list)) {
      issues.add({
        code: 'invalid_value',
        path,
        message: `period ${rule.id} has no sub-draw for ${key} (${input[list].length} records would be left out)`,
      });
    }
  }
}

// The period's base quota: options.quotas, or round(annual × through) − round(annual × previous through).
function baseQuota(
  draw: SubDrawRule,
  rule: PeriodRule,
  allocation: AllocationRule,
  options: PlanPeriodOptions,
  year: number,
  issues: IssueCollector,
): number {
  const override = options.quotas?.[draw.label];
  if (override !== undefined) return override;
  const path: PathSegment[] = ['options', 'quotas', draw.label];
  const notice = allocation.notices.find((n) => n.category === draw.category);
  if (notice === undefined) {
    issues.add({
      code: 'missing_field',
      path,
      message: `no published ${draw.category} split for ${year} in the policy: give the quota of "${draw.label}" in options.quotas`,
    });
    return 0;
  }
  const split = splitNotice(notice, allocation.rounding);
  if ('problem' in split) {
    issues.add({ code: 'invalid_policy', path: ['policy', 'allocation', 'notices'], message: split.problem });
    return 0;
  }
  const annual = split.parts.get(draw.part);
  if (annual === undefined) {
    issues.add({
      code: 'invalid_policy',
      path: ['policy', 'allocation', 'periods', rule.id],
      message: `the ${draw.category} notice has no part "${draw.part}"`,
    });
    return 0;
  }
  const index = allocation.periods.indexOf(rule);
  const earlier = allocation.periods
    .slice(0, index)
    .flatMap((p) => p.subDraws)
    .filter((d) => d.category === draw.category && d.part === draw.part);
  const before =
    earlier.length === 0 ? 0 : shareOf(annual, earlier[earlier.length - 1]!.throughShare, allocation.rounding);
  const through = shareOf(annual, draw.throughShare, allocation.rounding);
  if (through < before || through > annual) {
    issues.add({
      code: 'invalid_policy',
      path: ['policy', 'allocation', 'periods', rule.id],
      message: `throughShare of "${draw.label}" must grow period by period up to 1`,
    });
    return 0;
  }
  return through - before;
}

// New-energy families beyond the family quota that asked to continue, in ranking order.
function joiningFamilies(
  families: FamilyEntrants | undefined,
  rule: PeriodRule,
  planned: readonly PlannedSubDraw[],
): { family: unknown; index: number }[] {
  if (families === undefined) return [];
  const label = rule.subDraws.find((d) => d.entrants === 'nevFamilies')!.label;
  const served = planned.find((d) => d.label === label)?.allocated ?? 0;
  return families.ranking.entrants
    .slice(served)
    .map((e) => families.byCode.get(e.code)!)
    .filter((f) => f.alsoOrdinary)
    .map((f) => ({ family: f.family, index: f.index }));
}

function ordinaryPool(
  records: readonly unknown[],
  joining: { family: unknown; index: number }[],
  policy: Policy,
  issues: IssueCollector,
): Pool | undefined {
  const built = safeCreatePool([...records, ...joining.map((j) => j.family)], { policy });
  if (built.success) return built.value;
  issues.addAll(
    built.issues.map((issue) => {
      const [index, ...rest] = issue.path as [number, ...PathSegment[]];
      const relocate = (i: number): PathSegment[] =>
        i < records.length ? ['input', 'ordinary', i] : ['input', 'nevFamilies', joining[i - records.length]!.index];
      return {
        ...issue,
        path: [...relocate(index), ...rest],
        ...(issue.relatedPath === undefined
          ? {}
          : { relatedPath: [...relocate(issue.relatedPath[0] as number), ...issue.relatedPath.slice(1)] }),
      };
    }),
  );
  return undefined;
}
