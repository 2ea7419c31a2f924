import { lastCount, NOT_FAST, quotedCodeAt, readCount } from '../../pool/internal/parseJsonLine';
import { Literal } from './Literal';
import { isTimestamp, readTimestamp } from '../../time/timestamp';
import { ID_HASH_START, idHashEnd, idHashStep } from '../PersonRegistry';
import {
  C5,
  CHILD,
  CODE,
  DRAWS_SINCE_2021,
  DRAWS_TO_2020,
  FAMILY_KIND,
  FAMILY_YEARS,
  INDIVIDUAL_KIND,
  KIND,
  MAIN,
  MAX_FAST_MEMBERS,
  MAX_PERSON_ID,
  MEMBERS,
  PARENT,
  PERSON_FIELDS,
  PERSON_ID,
  QUEUE_SINCE,
  QUEUE_YEARS,
  REGISTERED_AT,
  ROLE,
  SPOUSE,
  SPOUSE_PARENT,
  STEPS,
  type Record2021Fields,
} from './Record2021Fields';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
// The closing quote of a timestamp comes 20 to 29 characters after its first digit.
const SHORTEST_TIMESTAMP = 20;
const LONGEST_TIMESTAMP = 29;

/** A key: its bit in the fields' `seen` masks, and its text after the opening quote, with and without a colon right after. */
class Key {
  readonly withColon: Literal;
  readonly bare: Literal;

  constructor(
    name: string,
    readonly bit: number,
  ) {
    this.withColon = new Literal(`${name}":`, bit);
    this.bare = new Literal(`${name}"`, bit);
  }
}

const KEY_KIND = new Key('kind', KIND);
const KEY_CODE = new Key('code', CODE);
const KEY_C5 = new Key('c5', C5);
const KEY_FAMILY_YEARS = new Key('familyYears', FAMILY_YEARS);
const KEY_MEMBERS = new Key('members', MEMBERS);
const KEY_PERSON_ID = new Key('personId', PERSON_ID);
const KEY_ROLE = new Key('role', ROLE);
const KEY_REGISTERED_AT = new Key('registeredAt', REGISTERED_AT);
const KEY_STEPS = new Key('steps', STEPS);
const KEY_DRAWS_TO_2020 = new Key('drawsTo2020', DRAWS_TO_2020);
const KEY_DRAWS_SINCE_2021 = new Key('drawsSince2021', DRAWS_SINCE_2021);
const KEY_QUEUE_YEARS = new Key('queueYears', QUEUE_YEARS);
const KEY_QUEUE_SINCE = new Key('queueSince', QUEUE_SINCE);
const TOP_KEYS = KIND | CODE | FAMILY_YEARS | MEMBERS | PERSON_FIELDS;
const MEMBER_KEYS = ROLE | PERSON_FIELDS;
// Values with their quotes.
const KINDS = [new Literal('"individual"', INDIVIDUAL_KIND), new Literal('"family"', FAMILY_KIND)];
const ROLES = [
  new Literal('"main"', MAIN),
  new Literal('"spouse"', SPOUSE),
  new Literal('"parent"', PARENT),
  new Literal('"spouse-parent"', SPOUSE_PARENT),
  new Literal('"child"', CHILD),
];
const TRUE = new Literal('true', 1);
const FALSE = new Literal('false', 0);

// What a byte is inside a person id: one of its characters (printable ASCII but `"` and `\`), its
// closing quote, or anything else (the general path reads the line). One look-up per byte.
const ID_BYTE = 0;
const ID_END = 1;
const ID_OTHER = 2;
const ID_BYTES: Uint8Array = Uint8Array.from({ length: 256 }, (_, byte) =>
  byte === QUOTE ? ID_END : byte < SPACE || byte - SPACE >= 0x60 || byte === BACKSLASH ? ID_OTHER : ID_BYTE,
);

/**
 * Reads one JSON Lines record of a 2021– policy — an individual, or a family with its members —
 * straight from bytes into `fields`, without decoding text or building objects (`view` is a
 * DataView of the same bytes). Any key order and JSON whitespace are fine; values must be plain:
 * known keys once each, ASCII strings without escapes, integers without sign, fraction or
 * exponent (≤ 15 digits), real timestamps, at most MAX_FAST_MEMBERS members. Returns the index of
 * the line's newline (or `end` when the input ends first), or NOT_FAST for anything else; the
 * caller then reads the line with JSON.parse and the schemas, so this never changes what is
 * accepted, only how fast.
 */
