import type { Issue, PathSegment } from '../errors/Issue';
import type { Beijing2021WeightRule, Policy } from '../policy/Policy';
import { steps2021Of } from '../policy/steps2021';
import { yearsBetweenKeys } from '../time/fullYearsBetween';
import { calendarKey, daysFromCivil, parseOffset, parseTimestamp } from '../time/timestamp';
import type { PersonHistory } from './familyRecords';

/** What the policy makes of a person's history. */
export interface HistoryFigures {
  /** Lottery steps (accumulated for a family member; for this draw for an individual). */
  readonly steps: number;
  /** Full years in the new-energy queue, as the policy counts them. */
  readonly queueYears: number;
}

/** The policy pieces history needs, resolved once per policy. */
export interface HistoryRules {
  readonly steps: Beijing2021WeightRule;
  readonly c5ExtraSteps: number;
  /** Instant the queue years are counted to (epoch ms). */
  readonly queueCountTo: number;
  /** Its calendarKey at the policy's offset. */
  readonly queueCountToKey: number;
  readonly roundUpPartYear: boolean;
  readonly offsetMinutes: number;
  /** steps2021 of the rule for small draw counts, d2020 × TABLED_SINCE + dSince (real counts are small). */
  readonly stepsTable: Uint32Array;
}

// Draw counts looked up in HistoryRules.stepsTable (Beijing has held fewer than 100 draws up to 2020, 2 a year since).
const TABLED_TO_2020 = 128;
const TABLED_SINCE = 64;

/** Resolves the history rules of a 2021– policy (checked by PolicySchema: it has `year` and `family`). */
export function historyRules(policy: Policy): HistoryRules {
  const family = policy.family!;
  const offsetMinutes = parseOffset(family.utcOffset)!;
  const rule = family.queueYears;
  // "Counted to 31 December of the previous year": the end of that day, i.e. 1 January 00:00 local.
  const queueCountTo =
    rule.countTo === 'deadline'
      ? parseTimestamp(rule.deadline!)!
      : daysFromCivil(policy.year!, 1, 1) * 86_400_000 - offsetMinutes * 60_000;
  const steps = policy.weights as Beijing2021WeightRule;
  return {
    steps,
    stepsTable: stepsTableOf(steps),
    c5ExtraSteps: policy.c5ExtraSteps,
    queueCountTo,
    queueCountToKey: calendarKey(queueCountTo, offsetMinutes),
    roundUpPartYear: rule.partYear === 'round-up',
    offsetMinutes,
  };
}

// One table per rule (familyPoints makes rules for every family it is given).
const stepsTables = new Map<string, Uint32Array>();

function stepsTableOf(rule: Beijing2021WeightRule): Uint32Array {
  const id = `${rule.drawsAtFirstStep}/${rule.drawsPerStep}/${rule.drawsPerStepAfter2020}/${rule.after2020Rounding}`;
  let table = stepsTables.get(id);
  if (table === undefined) {
    table = new Uint32Array(TABLED_TO_2020 * TABLED_SINCE);
    for (let d = 0; d < TABLED_TO_2020; d++)
      for (let m = 0; m < TABLED_SINCE; m++) table[d * TABLED_SINCE + m] = steps2021Of(rule, d, m);
    if (stepsTables.size >= 64) stepsTables.clear(); // bounded, whatever rules callers make up
    stepsTables.set(id, table);
  }
  return table;
}

/** Problems with the combination of history fields (types are the schema's job). */
export function historyIssues(person: PersonHistory, path: readonly PathSegment[], line: number | undefined): Issue[] {
  const at = line === undefined ? {} : { line };
  const issues: Issue[] = [];
  if (person.steps !== undefined && (person.drawsTo2020 !== undefined || person.drawsSince2021 !== undefined)) {
    issues.push({
      code: 'invalid_value',
      path: [...path, 'steps'],
      message: 'give either steps (the authority’s figure) or drawsTo2020/drawsSince2021, not both',
      ...at,
    });
  }
  if (person.queueYears !== undefined && person.queueSince !== undefined) {
    issues.push({
      code: 'invalid_value',
      path: [...path, 'queueYears'],
      message: 'give either queueYears or queueSince, not both',
      ...at,
    });
  }
  for (const field of ['queueSince', 'registeredAt'] as const) {
    const text = person[field];
    if (text !== undefined && parseTimestamp(text) === undefined)
      issues.push({
        code: 'invalid_value',
        path: [...path, field],
        message: `${field} is not a real date and time: "${text}"`,
        ...at,
      });
  }
  return issues;
}

/**
 * Steps and queue years of a person. `enteringNow` counts the draw being held (an individual's
 * weight); without it, only draws already entered (a family member's accumulated steps). A given
 * `steps` is the authority's figure and taken as is; computed steps get the C5 bonus.
 */
export function historyFigures(person: PersonHistory, rules: HistoryRules, enteringNow: boolean): HistoryFigures {
  const steps = stepsOf(
    rules,
    person.steps ?? -1,
    person.drawsTo2020 ?? -1,
    person.drawsSince2021 ?? -1,
    person.c5 === true,
    enteringNow,
  );
  const queueYears = queueYearsOf(
    rules,
    person.queueYears ?? -1,
    person.queueSince === undefined ? Number.NaN : parseTimestamp(person.queueSince)!,
  );
  return { steps, queueYears };
}

/** historyFigures' steps, from the fields as numbers (−1: absent), for readers that hold no objects. */
export function stepsOf(
  rules: HistoryRules,
  steps: number,
  drawsTo2020: number,
  drawsSince2021: number,
  c5: boolean,
  enteringNow: boolean,
): number {
  if (steps >= 0) return steps;
  const to2020 = drawsTo2020 < 0 ? 0 : drawsTo2020;
  const since2021 = (drawsSince2021 < 0 ? 0 : drawsSince2021) + (enteringNow ? 1 : 0);
  const computed =
    to2020 < TABLED_TO_2020 && since2021 < TABLED_SINCE
      ? rules.stepsTable[to2020 * TABLED_SINCE + since2021]!
      : steps2021Of(rules.steps, to2020, since2021);
  return computed + (c5 ? rules.c5ExtraSteps : 0);
}

/** historyFigures' queue years, from queueYears (−1: absent) or the queueSince instant (NaN: absent). */
export function queueYearsOf(rules: HistoryRules, queueYears: number, queueSince: number): number {
  if (queueYears >= 0) return queueYears;
  // fullYearsBetween(queueSince, queueCountTo), with the end's calendar key computed once per policy.
  if (!(queueSince < rules.queueCountTo)) return 0;
  return yearsBetweenKeys(calendarKey(queueSince, rules.offsetMinutes), rules.queueCountToKey, rules.roundUpPartYear);
}
