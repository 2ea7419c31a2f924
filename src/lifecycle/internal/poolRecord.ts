import type { UnitRecord } from '../../period/periodRecords';
import type { FamilyRecord, Individual2021Record } from '../../family/familyRecords';
import type { CountedIndividualRecord } from '../../pool/recordSchemas';
import { dayStart } from '../../time/calendarDate';
import { fullYearsBetween } from '../../time/fullYearsBetween';
import { daysFromCivil } from '../../time/timestamp';
import { FAMILY, UNIT, type App } from './Application';
import { ordinalYear } from './periods';
import { drawYears, firstDrawFrom, runDraws, type HeldDraw, type RegistryState } from './RegistryState';

/** A record registryPool hands out: the policy's pool record shape. */
export type RegistryPoolRecord = CountedIndividualRecord | Individual2021Record | FamilyRecord | UnitRecord;

/** A family's familyYears for a period: counted years, plus the current run's by the policy's rule. */
export function familyYearsFor(app: App, held: readonly HeldDraw[], ordinal: number, state: RegistryState): number {
  const family = app.extra!.family!;
  const year = ordinalYear(ordinal);
  if (state.context.rule.familyYears === 'full-years') {
    const january = dayStart(daysFromCivil(year, 1, 1), state.context.offset);
    return family.familyYears + fullYearsBetween(family.since, january, state.context.offset);
  }
  return family.familyYears + drawYears(held, firstDrawFrom(held, app.poolFrom), family.lastYear, year).length;
}

/**
 * The pool record of an application in the pool of period `ordinal` (docs/spec.md §16.4): its
 * draws so far (counted ones plus its current run, every run draw being of an earlier period),
 * in the shape the policy's records take.
 */
export function poolRecordOf(app: App, state: RegistryState, ordinal: number): RegistryPoolRecord {
  const code = app.codeText;
  if (app.kind === UNIT) return { code };
  const held = state.held[0]!;
  if (app.kind === FAMILY)
    return {
      kind: 'family',
      code,
      familyYears: familyYearsFor(app, held, ordinal, state),
      members: app.extra!.family!.members,
    };
  const run = runDraws(held, app.poolFrom);
  const draws = app.counted + run.total;
  if (state.context.policy.weights.rule !== 'beijing2021') return app.c5 ? { code, draws, c5: true } : { code, draws };
  const since2021 = app.countedSince2021 + run.since2021;
  return {
    code,
    personId: app.personId,
    drawsTo2020: draws - since2021,
    drawsSince2021: since2021,
    ...(app.c5 ? { c5: true } : {}),
    ...app.extra?.person,
  };
}
