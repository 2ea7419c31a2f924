import { NOT_FAST } from './parseJsonLine';
import type { RecordFields } from './RecordFields';

const ZERO = 0x30;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

const word = (text: string, at: number): number =>
  (text.charCodeAt(at) |
    (text.charCodeAt(at + 1) << 8) |
    (text.charCodeAt(at + 2) << 16) |
    (text.charCodeAt(at + 3) << 24)) >>>
  0;
// `{"code":"` is 9 bytes: two words and a byte; `","draws":` 10 bytes; `","weight":` 11 bytes.
const OPEN_1 = word('{"co', 0);
const OPEN_2 = word('de":', 0);
const DRAWS_1 = word('","d', 0);
const DRAWS_2 = word('raws', 0);
const WEIGHT_1 = word('","w', 0);
const WEIGHT_2 = word('eigh', 0);
const C5_1 = word(',"c5', 0);
const TRUE = word('true', 0);
const FALSE_1 = word('fals', 0);

/**
 * The exact lines JSON.stringify writes for the common records — `{"code":"…","draws":N}` with an
 * optional `,"c5":true|false`, and `{"code":"…","weight":N}` — matched four bytes at a time (about
 * 1.5× faster than the general byte parser, which handles every other spelling). Returns the index
 * of the line's newline (or `end`), or NOT_FAST for anything else; never accepts a line the general
 * parser would read differently.
 */
export function parseTemplateLine(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  fields: RecordFields,
): number {
  // 9 + 13 + 10 + 1 + 1: the shortest template line.
  if (start + 34 > end) return NOT_FAST;
  if (view.getUint32(start, true) !== OPEN_1 || view.getUint32(start + 4, true) !== OPEN_2 || bytes[start + 8] !== 0x22)
    return NOT_FAST;
  let high = 0;
  let low = 0;
  for (let k = start + 9; k < start + 15; k++) {
    const digit = bytes[k]! - ZERO;
    if (digit < 0 || digit > 9) return NOT_FAST;
    high = high * 10 + digit;
  }
  for (let k = start + 15; k < start + 22; k++) {
    const digit = bytes[k]! - ZERO;
    if (digit < 0 || digit > 9) return NOT_FAST;
    low = low * 10 + digit;
  }
  let i = start + 22;
  const first = view.getUint32(i, true);
  const second = view.getUint32(i + 4, true);
  let isDraws: boolean;
  if (first === DRAWS_1 && second === DRAWS_2 && bytes[i + 8] === 0x22 && bytes[i + 9] === 0x3a) {
    isDraws = true;
    i += 10;
  } else if (
    first === WEIGHT_1 &&
    second === WEIGHT_2 &&
    bytes[i + 8] === 0x74 &&
    bytes[i + 9] === 0x22 &&
    bytes[i + 10] === 0x3a
  ) {
    isDraws = false;
    i += 11;
  } else return NOT_FAST;
  const digitsStart = i;
  let value = 0;
  let digit = i < end ? bytes[i]! - ZERO : -1;
  while (digit >= 0 && digit <= 9) {
    value = value * 10 + digit;
    digit = ++i < end ? bytes[i]! - ZERO : -1;
  }
  const digits = i - digitsStart;
  if (digits === 0 || digits > 15 || (digits > 1 && bytes[digitsStart] === ZERO)) return NOT_FAST;
  let c5: boolean | undefined;
  if (isDraws && bytes[i] === 0x2c) {
    // ,"c5":true / ,"c5":false
    if (i + 11 > end || view.getUint32(i, true) !== C5_1 || bytes[i + 4] !== 0x22 || bytes[i + 5] !== 0x3a)
      return NOT_FAST;
    const value4 = view.getUint32(i + 6, true);
    if (value4 === TRUE) {
      c5 = true;
      i += 10;
    } else if (value4 === FALSE_1 && bytes[i + 10] === 0x65) {
      c5 = false;
      i += 11;
    } else return NOT_FAST;
  }
  if (bytes[i] !== 0x7d) return NOT_FAST;
  i++;
  if (i < end && bytes[i] === RETURN) i++;
  if (i < end && bytes[i] !== NEWLINE) return NOT_FAST;
  fields.reset();
  fields.code = high * 10_000_000 + low;
  if (isDraws) fields.draws = value;
  else fields.weight = value;
  if (c5 !== undefined) fields.c5 = c5;
  return i;
}
