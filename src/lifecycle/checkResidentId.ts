import { formatDate, parseDate } from '../time/calendarDate';
import { argumentError } from '../errors/arguments';

/** The result of checkResidentId: the birth date and sex it encodes, or why it is not valid. */
export type ResidentIdCheck =
  | {
      /** The ID is valid. */
      readonly ok: true;
      /** Digits 7–14, "YYYY-MM-DD". */
      readonly birthDate: string;
      /** Digit 17: odd for men, even for women. */
      readonly sex: 'male' | 'female';
      /** Digits 1–6, the administrative division code of the place of registration. */
      readonly region: string;
    }
  | {
      /** The ID is not valid. */
      readonly ok: false;
      /** Why, in words. */
      readonly reason: string;
    };

// ISO 7064 MOD 11-2 as GB 11643-1999 applies it: weight of position i (1-based, left to right,
// 17 digits) is 2^(18 − i) mod 11; the check value is (12 − Σ mod 11) mod 11, written "X" for 10.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '0123456789X';
// Province-level codes (first two digits) of GB/T 2260: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65,
// plus 71 (Taiwan), 81 and 82 (Hong Kong, Macao), 83 (residence permits of Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** The check character of the first 17 digits of a resident ID (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17))
    throw argumentError(['first17'], 'the first 17 digits of a resident ID', first17);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[(12 - (sum % 11)) % 11]!;
}

/**
 * Checks an 18-character resident ID (居民身份号码, GB 11643-1999): 17 digits then a check character
 * (ISO 7064 MOD 11-2, `X` for 10; a lowercase `x` is refused, IDs are written in capitals); digits
 * 1–6 a region code whose first two digits name a province-level division; digits 7–14 a real
 * birth date (1800 or later: the standard's own example was born in 1880). The ID itself is never kept or echoed in the reason.
 */
export function checkResidentId(id: unknown): ResidentIdCheck {
  if (typeof id !== 'string') return { ok: false, reason: 'a resident ID is a string of 18 characters' };
  if (id.length !== 18) return { ok: false, reason: `a resident ID has 18 characters, this one has ${id.length}` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'a resident ID is 17 digits followed by a digit or X' };
  if (!PROVINCES.has(Number(id.slice(0, 2))))
    return { ok: false, reason: `the region code starts with ${id.slice(0, 2)}, which is no province-level division` };
  const birth = parseDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (birth === undefined || Number(id.slice(6, 10)) < 1800)
    return { ok: false, reason: 'digits 7–14 are not a real birth date (YYYYMMDD, 1800 or later)' };
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, reason: 'the check character does not match the first 17 digits' };
  return {
    ok: true,
    birthDate: formatDate(birth),
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    region: id.slice(0, 6),
  };
}
