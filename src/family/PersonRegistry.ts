import { MAX_KEPT_ISSUES } from '../errors/IssueCollector';
import type { Issue, PathSegment } from '../errors/Issue';
import { NumberColumn, TextColumn } from '../pool/internal/ChunkedColumn';

// Persons per partition when looking for repeats: small enough for the partition's table to stay in cache.
const PARTITION_TARGET = 4096;
const HASH_BITS = 30;

/** The persons that repeat, found at the end: the applications to refuse and why. */
export interface PersonRepeats {
  /** Record indexes of the applications refused because a person in them is already in an earlier one, ascending. */
  readonly records: readonly number[];
  /** Their duplicate_person issues, in input order (at most MAX_KEPT_ISSUES). */
  readonly issues: readonly Issue[];
  /** Issues found beyond those kept. */
  readonly omitted: number;
}

/**
 * Everyone in the applications accepted so far, to enforce that a person is in one application
 * only: not in a family and also an individual, not in two families. Reported at the later
 * occurrence, naming the first, in input order; messages name records, never the personId.
 *
 * Millions of persons: each is a hash, an id (the caller's string, or for ids read straight from
 * a file their bytes in one arena) and its record, in chunked columns — no object or map per
 * person. The check runs once, at the end (`repeats`): ids are grouped by hash in cache-sized
 * partitions and compared exactly where hashes are equal. Only when some id does repeat are the
 * applications involved replayed in input order, which refuses exactly those a check at each
 * record would have refused (an application refused for a repeat registers none of its persons).
 */
export class PersonRegistry {
  private readonly hashes = new NumberColumn();
  /** The record: its index for a family member, −1 − index for an individual. */
  private readonly owners = new NumberColumn();
  /** Ids given as strings ('' for the others); kept once the first one comes. */
  private texts: TextColumn | undefined;
  /** Arena offsets (length first, then the bytes) of ids given as bytes (−1 for the others); kept once the first one comes. */
  private offsets: NumberColumn | undefined;
  private arena = new Uint8Array(0);
  private arenaLength = 0;

  /** Persons registered. */
  get size(): number {
    return this.hashes.length;
  }

  /** Registers a person by id, with its hashId, as a member of family record `record` or (`member` false) as individual record `record`. */
  addString(id: string, hash: number, record: number, member: boolean): void {
    if (this.texts === undefined) this.texts = new TextColumn();
    for (let p = this.texts.length; p < this.size; p++) this.texts.push('');
    this.texts.push(id);
    this.offsets?.push(-1);
    this.hashes.push(hash);
    this.owners.push(member ? record : -1 - record);
  }

  /**
   * addString for an id given as bytes[start, end): printable ASCII, at most 255 bytes (its own
   * text, as read from a file); hash is hashId of that text.
   */
  addBytes(bytes: Uint8Array, start: number, end: number, hash: number, record: number, member: boolean): void {
    const length = end - start;
    if (this.arenaLength + length + 1 > this.arena.length) {
      const grown = new Uint8Array(Math.max(1 << 16, 2 * (this.arenaLength + length + 1)));
      grown.set(this.arena.subarray(0, this.arenaLength));
      this.arena = grown;
    }
    if (this.offsets === undefined) this.offsets = new NumberColumn();
    for (let p = this.offsets.length; p < this.size; p++) this.offsets.push(-1);
    const arena = this.arena;
    let at = this.arenaLength;
    this.offsets.push(at);
    this.texts?.push('');
    this.hashes.push(hash);
    this.owners.push(member ? record : -1 - record);
    arena[at++] = length;
    for (let k = start; k < end; k++) arena[at++] = bytes[k]!;
    this.arenaLength = at;
  }

  /** Registers a person of the general path: member `member` of record `record`, or (undefined) individual record `record`. */
  add(id: string, record: number, member: number | undefined): void {
    this.addString(id, hashId(id), record, member !== undefined);
  }

