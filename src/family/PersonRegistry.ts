import { MAX_KEPT_ISSUES } from '../errors/IssueCollector';
import type { Issue, PathSegment } from '../errors/Issue';
import { numberColumn, TextColumn, type ColumnStorage, type NumberColumn } from '../pool/internal/ChunkedColumn';

// Persons per partition when looking for repeats: small enough for the partition's table to stay in cache.
const PARTITION_TARGET = 4096;
// Up to this many persons, the partitions are gathered in one round; beyond, in ROUNDS rounds.
const ROUND_TARGET = 1 << 21;
// A fixed number of rounds, each reading every hash: the work stays linear in the persons (rounds of a
// fixed size made it grow with their square: 3 rounds at 4.5 million, 5 at 9 million), for a buffer of
// 2 bytes per person.
const ROUNDS = 4;
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
 * The applications whose persons were registered, in the order they were: the caller's rows
 * (one per application that registered persons, in the same order).
 */
export interface RegisteredRows {
  /** The record index of a row. */
  recordOf(row: number): number;
  /** The 1-based line of a row, or 0. */
  lineOf(row: number): number;
  /** Whether a row is a family (its persons are members) rather than an individual. */
  isFamily(row: number): boolean;
}

/**
 * Everyone in the applications accepted so far, to enforce that a person is in one application
 * only: not in a family and also an individual, not in two families. Reported at the later
 * occurrence, naming the first, in input order; messages name records, never the personId.
 *
 * Millions of persons: each is a hash and an id (the caller's string, or for ids read straight from
 * a file their bytes in one arena), in columns — no object or map per person; an application's
 * persons are registered together, the first one marked, so the application of a person is
 * found by counting (only when reporting). The check runs once, at the end (`repeats`): ids are
 * grouped by hash in cache-sized partitions and compared exactly where hashes are equal. Only
 * when some id does repeat are the applications involved replayed in input order, which refuses
 * exactly those a check at each record would have refused (an application refused for a repeat
 * registers none of its persons).
 */
export class PersonRegistry {
  /** hashId × 2, plus 1 for the first person of an application. */
  private readonly hashes: NumberColumn;
  /** Ids given as strings ('' for the others); kept once the first one comes. */
  private texts: TextColumn | undefined;
  /** 1 + arena offset (length first, then the bytes) of ids given as bytes (0 for the others); kept once the first one comes. */
  private offsets: NumberColumn | undefined;
  private arena: Uint8Array = new Uint8Array(0);
  private arenaView: DataView = new DataView(this.arena.buffer);
  private arenaLength = 0;
  private count = 0;

  /** `storage`: where the numbers are kept (see ColumnStorage); `expected`: how many persons to make room for. */
  constructor(
    private readonly storage: ColumnStorage = 'heap',
    private readonly expected?: number,
  ) {
    this.hashes = numberColumn(storage, 'uint32', expected);
    // Room for ids of ~15 bytes up front (pages are only taken as they are written), rather than growing by copying.
    if (storage === 'typed' && expected !== undefined) this.setArena(new Uint8Array(Math.min(expected * 16, 1 << 30)));
  }

  /** Persons registered. */
  get size(): number {
    return this.count;
  }

  /**
   * Registers a person by id, with its hashId; `first`: the first person of its application (the
   * next application's persons come after all of this one's).
   */
  addString(id: string, hash: number, first: boolean): void {
    if (this.texts === undefined || this.texts.length !== this.count) this.catchUpTexts();
    this.texts!.push(id);
    this.offsets?.push(0);
    this.hashes.push(hash * 2 + (first ? 1 : 0));
    this.count++;
  }

  /**
   * addString for an id given as bytes[start, end): printable ASCII, at most 255 bytes (its own
   * text, as read from a file); hash is hashId of that text. `view`, a DataView of `bytes`, lets the
   * id be copied four bytes at a time.
   */
  addBytes(bytes: Uint8Array, start: number, end: number, hash: number, first: boolean, view?: DataView): void {
    if (this.offsets === undefined || this.offsets.length !== this.count) this.catchUpOffsets();
    const length = end - start;
    let at = this.arenaLength;
    if (at + length + 1 > this.arena.length) this.growArena(length + 1);
    const arena = this.arena;
    this.offsets!.push(at + 1);
    this.texts?.push('');
    this.hashes.push(hash * 2 + (first ? 1 : 0));
    this.count++;
    arena[at++] = length;
    let k = start;
    if (view !== undefined) {
      const arenaView = this.arenaView;
      for (; k + 4 <= end; k += 4, at += 4) arenaView.setInt32(at, view.getInt32(k, true), true);
    }
    for (; k < end; k++) arena[at++] = bytes[k]!;
    this.arenaLength = at;
  }

