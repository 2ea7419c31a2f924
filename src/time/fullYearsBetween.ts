import { localFields } from './timestamp';

/**
 * Whole years from `from` to `to` (epoch ms), counted on the calendar at a fixed UTC offset: the
 * number of anniversaries of `from` reached by `to`. An anniversary is reached when (month, day,
 * time of day) of `to` is ≥ that of `from`, so a 29 February start reaches its anniversary on
 * 1 March of common years. 0 when `to` is before `from`. With `roundUpPart`, any part year left
 * over counts as a whole one (the 2020 one-off rule).
 */
export function fullYearsBetween(from: number, to: number, offsetMinutes: number, roundUpPart = false): number {
  if (to <= from) return 0;
  const a = localFields(from, offsetMinutes);
  const b = localFields(to, offsetMinutes);
  const reached =
    b.month > a.month || (b.month === a.month && (b.day > a.day || (b.day === a.day && b.msOfDay >= a.msOfDay)));
  const years = b.year - a.year - (reached ? 0 : 1);
  const exact = reached && b.month === a.month && b.day === a.day && b.msOfDay === a.msOfDay;
  return roundUpPart && !exact ? years + 1 : years;
}
