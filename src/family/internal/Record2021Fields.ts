import { kindId } from '../../pool/ApplicantKind';
import { parseApplicationCode } from '../../pool/applicationCode';
import { isTimestampText, timestampOf } from '../../time/timestamp';
import { ID_HASH_START, idHashEnd, idHashStep } from '../PersonRegistry';

/** Most members a family may have on the fast path (larger ones are read by the general path). */
export const MAX_FAST_MEMBERS = 16;
/** Longest personId (UTF-16 code units), as the schema says. */
export const MAX_PERSON_ID = 200;

// Fields seen, as bits: per person (the individual, or each member) and for the record itself.
export const PERSON_ID = 1;
export const ROLE = 2;
export const STEPS = 4;
export const DRAWS_TO_2020 = 8;
export const DRAWS_SINCE_2021 = 16;
export const C5 = 32;
export const QUEUE_YEARS = 64;
export const QUEUE_SINCE = 128;
export const REGISTERED_AT = 256;
export const KIND = 512;
export const CODE = 1024;
export const FAMILY_YEARS = 2048;
export const MEMBERS = 4096;
/** The fields of a person (an individual record has them at the top). */
export const PERSON_FIELDS: number =
  PERSON_ID | STEPS | DRAWS_TO_2020 | DRAWS_SINCE_2021 | C5 | QUEUE_YEARS | QUEUE_SINCE | REGISTERED_AT;

/** Role ids, in FAMILY_ROLES order (main, spouse, parent, spouse-parent, child). */
export const MAIN = 0;
export const SPOUSE = 1;
export const PARENT = 2;
export const SPOUSE_PARENT = 3;
export const CHILD = 4;

export const INDIVIDUAL_KIND: number = kindId('individual');
export const FAMILY_KIND: number = kindId('family');

/**
 * The fields of one 2021– record (an individual, or a family and its members), gathered by a fast
 * reader — from an object (fromObject) or straight from JSON bytes (parse2021Line) — into typed
 * arrays reused from record to record: nothing is allocated per record. Every value a reader
 * stores is already checked (types, ranges, real timestamps, id length); `isPlain` then checks
 * how the fields go together. Anything a fast reader is unsure of makes it give up, and the
 * general path (the zod schemas) reads the record instead.
 *
 * Person ids are strings (idText, from objects) or, read from bytes, ids[idStart[p], idEnd[p]) of
 * the line itself; idHash holds their hashId either way.
 */
export class Record2021Fields {
  /** The code's value, or −1. */
  code = -1;
  /** Kind id, or −1 when the record has no `kind`. */
  kind = -1;
  familyYears = -1;
  /** Members in a family record (persons 0…memberCount−1); 1 for an individual (person 0). */
  memberCount = 0;
  /** Fields of the record itself (CODE, KIND, FAMILY_YEARS, MEMBERS and, for an individual, PERSON_FIELDS). */
  seen = 0;
  /** The line the person ids are in, or undefined when they are strings (idText). */
  ids: Uint8Array | undefined;
  /** A DataView of the same bytes as `ids` (undefined with it). */
  idsView: DataView | undefined;
  readonly idText: string[] = new Array<string>(MAX_FAST_MEMBERS).fill('');
  readonly idStart: Uint32Array = new Uint32Array(MAX_FAST_MEMBERS);
  readonly idEnd: Uint32Array = new Uint32Array(MAX_FAST_MEMBERS);
  /** hashId of each person's id. */
  readonly idHash: Int32Array = new Int32Array(MAX_FAST_MEMBERS);
  /** Role id, or −1. */
  readonly role: Int8Array = new Int8Array(MAX_FAST_MEMBERS);
  /** Counts, −1 when absent. */
  readonly steps: Float64Array = new Float64Array(MAX_FAST_MEMBERS);
  readonly drawsTo2020: Float64Array = new Float64Array(MAX_FAST_MEMBERS);
  readonly drawsSince2021: Float64Array = new Float64Array(MAX_FAST_MEMBERS);
  readonly queueYears: Float64Array = new Float64Array(MAX_FAST_MEMBERS);
  /** 1 when true (absent and false: 0). */
  readonly c5: Uint8Array = new Uint8Array(MAX_FAST_MEMBERS);
  /** Epoch ms, NaN when absent. */
  readonly queueSince: Float64Array = new Float64Array(MAX_FAST_MEMBERS);
  /** Fields seen, per person. */
  readonly personSeen: Uint16Array = new Uint16Array(MAX_FAST_MEMBERS);
  /** Clears the record's fields before a reader fills them (`ids`: the line, when reading bytes). */
  reset(ids: Uint8Array | undefined, idsView?: DataView): void {
    this.code = -1;
    this.kind = -1;
    this.familyYears = -1;
    this.memberCount = 1;
    this.seen = 0;
    this.ids = ids;
    this.idsView = idsView;
    this.resetPerson(0);
  }

