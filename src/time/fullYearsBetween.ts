import { CALENDAR_YEAR_SPAN, calendarKey } from './timestamp';

/**
 * Whole years from `from` to `to` (epoch ms), counted on the calendar at a fixed UTC offset: the
 * number of anniversaries of `from` reached by `to`. An anniversary is reached when (month, day,
 * time of day) of `to` is ≥ that of `from`, so a 29 February start reaches its anniversary on
 * 1 March of common years. 0 when `to` is before `from`. With `roundUpPart`, any part year left
 * over counts as a whole one (the 2020 one-off rule).
 */
export function fullYearsBetween(from: number, to: number, offsetMinutes: number, roundUpPart = false): number {
  if (to <= from) return 0;
  return yearsBetweenKeys(calendarKey(from, offsetMinutes), calendarKey(to, offsetMinutes), roundUpPart);
}

/** fullYearsBetween of two instants given as calendar keys (see calendarKey), `from` before `to`. */
export function yearsBetweenKeys(fromKey: number, toKey: number, roundUpPart: boolean): number {
  // Calendar keys order instants by (year, month, day, time of day): no date objects per call.
  const span = toKey - fromKey;
  const years = Math.floor(span / CALENDAR_YEAR_SPAN);
  const exact = span - years * CALENDAR_YEAR_SPAN === 0;
  return roundUpPart && !exact ? years + 1 : years;
}