export function parse2021Line(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  fields: Record2021Fields,
): number {
  fields.reset(bytes, view);
  let i = skipSpace(bytes, start, end);
  if (i >= end || bytes[i] !== OPEN) return NOT_FAST;
  i = readObject(bytes, view, i + 1, end, fields, -1);
  if (i === NOT_FAST) return NOT_FAST;
  i = skipSpace(bytes, i, end);
  return i >= end ? end : bytes[i] === NEWLINE ? i : NOT_FAST;
}

/**
 * Reads the members of an object after its `{` — the record itself (member −1) or a family
 * member — and returns the index after its `}`, or NOT_FAST.
 */
function readObject(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  end: number,
  fields: Record2021Fields,
  member: number,
): number {
  const allowed = member < 0 ? TOP_KEYS : MEMBER_KEYS;
  const person = member < 0 ? 0 : member;
  let seen = 0;
  let i = skipSpace(bytes, at, end);
  for (;;) {
    if (i >= end || bytes[i] !== QUOTE) return NOT_FAST;
    const key = keyAt(bytes, i + 1);
    if (key === undefined) return NOT_FAST;
    const bit = key.bit;
    if ((bit & allowed) === 0 || (seen & bit) !== 0) return NOT_FAST;
    seen |= bit;
    // JSON.stringify writes `"key":value`: spaces are looked for only when that is not what is there.
    if (key.withColon.isAt(bytes, view, i + 1, end)) i += 1 + key.withColon.length;
    else {
      if (!key.bare.isAt(bytes, view, i + 1, end)) return NOT_FAST;
      i = skipSpace(bytes, i + 1 + key.bare.length, end);
      if (i >= end || bytes[i] !== COLON) return NOT_FAST;
      i++;
    }
    if (i < end && bytes[i]! <= SPACE) i = skipSpace(bytes, i, end);
    if (i >= end) return NOT_FAST;
    switch (bit) {
      case PERSON_ID: {
        if (bytes[i] !== QUOTE) return NOT_FAST;
        const k = readId(bytes, i + 1, end);
        if (k === NOT_FAST) return NOT_FAST;
        fields.idStart[person] = i + 1;
        fields.idEnd[person] = k;
        fields.idHash[person] = idHash;
        i = k + 1;
        break;
      }
      case QUEUE_SINCE:
      case REGISTERED_AT: {
        if (bytes[i] !== QUOTE) return NOT_FAST;
        const last = Math.min(end - 1, i + 1 + LONGEST_TIMESTAMP);
        let k = i + 1 + SHORTEST_TIMESTAMP;
        while (k <= last && bytes[k] !== QUOTE) k++;
        if (k > last) return NOT_FAST;
        // Only the queue time's instant counts (queue years); a registration time just has to be real.
        if (bit === REGISTERED_AT) {
          if (!isTimestamp(bytes, i + 1, k)) return NOT_FAST;
        } else {
          const time = readTimestamp(bytes, i + 1, k);
          if (Number.isNaN(time)) return NOT_FAST;
          fields.queueSince[person] = time;
        }
        i = k + 1;
        break;
      }
      case CODE: {
        const value = quotedCodeAt(bytes, view, i, end);
        if (value < 0) return NOT_FAST;
        fields.code = value;
        i += 15;
        break;
      }
      case ROLE: {
        const role = literalAt(bytes, view, i, end, ROLES);
        if (role === undefined) return NOT_FAST;
        fields.role[person] = role.id;
        i += role.length;
        break;
      }
      case KIND: {
        const kind = literalAt(bytes, view, i, end, KINDS);
        if (kind === undefined) return NOT_FAST;
        fields.kind = kind.id;
        i += kind.length;
        break;
      }
      case C5: {
        const value = TRUE.isAt(bytes, view, i, end) ? TRUE : FALSE.isAt(bytes, view, i, end) ? FALSE : undefined;
        if (value === undefined) return NOT_FAST;
        fields.c5[person] = value.id;
        i += value.length;
        break;
      }
      case MEMBERS:
        i = readMembers(bytes, view, i, end, fields);
        if (i === NOT_FAST) return NOT_FAST;
        break;
      default: {
        i = readCount(bytes, i, end);
        if (i === NOT_FAST) return NOT_FAST;
        const count = lastCount();
        if (bit === DRAWS_TO_2020) fields.drawsTo2020[person] = count;
        else if (bit === DRAWS_SINCE_2021) fields.drawsSince2021[person] = count;
        else if (bit === STEPS) fields.steps[person] = count;
        else if (bit === QUEUE_YEARS) fields.queueYears[person] = count;
        else fields.familyYears = count;
      }
    }
    if (i < end && bytes[i]! <= SPACE) i = skipSpace(bytes, i, end);
    if (i >= end) return NOT_FAST;
    if (bytes[i] === COMMA) {
      i++;
      if (i < end && bytes[i]! <= SPACE) i = skipSpace(bytes, i, end);
      continue;
    }
    if (bytes[i] !== CLOSE) return NOT_FAST;
    if (member >= 0) fields.personSeen[member] = seen;
    else {
      fields.seen = seen;
      if ((seen & MEMBERS) === 0) fields.personSeen[0] = seen & PERSON_FIELDS;
    }
    return i + 1;
  }
}