  /** Clears person p's fields. */
  resetPerson(p: number): void {
    this.role[p] = -1;
    this.steps[p] = -1;
    this.drawsTo2020[p] = -1;
    this.drawsSince2021[p] = -1;
    this.queueYears[p] = -1;
    this.c5[p] = 0;
    this.queueSince[p] = Number.NaN;
    this.personSeen[p] = 0;
  }

  /** Whether persons a and b have the same id. */
  sameId(a: number, b: number): boolean {
    const bytes = this.ids;
    if (bytes === undefined) return this.idText[a] === this.idText[b];
    const aStart = this.idStart[a]!;
    const bStart = this.idStart[b]!;
    const length = this.idEnd[a]! - aStart;
    if (this.idEnd[b]! - bStart !== length) return false;
    for (let k = 0; k < length; k++) if (bytes[aStart + k] !== bytes[bStart + k]) return false;
    return true;
  }

  /** Whether this is a family record (else an individual one). */
  get isFamily(): boolean {
    return (this.seen & MEMBERS) !== 0;
  }

  /**
   * Whether the fields make a record the schemas and the history rules accept: a family (kind
   * "family", members, no person fields at the top) or an individual (no kind or "individual",
   * a personId), with a code; every person with an id (and a role, in a family), not both
   * steps and draw counts, not both queueYears and queueSince. The family rules come after.
   */
  isPlain(): boolean {
    const seen = this.seen;
    if ((seen & CODE) === 0) return false;
    if ((seen & MEMBERS) !== 0) {
      if (this.kind !== FAMILY_KIND || (seen & PERSON_FIELDS) !== 0) return false;
      for (let m = 0; m < this.memberCount; m++)
        if ((this.personSeen[m]! & ROLE) === 0 || !this.plainPerson(m)) return false;
      return true;
    }
    return this.kind !== FAMILY_KIND && (seen & FAMILY_YEARS) === 0 && this.plainPerson(0);
  }

  private plainPerson(p: number): boolean {
    const seen = this.personSeen[p]!;
    return (
      (seen & PERSON_ID) !== 0 &&
      !((seen & STEPS) !== 0 && (seen & (DRAWS_TO_2020 | DRAWS_SINCE_2021)) !== 0) &&
      !((seen & QUEUE_YEARS) !== 0 && (seen & QUEUE_SINCE) !== 0)
    );
  }

  /**
   * Fills the fields from a record object; false when any key or value is outside what the fast
   * path knows (the general path then reads the record). `undefined` values of known keys count as absent.
   */
  fromObject(record: unknown): boolean {
    this.reset(undefined);
    if (!isObject(record)) return false;
    for (const key in record) {
      const value = record[key];
      // An absent value, but only under a known key (the schemas refuse unknown keys whatever their value).
      if (value === undefined) {
        if (!TOP_KEYS.has(key)) return false;
        continue;
      }
      let bit: number;
      switch (key) {
        case 'kind':
          if (value !== 'family' && value !== 'individual') return false;
          this.kind = kindId(value);
          bit = KIND;
          break;
        case 'code':
          if (typeof value !== 'string') return false;
          this.code = parseApplicationCode(value);
          if (this.code < 0) return false;
          bit = CODE;
          break;
        case 'familyYears':
          if (!isCount(value)) return false;
          this.familyYears = value;
          bit = FAMILY_YEARS;
          break;
        case 'members':
          if (!this.membersFromArray(value)) return false;
          bit = MEMBERS;
          break;
        default:
          // An individual's own fields are at the top (a family's never are: isPlain refuses both).
          bit = this.personField(key, value, 0);
          if (bit <= 0 || bit === ROLE) return false;
      }
      this.seen |= bit;
    }
    if ((this.seen & MEMBERS) === 0) this.personSeen[0] = this.seen & PERSON_FIELDS;
    return true;
  }