  /**
   * The persons registered more than once, and what a check at each record, in input order,
   * would have made of them: which applications to refuse, with their issues. `lineOf` gives
   * the 1-based line of a record (0: none).
   */
  repeats(lineOf: (record: number) => number): PersonRepeats {
    const later = this.findRepeats();
    if (later.size === 0) return { records: [], issues: [], omitted: 0 };
    return this.replay(later, lineOf);
  }

  // Each person whose id was registered before → the first person with that id.
  private findRepeats(): Map<number, number> {
    const count = this.size;
    const found = new Map<number, number>();
    if (count < 2) return found;
    let bits = 0;
    while (bits < 16 && count >> bits > PARTITION_TARGET) bits++;
    const shift = HASH_BITS - bits;
    const low = 2 ** shift - 1;
    const partitions = 1 << bits;
    const hashes = this.hashes;
    // Partition by the hash's top bits, keeping input order inside each partition; each entry
    // packs the rest of the hash with the person (exact: below 2^53), so a partition reads in order.
    let span = 1;
    while (span <= count) span *= 2;
    const bounds = new Uint32Array(partitions + 1);
    for (let p = 0; p < count; p++) bounds[(hashes.at(p) >>> shift) + 1]!++;
    for (let b = 0; b < partitions; b++) bounds[b + 1]! += bounds[b]!;
    const entries = new NumberColumn();
    for (let p = 0; p < count; p++) entries.push(0);
    const cursor = bounds.slice(0, partitions);
    for (let p = 0; p < count; p++) {
      const hash = hashes.at(p);
      entries.set(cursor[hash >>> shift]!++, (hash & low) * span + p);
    }
    let table = new Uint32Array(16);
    for (let b = 0; b < partitions; b++) {
      const from = bounds[b]!;
      const to = bounds[b + 1]!;
      let size = 16;
      while (size < 2 * (to - from)) size *= 2;
      if (table.length < size) table = new Uint32Array(size);
      else table.fill(0, 0, size);
      const mask = size - 1;
      for (let k = from; k < to; k++) {
        const entry = entries.at(k);
        const rest = Math.floor(entry / span);
        const p = entry - rest * span;
        let slot = rest & mask;
        let first = -1;
        for (let q = table[slot]!; q !== 0; q = table[slot]!) {
          const other = entries.at(from + q - 1);
          const otherRest = Math.floor(other / span);
          if (otherRest === rest && this.sameId(other - otherRest * span, p)) {
            first = other - otherRest * span;
            break;
          }
          slot = (slot + 1) & mask;
        }
        // Only first occurrences go in the table, so a repeat finds its first directly.
        if (first < 0) table[slot] = k - from + 1;
        else found.set(p, first);
      }
    }
    return found;
  }

  // Replays the records holding a repeated id, in input order, as a check at each record would.
  private replay(later: ReadonlyMap<number, number>, lineOf: (record: number) => number): PersonRepeats {
    const groupOf = new Map<number, number>();
    for (const [person, first] of later) {
      groupOf.set(first, first);
      groupOf.set(person, first);
    }
    const involved = [...groupOf.keys()].sort((a, b) => a - b);
    const registeredBy = new Map<number, number>();
    const refused: number[] = [];
    const issues: Issue[] = [];
    let omitted = 0;
    let k = 0;
    while (k < involved.length) {
      // Every person of this record, in member order (a record's persons are registered together).
      const [first, last] = this.personsOfRecord(involved[k]!);
      const found = issues.length + omitted;
      for (let p = first; p <= last; p++) {
        const group = groupOf.get(p);
        const holder = group === undefined ? undefined : registeredBy.get(group);
        if (holder === undefined) continue;
        if (issues.length < MAX_KEPT_ISSUES) issues.push(this.repeatIssue(p, holder, lineOf));
        else omitted++;
      }
      if (issues.length + omitted > found) refused.push(this.recordOf(first));
      else
        for (let p = first; p <= last; p++) {
          const group = groupOf.get(p);
          if (group !== undefined) registeredBy.set(group, p);
        }
      while (k < involved.length && involved[k]! <= last) k++;
    }
    return { records: refused, issues, omitted };
  }

