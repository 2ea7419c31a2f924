import { civilFromDays, daysFromCivil } from './timestamp';

/** Pattern of a calendar date, "2024-06-26". */
export const DATE_PATTERN: RegExp = /^(\d{4})-(\d{2})-(\d{2})$/;

const MS_PER_DAY = 86_400_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, or undefined when it is not a real date. */
export function parseDate(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = daysFromCivil(year, month, day);
  return civilFromDays(days).day === day ? days : undefined;
}

/** "YYYY-MM-DD" of a day count. */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** ISO weekday of a day count: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** The day count of an instant on the calendar at a UTC offset (minutes). */
export function localDay(epochMs: number, offsetMinutes: number): number {
  return Math.floor((epochMs + offsetMinutes * 60_000) / MS_PER_DAY);
}

/** The instant a local day begins (00:00 at the offset). */
export function dayStart(days: number, offsetMinutes: number): number {
  return days * MS_PER_DAY - offsetMinutes * 60_000;
}

/**
 * The same local date and time `months` calendar months later (or earlier, when negative), at a
 * fixed offset; a day that the target month lacks becomes its last day (31 January + 1 month =
 * 28 or 29 February).
 */
export function addMonths(epochMs: number, months: number, offsetMinutes: number): number {
  const day = localDay(epochMs, offsetMinutes);
  const msOfDay = epochMs - dayStart(day, offsetMinutes);
  const date = civilFromDays(day);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  const target = Math.min(daysFromCivil(year, month, date.day), last);
  return dayStart(target, offsetMinutes) + msOfDay;
}
