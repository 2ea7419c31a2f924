import type { Issue, PathSegment } from '../errors/Issue';
import type { Beijing2021WeightRule, Policy } from '../policy/Policy';
import { steps2021Of } from '../policy/steps2021';
import { fullYearsBetween } from '../time/fullYearsBetween';
import { daysFromCivil, parseOffset, parseTimestamp } from '../time/timestamp';
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
  readonly roundUpPartYear: boolean;
  readonly offsetMinutes: number;
}

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
  return {
    steps: policy.weights as Beijing2021WeightRule,
    c5ExtraSteps: policy.c5ExtraSteps,
    queueCountTo,
    roundUpPartYear: rule.partYear === 'round-up',
    offsetMinutes,
  };
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
  const steps =
    person.steps ??
    steps2021Of(rules.steps, person.drawsTo2020 ?? 0, (person.drawsSince2021 ?? 0) + (enteringNow ? 1 : 0)) +
      (person.c5 === true ? rules.c5ExtraSteps : 0);
  const queueYears =
    person.queueYears ??
    (person.queueSince === undefined
      ? 0
      : fullYearsBetween(
          parseTimestamp(person.queueSince)!,
          rules.queueCountTo,
          rules.offsetMinutes,
          rules.roundUpPartYear,
        ));
  return { steps, queueYears };
}