  private recordOf(person: number): number {
    const owner = this.owners.at(person);
    return owner < 0 ? -1 - owner : owner;
  }

  // The first and last person registered with `person`'s record.
  private personsOfRecord(person: number): [number, number] {
    const owner = this.owners.at(person);
    let first = person;
    while (first > 0 && this.owners.at(first - 1) === owner) first--;
    let last = person;
    while (last + 1 < this.size && this.owners.at(last + 1) === owner) last++;
    return [first, last];
  }

  private pathOf(person: number): PathSegment[] {
    const record = this.recordOf(person);
    if (this.owners.at(person) < 0) return [record, 'personId'];
    return [record, 'members', person - this.personsOfRecord(person)[0], 'personId'];
  }

  // The issue for `person`, whose id `holder` (an earlier application) already has.
  private repeatIssue(person: number, holder: number, lineOf: (record: number) => number): Issue {
    const path = this.pathOf(person);
    const first = this.pathOf(holder);
    return personRepeatIssue(path, lineOf(path[0] as number), first, lineOf(first[0] as number));
  }

  private sameId(a: number, b: number): boolean {
    const x = this.offsets === undefined ? -1 : this.offsets.at(a);
    const y = this.offsets === undefined ? -1 : this.offsets.at(b);
    if (x < 0) return y < 0 ? this.texts!.at(a) === this.texts!.at(b) : this.bytesAre(y, this.texts!.at(a));
    if (y < 0) return this.bytesAre(x, this.texts!.at(b));
    const arena = this.arena;
    const length = arena[x]!;
    if (arena[y] !== length) return false;
    for (let k = 1; k <= length; k++) if (arena[x + k] !== arena[y + k]) return false;
    return true;
  }

  // Whether the arena's id at `offset` is `id`.
  private bytesAre(offset: number, id: string): boolean {
    const arena = this.arena;
    if (arena[offset] !== id.length) return false;
    for (let k = 0; k < id.length; k++) if (id.charCodeAt(k) !== arena[offset + 1 + k]) return false;
    return true;
  }
}

/**
 * The duplicate_person issue for the person at `path` (line `line`, 0: none) who is already in an
 * earlier application, at `first` (its line `firstLine`).
 */
export function personRepeatIssue(
  path: readonly PathSegment[],
  line: number,
  first: readonly PathSegment[],
  firstLine: number,
): Issue {
  const member = first.length === 2 ? '' : ` (member ${String(first[2])})`;
  const where = `record ${String(first[0])}${member}${firstLine === 0 ? '' : ` on line ${firstLine}`}`;
  return {
    code: 'duplicate_person',
    path: [...path],
    message: `this person is already in ${where}: a person may be in one application only`,
    ...(line === 0 ? {} : { line }),
    relatedPath: [...first],
    ...(firstLine === 0 ? {} : { relatedLine: firstLine }),
  };
}

/** A 30-bit hash of a person id: FNV-1a over its UTF-16 code units (idHashStep from ID_HASH_START), then idHashEnd. */
export function hashId(id: string): number {
  let hash = ID_HASH_START;
  for (let i = 0; i < id.length; i++) hash = idHashStep(hash, id.charCodeAt(i));
  return idHashEnd(hash);
}

/** The state hashId starts from. */
export const ID_HASH_START = 0x811c9dc5;

/** hashId's step for one code unit (or one byte of an ASCII id: the same thing). */
export function idHashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** hashId's last step: a finaliser that spreads the bits, keeping HASH_BITS (small integers stay unboxed). */
export function idHashEnd(hash: number): number {
  let mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> (32 - HASH_BITS);
}