  private membersFromArray(value: unknown): boolean {
    if (!Array.isArray(value) || value.length > MAX_FAST_MEMBERS) return false;
    this.memberCount = value.length;
    for (let m = 0; m < value.length; m++) {
      const member: unknown = value[m];
      this.resetPerson(m);
      if (!isObject(member)) return false;
      let seen = 0;
      for (const key in member) {
        const field = member[key];
        if (field === undefined) {
          if (!MEMBER_KEYS.has(key)) return false;
          continue;
        }
        const bit = this.personField(key, field, m);
        if (bit <= 0) return false;
        seen |= bit;
      }
      this.personSeen[m] = seen;
    }
    return true;
  }

  // Stores one field of person p; returns its bit, 0 for a key persons do not have, −1 for a bad value.
  private personField(key: string, value: unknown, p: number): number {
    switch (key) {
      case 'personId': {
        if (typeof value !== 'string' || value.length < 1 || value.length > MAX_PERSON_ID) return -1;
        let hash = ID_HASH_START;
        for (let i = 0; i < value.length; i++) {
          const unit = value.charCodeAt(i);
          // Lone surrogates are the schema's to explain: give up on any surrogate.
          if ((unit & 0xf800) === 0xd800) return -1;
          hash = idHashStep(hash, unit);
        }
        this.idText[p] = value;
        this.idHash[p] = idHashEnd(hash);
        return PERSON_ID;
      }
      case 'role': {
        const role = roleId(value);
        if (role < 0) return -1;
        this.role[p] = role;
        return ROLE;
      }
      case 'steps':
        if (!isCount(value)) return -1;
        this.steps[p] = value;
        return STEPS;
      case 'drawsTo2020':
        if (!isCount(value)) return -1;
        this.drawsTo2020[p] = value;
        return DRAWS_TO_2020;
      case 'drawsSince2021':
        if (!isCount(value)) return -1;
        this.drawsSince2021[p] = value;
        return DRAWS_SINCE_2021;
      case 'c5':
        if (typeof value !== 'boolean') return -1;
        this.c5[p] = value ? 1 : 0;
        return C5;
      case 'queueYears':
        if (!isCount(value)) return -1;
        this.queueYears[p] = value;
        return QUEUE_YEARS;
      case 'queueSince': {
        if (typeof value !== 'string') return -1;
        const time = timestampOf(value);
        if (Number.isNaN(time)) return -1;
        this.queueSince[p] = time;
        return QUEUE_SINCE;
      }
      case 'registeredAt':
        // Only a queue time counts (queue years); a registration time just has to be real.
        return typeof value === 'string' && isTimestampText(value) ? REGISTERED_AT : -1;
      default:
        return 0;
    }
  }
}

/** The role id of a role name, or −1. */
function roleId(value: unknown): number {
  return value === 'main'
    ? MAIN
    : value === 'spouse'
      ? SPOUSE
      : value === 'parent'
        ? PARENT
        : value === 'spouse-parent'
          ? SPOUSE_PARENT
          : value === 'child'
            ? CHILD
            : -1;
}

const PERSON_KEYS = [
  'personId',
  'steps',
  'drawsTo2020',
  'drawsSince2021',
  'c5',
  'queueYears',
  'queueSince',
  'registeredAt',
];
const TOP_KEYS: ReadonlySet<string> = new Set(['kind', 'code', 'familyYears', 'members', ...PERSON_KEYS]);
const MEMBER_KEYS: ReadonlySet<string> = new Set(['role', ...PERSON_KEYS]);

/** A plain object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A safe integer ≥ 0. */
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