  /** addString for the general path, which has the id only. */
  add(id: string, first: boolean): void {
    this.addString(id, hashId(id), first);
  }

  // The first id of its kind: a column for it, covering the persons before (none of that kind).
  private catchUpTexts(): void {
    this.texts ??= new TextColumn();
    while (this.texts.length < this.count) this.texts.push('');
  }

  private catchUpOffsets(): void {
    this.offsets ??= numberColumn(this.storage, 'uint32', this.expected);
    while (this.offsets.length < this.count) this.offsets.push(0);
  }

  private growArena(room: number): void {
    const grown = new Uint8Array(Math.max(1 << 16, 2 * (this.arenaLength + room)));
    grown.set(this.arena.subarray(0, this.arenaLength));
    this.setArena(grown);
  }

  private setArena(arena: Uint8Array): void {
    this.arena = arena;
    this.arenaView = new DataView(arena.buffer);
  }

  /**
   * The persons registered more than once, and what a check at each application, in input
   * order, would have made of them: which to refuse, with their issues. `rows` says which
   * applications registered them.
   */
  repeats(rows: RegisteredRows): PersonRepeats {
    const later = this.findRepeats();
    if (later.size === 0) return { records: [], issues: [], omitted: 0 };
    return this.replay(later, rows);
  }

  // Each person whose id was registered before → the first person with that id.
  private findRepeats(): Map<number, number> {
    const count = this.count;
    const found = new Map<number, number>();
    if (count < 2) return found;
    let bits = 0;
    while (bits < 16 && count >> bits > PARTITION_TARGET) bits++;
    const shift = HASH_BITS - bits;
    const partitions = 1 << bits;
    const hashes = this.hashes;
    // The columns are read chunk by chunk (value p is chunk[p >>> bits][p & mask]).
    const chunks = hashes.chunks;
    const chunkSize = 2 ** hashes.chunkBits;
    const sizes = new Uint32Array(partitions);
    for (let c = 0; c * chunkSize < count; c++) {
      const chunk = chunks[c]!;
      const end = Math.min(chunkSize, count - c * chunkSize);
      for (let k = 0; k < end; k++) sizes[chunk[k]! >>> (shift + 1)]!++;
    }
    // Partitions in rounds: each round gathers its persons (in input order inside each partition)
    // with their hashes into buffers a quarter of the registry's size, so that a partition is read in
    // order and a round writes to a quarter of the partitions at a time (fewer places: fewer cache misses).
    const capacity = count <= ROUND_TARGET ? count : Math.ceil(count / ROUNDS) + PARTITION_TARGET * 4;
    let persons = new Uint32Array(capacity);
    let personHashes = new Uint32Array(capacity);
    const cursor = new Uint32Array(partitions + 1);
    let table = new Uint32Array(16);
    // Hashes shared by different ids → each id's first person.
    const collided = new Map<number, Map<string, number>>();
    for (let from = 0; from < partitions;) {
      let to = from;
      let size = 0;
      while (to < partitions && (to === from || size + sizes[to]! <= capacity)) size += sizes[to++]!;
      if (size > persons.length) {
        persons = new Uint32Array(size);
        personHashes = new Uint32Array(size);
      }
      let start = 0;
      for (let b = from; b < to; b++) {
        cursor[b] = start;
        start += sizes[b]!;
      }
      for (let c = 0; c * chunkSize < count; c++) {
        const chunk = chunks[c]!;
        const base = c * chunkSize;
        const end = Math.min(chunkSize, count - base);
        for (let k = 0; k < end; k++) {
          const hash = chunk[k]! >>> 1;
          const b = hash >>> shift;
          if (b < from || b >= to) continue;
          const at = cursor[b]!++;
          persons[at] = base + k;
          personHashes[at] = hash;
        }
      }
      for (let b = from, begin = 0; b < to; begin += sizes[b]!, b++) {
        const end = begin + sizes[b]!;
        let slots = 16;
        while (slots < 2 * (end - begin)) slots *= 2;
        if (table.length < slots) table = new Uint32Array(slots);
        else table.fill(0, 0, slots);
        const mask = slots - 1;
        for (let k = begin; k < end; k++) {
          const hash = personHashes[k]!;
          const person = persons[k]!;
          let slot = hash & mask;
          // The table holds, per hash, the position in the buffer (+1) of its first person.
          let q = table[slot]!;
          while (q !== 0 && personHashes[begin + q - 1] !== hash) {
            slot = (slot + 1) & mask;
            q = table[slot]!;
          }
          if (q === 0) {
            table[slot] = k - begin + 1;
            continue;
          }
          const holder = persons[begin + q - 1]!;
          if (this.sameId(holder, person)) {
            found.set(person, holder);
            continue;
          }
          // Another id with the same hash: rare by chance, but ids can be made to collide on purpose
          // (FNV multicollisions are cheap), and comparing each with all the others would be quadratic.
          // Their exact ids go in a map instead.
          let ids = collided.get(hash);
          if (ids === undefined) collided.set(hash, (ids = new Map([[this.idOf(holder), holder]])));
          const id = this.idOf(person);
          const first = ids.get(id);
          if (first === undefined) ids.set(id, person);
          else found.set(person, first);
        }
      }
      from = to;
    }
    return found;
  }