// `[ {member}, … ]` after "members": returns the index after `]`, or NOT_FAST.
function readMembers(bytes: Uint8Array, view: DataView, at: number, end: number, fields: Record2021Fields): number {
  if (bytes[at] !== OPEN_LIST) return NOT_FAST;
  let i = skipSpace(bytes, at + 1, end);
  let members = 0;
  if (i < end && bytes[i] === CLOSE_LIST) {
    fields.memberCount = 0;
    return i + 1;
  }
  for (;;) {
    if (i >= end || bytes[i] !== OPEN || members === MAX_FAST_MEMBERS) return NOT_FAST;
    fields.resetPerson(members);
    i = readObject(bytes, view, i + 1, end, fields, members);
    if (i === NOT_FAST) return NOT_FAST;
    members++;
    if (i < end && bytes[i]! <= SPACE) i = skipSpace(bytes, i, end);
    if (i >= end) return NOT_FAST;
    if (bytes[i] === CLOSE_LIST) break;
    if (bytes[i] !== COMMA) return NOT_FAST;
    i = skipSpace(bytes, i + 1, end);
  }
  fields.memberCount = members;
  return i + 1;
}

/** The hashId of the last id read by readId. */
let idHash = 0;

/** The hashId of the last id readId read. */
export function lastIdHash(): number {
  return idHash;
}

/**
 * A person id from bytes[at] (after its opening quote) to its closing quote: 1 to MAX_PERSON_ID
 * bytes of printable ASCII without `"` or `\` — the id's own text, hashed as it goes by (lastIdHash).
 * Returns the index of the closing quote, or NOT_FAST.
 */
export function readId(bytes: Uint8Array, at: number, end: number): number {
  let hash = ID_HASH_START;
  const limit = Math.min(end, at + MAX_PERSON_ID + 1);
  let k = at;
  for (; k < limit; k++) {
    const byte = bytes[k]!;
    const kind = ID_BYTES[byte]!;
    if (kind !== ID_BYTE) {
      if (kind === ID_END) break;
      return NOT_FAST;
    }
    hash = idHashStep(hash, byte);
  }
  if (k === limit || k === at) return NOT_FAST;
  idHash = idHashEnd(hash);
  return k;
}

/** The key that may start at bytes[at] (after its opening quote), told apart by its first letters; the caller checks it whole. */
function keyAt(bytes: Uint8Array, at: number): Key | undefined {
  switch (bytes[at]) {
    case 0x63: // c
      return bytes[at + 1] === 0x6f ? KEY_CODE : KEY_C5;
    case 0x6b: // k
      return KEY_KIND;
    case 0x66: // f
      return KEY_FAMILY_YEARS;
    case 0x6d: // m
      return KEY_MEMBERS;
    case 0x70: // p
      return KEY_PERSON_ID;
    case 0x72: // r
      return bytes[at + 1] === 0x6f ? KEY_ROLE : KEY_REGISTERED_AT;
    case 0x73: // s
      return KEY_STEPS;
    case 0x64: // d
      return bytes[at + 5] === 0x54 ? KEY_DRAWS_TO_2020 : KEY_DRAWS_SINCE_2021;
    case 0x71: // q
      return bytes[at + 5] === 0x59 ? KEY_QUEUE_YEARS : KEY_QUEUE_SINCE;
    default:
      return undefined;
  }
}

/** The literal of `literals` that bytes[at…] start with, if any. */
function literalAt(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  end: number,
  literals: readonly Literal[],
): Literal | undefined {
  for (const literal of literals) if (literal.isAt(bytes, view, at, end)) return literal;
  return undefined;
}

function skipSpace(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const byte = bytes[i];
    if (byte !== SPACE && byte !== TAB && byte !== RETURN) break;
    i++;
  }
  return i;
}
