/**
 * ISO 8601 timestamps with an explicit offset, e.g. "2018-01-07T14:56:11.401+08:00" or
 * "2018-01-07T06:56:11Z". Milliseconds optional (1–3 digits). No offset, no time: not a timestamp
 * (a bare local time would depend on the machine's time zone).
 */
export const TIMESTAMP_PATTERN: RegExp =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;
const ZERO = 0x30;

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
  const packed = packedCivil(days);
  const year = Math.floor(packed / 512);
  const monthDay = packed - year * 512;
  return { year, month: monthDay >>> 5, day: monthDay & 31 };
}

// civilFromDays as one number, (year × 16 + month) × 32 + day: no object for callers in loops.
function packedCivil(days: number): number {
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
  return ((yearOfEra + era * 400 + (month <= 2 ? 1 : 0)) * 16 + month) * 32 + day;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1]!;
}

// The longest timestamp, "2018-01-07T14:56:11.401+08:00".
const LONGEST = 29;
// Strings are copied here and read as bytes: one parser, and it only ever sees byte arrays.
const copied = new Uint8Array(LONGEST);

/** The two-digit number at text[at, at + 2), or a negative number when either is not an ASCII digit. */
function twoDigits(text: Uint8Array, at: number): number {
  const high = text[at]! - ZERO;
  const low = text[at + 1]! - ZERO;
  // Negative exactly when either is outside 0…9 (callers check that both are within the text).
  return (high | low | (9 - high) | (9 - low)) < 0 ? -1 : high * 10 + low;
}

/**
 * Milliseconds since 1970-01-01T00:00Z of a timestamp, or undefined when it does not match
 * TIMESTAMP_PATTERN or names an impossible date or time. Integer arithmetic only; never the
 * platform's Date parser, whose leniency differs between engines.
 */
export function parseTimestamp(text: string): number | undefined {
  const time = timestampOf(text);
  return Number.isNaN(time) ? undefined : time;
}

/** parseTimestamp with NaN for "not a timestamp". */
export function timestampOf(text: string): number {
  return copy(text) ? readTimestamp(copied, 0, text.length) : Number.NaN;
}

/** Whether `text` is a timestamp (timestampOf would not be NaN), without computing the instant. */
export function isTimestampText(text: string): boolean {
  return copy(text) && isTimestamp(copied, 0, text.length);
}

// Copies a string that may be a timestamp into `copied`; false when it cannot be one (too long, not ASCII).
function copy(text: string): boolean {
  const length = text.length;
  if (length > LONGEST) return false;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f) return false; // the grammar is ASCII
    copied[i] = unit;
  }
  return true;
}

/**
 * timestampOf the ASCII text bytes[start, end), straight from a file (no string is built).
 * Millions of member times are read per pool.
 */
export function readTimestamp(text: Uint8Array, start: number, end: number): number {
  if (!isTimestamp(text, start, end)) return Number.NaN;
  const local = daysFromCivil(readYear, readMonth, readDay) * MS_PER_DAY + readMsOfDay;
  return local - readOffset * MS_PER_MINUTE;
}

// The fields of the last timestamp isTimestamp accepted (local date, ms of day, offset in minutes).
let readYear = 0;
let readMonth = 0;
let readDay = 0;
let readMsOfDay = 0;
let readOffset = 0;

/** Whether bytes[start, end) is a timestamp (readTimestamp would not be NaN), without computing the instant. */
export function isTimestamp(text: Uint8Array, start: number, end: number): boolean {
  // Hand-parsed (the same grammar as TIMESTAMP_PATTERN): fixed positions up to the seconds.
  if (end - start < 20 || end - start > LONGEST) return false;
  if (
    text[start + 4] !== DASH ||
    text[start + 7] !== DASH ||
    text[start + 10] !== LETTER_T ||
    text[start + 13] !== COLON ||
    text[start + 16] !== COLON
  )
    return false;
  const century = twoDigits(text, start);
  const yearOfCentury = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  const hour = twoDigits(text, start + 11);
  const minute = twoDigits(text, start + 14);
  const second = twoDigits(text, start + 17);
  if ((century | yearOfCentury | month | day | hour | minute | second) < 0) return false;
  const year = century * 100 + yearOfCentury;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  if (day > daysInMonth(year, month)) return false;
  let at = start + 19;
  let millis = 0;
  if (text[at] === DOT) {
    // One to three digits, scaled to milliseconds.
    let count = 0;
    for (let scale = 100; count < 4 && at + 1 + count < end; count++, scale /= 10) {
      const digit = text[at + 1 + count]! - ZERO;
      if (!(digit >= 0 && digit <= 9)) break;
      millis += digit * scale;
    }
    if (count < 1 || count > 3) return false;
    at += 1 + count;
  }
  const offsetMinutes = offsetAt(text, at, end);
  if (Number.isNaN(offsetMinutes)) return false;
  readYear = year;
  readMonth = month;
  readDay = day;
  readMsOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  readOffset = offsetMinutes;
  return true;
}

/** Parses a UTC offset "+08:00" / "-05:30" / "Z" into minutes, or undefined. */
export function parseOffset(text: string): number | undefined {
  if (text.length > 6) return undefined;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f) return undefined;
    copied[i] = unit;
  }
  const minutes = offsetAt(copied, 0, text.length);
  return Number.isNaN(minutes) ? undefined : minutes;
}

/** The UTC offset in minutes that text[at, end) consists of exactly ("Z" or ±hh:mm), or NaN. */
function offsetAt(text: Uint8Array, at: number, end: number): number {
  const sign = at < end ? text[at]! : -1;
  if (sign === LETTER_Z) return at + 1 === end ? 0 : Number.NaN;
  if ((sign !== PLUS && sign !== MINUS) || at + 6 !== end || text[at + 3] !== COLON) return Number.NaN;
  const hours = twoDigits(text, at + 1);
  const minutes = twoDigits(text, at + 4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  return (sign === MINUS ? -1 : 1) * (hours * 60 + minutes);
}

/** Milliseconds in the span of calendarKey that one year takes: 416 = 13 × 32 (month, day) slots of a day. */
export const CALENDAR_YEAR_SPAN: number = 416 * MS_PER_DAY;

/**
 * The calendar position of an instant as seen at a fixed UTC offset (in minutes), as one number:
 * year × CALENDAR_YEAR_SPAN + ((month × 32 + day) × ms per day + ms of day). Ordered like
 * (year, month, day, time of day), so the difference of two keys, divided by CALENDAR_YEAR_SPAN and
 * rounded down, counts the anniversaries between them. Exact: below 2^53 for years up to 10^5.
 */
export function calendarKey(epochMs: number, offsetMinutes: number): number {
  const local = epochMs + offsetMinutes * MS_PER_MINUTE;
  const days = Math.floor(local / MS_PER_DAY);
  const packed = packedCivil(days);
  const year = Math.floor(packed / 512);
  return year * CALENDAR_YEAR_SPAN + (packed - year * 512) * MS_PER_DAY + (local - days * MS_PER_DAY);
}
