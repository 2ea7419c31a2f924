import { codeDigitsAt } from './codeDigits';
import type { RecordFields } from './RecordFields';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const ZERO = 0x30;
const SPACE = 0x20;
const TAB = 0x09;
const RETURN = 0x0d;

/** What parseJsonLine returns when the line is not of the fast shape. */
export const NOT_FAST = -1;

/**
 * Reads one JSON Lines record of the common shape straight from bytes into `fields`, starting
 * at `start` and stopping at the line's newline (or at `end`), without decoding text or building
 * objects (several times faster than JSON.parse at 3 million lines). Returns the index of the
 * newline (or `end` when the input ends first), or NOT_FAST for anything outside the narrow
 * shape it knows: other keys, escapes, repeated keys, fractions, exponents, big numbers. The
 * caller then falls back to JSON.parse and the zod schema, so this never changes what is
 * accepted, only how fast.
 */
export function parseJsonLine(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  fields: RecordFields,
): number {
  fields.reset();
  let i = start;
  let byte = i < end ? bytes[i]! : NEWLINE;
  while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
  if (byte !== OPEN) return NOT_FAST;
  i++;
  for (;;) {
    byte = i < end ? bytes[i]! : NEWLINE;
    while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
    if (byte !== QUOTE || i + 4 >= end) return NOT_FAST;
    // Keys: "code" "draws" "weight" "c5" "kind", told apart by their bytes, then a closing quote.
    const a = bytes[i + 1]!;
    const b = bytes[i + 2]!;
    let key = 0;
    if (a === 0x63 && b === 0x6f && bytes[i + 3] === 0x64 && bytes[i + 4] === 0x65) key = KEY_CODE;
    else if (
      a === 0x64 &&
      b === 0x72 &&
      i + 5 < end &&
      bytes[i + 3] === 0x61 &&
      bytes[i + 4] === 0x77 &&
      bytes[i + 5] === 0x73
    )
      key = KEY_DRAWS;
    else if (
      a === 0x77 &&
      b === 0x65 &&
      i + 6 < end &&
      bytes[i + 3] === 0x69 &&
      bytes[i + 4] === 0x67 &&
      bytes[i + 5] === 0x68 &&
      bytes[i + 6] === 0x74
    )
      key = KEY_WEIGHT;
    else if (a === 0x63 && b === 0x35) key = KEY_C5;
    else if (a === 0x6b && b === 0x69 && bytes[i + 3] === 0x6e && bytes[i + 4] === 0x64) key = KEY_KIND;
    else return NOT_FAST;
    i += KEY_LENGTH[key]! + 1;
    if (i >= end || bytes[i] !== QUOTE) return NOT_FAST;
    byte = ++i < end ? bytes[i]! : NEWLINE;
    while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
    if (byte !== COLON) return NOT_FAST;
    byte = ++i < end ? bytes[i]! : NEWLINE;
    while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
    if (key === KEY_CODE) {
      if (fields.code >= 0) return NOT_FAST;
      const value = quotedCodeAt(bytes, view, i, end);
      if (value < 0) return NOT_FAST;
      fields.code = value;
      i += 15;
    } else if (key === KEY_DRAWS || key === KEY_WEIGHT) {
      if ((key === KEY_DRAWS ? fields.draws : fields.weight) >= 0) return NOT_FAST;
      i = readCount(bytes, i, end);
      if (i === NOT_FAST) return NOT_FAST;
      if (key === KEY_DRAWS) fields.draws = count;
      else fields.weight = count;
    } else if (key === KEY_C5) {
      if (fields.c5 !== undefined) return NOT_FAST;
      if (matches(bytes, i, end, TRUE)) {
        fields.c5 = true;
        i += 4;
      } else if (matches(bytes, i, end, FALSE)) {
        fields.c5 = false;
        i += 5;
      } else return NOT_FAST;
    } else {
      if (fields.kind >= 0) return NOT_FAST;
      const kind = KINDS.findIndex((word) => matches(bytes, i, end, word));
      if (kind < 0) return NOT_FAST;
      fields.kind = kind;
      i += KINDS[kind]!.length;
    }
    byte = i < end ? bytes[i]! : NEWLINE;
    while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
    if (byte === COMMA) {
      i++;
      continue;
    }
    if (byte !== CLOSE) return NOT_FAST;
    byte = ++i < end ? bytes[i]! : NEWLINE;
    while (byte === SPACE || byte === TAB || byte === RETURN) byte = ++i < end ? bytes[i]! : NEWLINE;
    return byte === NEWLINE ? i : NOT_FAST;
  }
}

const KEY_CODE = 1;
const KEY_DRAWS = 2;
const KEY_WEIGHT = 3;
const KEY_C5 = 4;
const KEY_KIND = 5;
const KEY_LENGTH = [0, 4, 5, 6, 2, 4];

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const TRUE = ascii('true');
const FALSE = ascii('false');
// Index = kind id (APPLICANT_KINDS order), quotes included.
const KINDS = [ascii('"individual"'), ascii('"family"'), ascii('"unit"')];

function matches(bytes: Uint8Array, at: number, end: number, word: Uint8Array): boolean {
  if (at + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/**
 * The value of a quoted 13-digit application code whose opening quote is bytes[at] (the closing
 * one at + 14, before `end`), or −1 when that is not what is there (`view`: a DataView of `bytes`).
 */
export function quotedCodeAt(bytes: Uint8Array, view: DataView, at: number, end: number): number {
  if (bytes[at] !== QUOTE || at + 14 >= end || bytes[at + 14] !== QUOTE) return -1;
  return codeDigitsAt(bytes, view, at + 1);
}

// Set by readCount: a second result without an object per call (millions of lines).
let count = 0;

/** The value of the last count readCount read. */
export function lastCount(): number {
  return count;
}

/**
 * A non-negative integer from bytes[at], without leading zeros, of at most 15 digits (below 2^53):
 * sets lastCount and returns the index after it, or NOT_FAST for anything else (no digits, a leading
 * zero, more digits): the general path, JSON.parse, decides those.
 */
export function readCount(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  let value = 0;
  while (i < end) {
    const digit = bytes[i]! - ZERO;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    i++;
  }
  const digits = i - at;
  if (digits === 0 || digits > 15 || (digits > 1 && bytes[at] === ZERO)) return NOT_FAST;
  count = value;
  return i;
}
