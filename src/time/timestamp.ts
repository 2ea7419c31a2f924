/**
 * ISO 8601 timestamps with an explicit offset, e.g. "2018-01-07T14:56:11.401+08:00" or
 * "2018-01-07T06:56:11Z". Milliseconds optional (1–3 digits). No offset, no time: not a timestamp
 * (a bare local time would depend on the machine's time zone).
 */
export const TIMESTAMP_PATTERN: RegExp =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day count (inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** The decimal number in text[from, from + count), or -1 when any of it is not an ASCII digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds since 1970-01-01T00:00Z of a timestamp, or undefined when it does not match
 * TIMESTAMP_PATTERN or names an impossible date or time. Integer arithmetic only; never the
 * platform's Date parser, whose leniency differs between engines.
 */
export function parseTimestamp(text: string): number | undefined {
  // Hand-parsed (the same grammar as TIMESTAMP_PATTERN): millions of member times are read per pool.
  if (text.length < 20) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  let at = 19;
  let millis = 0;
  if (text[at] === '.') {
    let count = 0;
    while (count < 4 && digitsAt(text, at + 1 + count, 1) >= 0) count++;
    if (count < 1 || count > 3) return undefined;
    millis = digitsAt(text, at + 1, count) * (count === 1 ? 100 : count === 2 ? 10 : 1);
    at += 1 + count;
  }
  const offsetMinutes = offsetAt(text, at);
  if (offsetMinutes === undefined) return undefined;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return local - offsetMinutes * MS_PER_MINUTE;
}

/** Parses a UTC offset "+08:00" / "-05:30" / "Z" into minutes, or undefined. */
export function parseOffset(text: string): number | undefined {
  return offsetAt(text, 0);
}

/** The UTC offset in minutes that text[at…] consists of exactly ("Z" or ±hh:mm), or undefined. */
function offsetAt(text: string, at: number): number | undefined {
  if (text[at] === 'Z') return at + 1 === text.length ? 0 : undefined;
  if ((text[at] !== '+' && text[at] !== '-') || at + 6 !== text.length || text[at + 3] !== ':') return undefined;
  const hours = digitsAt(text, at + 1, 2);
  const minutes = digitsAt(text, at + 4, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return (text[at] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Calendar fields of an instant as seen at a fixed UTC offset (in minutes). */
export function localFields(
  epochMs: number,
  offsetMinutes: number,
): { year: number; month: number; day: number; msOfDay: number } {
  const local = epochMs + offsetMinutes * MS_PER_MINUTE;
  const days = Math.floor(local / MS_PER_DAY);
  return { ...civilFromDays(days), msOfDay: local - days * MS_PER_DAY };
}