  // Replays the applications holding a repeated id, in input order, as a check at each would:
  // one pass over the persons, application by application.
  private replay(later: ReadonlyMap<number, number>, rows: RegisteredRows): PersonRepeats {
    const groupOf = new Map<number, number>();
    for (const [person, first] of later) {
      groupOf.set(first, first);
      groupOf.set(person, first);
    }
    /** Where each group's id is registered: the application's row and the member. */
    const registeredAt = new Map<number, { row: number; member: number }>();
    const refused: number[] = [];
    const issues: Issue[] = [];
    let omitted = 0;
    let row = -1;
    for (let start = 0; start < this.count;) {
      row++;
      let end = start + 1;
      while (end < this.count && this.hashes.at(end) % 2 === 0) end++;
      let involved = false;
      for (let p = start; p < end && !involved; p++) involved = groupOf.has(p);
      if (involved) {
        const before = issues.length + omitted;
        for (let p = start; p < end; p++) {
          const group = groupOf.get(p);
          const holder = group === undefined ? undefined : registeredAt.get(group);
          if (holder === undefined) continue;
          if (issues.length < MAX_KEPT_ISSUES) {
            const path = pathOf(rows, row, p - start);
            const first = pathOf(rows, holder.row, holder.member);
            issues.push(personRepeatIssue(path, rows.lineOf(row), first, rows.lineOf(holder.row)));
          } else omitted++;
        }
        if (issues.length + omitted > before) refused.push(rows.recordOf(row));
        else
          for (let p = start; p < end; p++) {
            const group = groupOf.get(p);
            if (group !== undefined) registeredAt.set(group, { row, member: p - start });
          }
      }
      start = end;
    }
    return { records: refused, issues, omitted };
  }

  private sameId(a: number, b: number): boolean {
    const x = this.offsets === undefined ? -1 : this.offsets.at(a) - 1;
    const y = this.offsets === undefined ? -1 : this.offsets.at(b) - 1;
    if (x < 0) return y < 0 ? this.texts!.at(a) === this.texts!.at(b) : this.bytesAre(y, this.texts!.at(a));
    if (y < 0) return this.bytesAre(x, this.texts!.at(b));
    const arena = this.arena;
    const length = arena[x]!;
    if (arena[y] !== length) return false;
    for (let k = 1; k <= length; k++) if (arena[x + k] !== arena[y + k]) return false;
    return true;
  }

  // The id of person p as a string (ids given as bytes are ASCII: one character per byte).
  private idOf(p: number): string {
    const at = this.offsets === undefined ? -1 : this.offsets.at(p) - 1;
    if (at < 0) return this.texts!.at(p);
    return String.fromCharCode(...this.arena.subarray(at + 1, at + 1 + this.arena[at]!));
  }

  // Whether the arena's id at `offset` is `id`.
  private bytesAre(offset: number, id: string): boolean {
    const arena = this.arena;
    if (arena[offset] !== id.length) return false;
    for (let k = 0; k < id.length; k++) if (id.charCodeAt(k) !== arena[offset + 1 + k]) return false;
    return true;
  }
}

// The path of a person: member `member` of the family at `row`, or the individual at `row`.
function pathOf(rows: RegisteredRows, row: number, member: number): PathSegment[] {
  const record = rows.recordOf(row);
  return rows.isFamily(row) ? [record, 'members', member, 'personId'] : [record, 'personId'];
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
