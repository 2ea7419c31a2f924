import type { App, AppExtra } from './Application';
import { numberToCode } from '../../pool/applicationCode';
import { TextColumn } from './TextColumn';

/**
 * Applications as columns: typed arrays, the person ids in a segmented text column, the rare
 * extras in a plain array — about 55 bytes per application plus its person id, never an object
 * each. A code's text is not kept: it is its value written with 13 digits (numberToCode;
 * millions of them are written a chunk at a time, joinedCodes). A person id equal to the code's
 * text is kept as '' (no person id is empty). Grown by doubling while a draft fills it; frozen
 * (never written again) once a store holds it.
 */
export class AppColumns {
  codes: Float64Array;
  kinds: Uint8Array;
  statuses: Uint8Array;
  c5: Uint8Array;
  appliedAt: Float64Array;
  statusAt: Float64Array;
  renewedAt: Float64Array;
  poolFrom: Int32Array;
  counted: Uint32Array;
  countedSince2021: Uint32Array;
  personIds: TextColumn;
  extras: (AppExtra | undefined)[];
  length = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.codes = new Float64Array(n);
    this.kinds = new Uint8Array(n);
    this.statuses = new Uint8Array(n);
    this.c5 = new Uint8Array(n);
    this.appliedAt = new Float64Array(n);
    this.statusAt = new Float64Array(n);
    this.renewedAt = new Float64Array(n);
    this.poolFrom = new Int32Array(n);
    this.counted = new Uint32Array(n);
    this.countedSince2021 = new Uint32Array(n);
    this.personIds = new TextColumn();
    this.extras = [];
  }

  /** A copy with room for `extra` more rows (typed arrays copied in one move each). */
  copy(extra: number): AppColumns {
    const out = new AppColumns(this.length + extra);
    out.codes.set(this.codes.subarray(0, this.length));
    out.kinds.set(this.kinds.subarray(0, this.length));
    out.statuses.set(this.statuses.subarray(0, this.length));
    out.c5.set(this.c5.subarray(0, this.length));
    out.appliedAt.set(this.appliedAt.subarray(0, this.length));
    out.statusAt.set(this.statusAt.subarray(0, this.length));
    out.renewedAt.set(this.renewedAt.subarray(0, this.length));
    out.poolFrom.set(this.poolFrom.subarray(0, this.length));
    out.counted.set(this.counted.subarray(0, this.length));
    out.countedSince2021.set(this.countedSince2021.subarray(0, this.length));
    out.personIds = this.personIds.copy();
    out.extras = this.extras.slice(0, this.length);
    out.length = this.length;
    return out;
  }

  /** The application in row `i`, as an object. */
  read(i: number): App {
    const codeText = numberToCode(this.codes[i]!);
    const personId = this.personIds.get(i);
    return {
      code: this.codes[i]!,
      codeText,
      kind: this.kinds[i]!,
      status: this.statuses[i]!,
      personId: personId === '' ? codeText : personId,
      appliedAt: this.appliedAt[i]!,
      statusAt: this.statusAt[i]!,
      renewedAt: this.renewedAt[i]!,
      poolFrom: this.poolFrom[i]!,
      counted: this.counted[i]!,
      countedSince2021: this.countedSince2021[i]!,
      c5: this.c5[i] === 1,
      extra: this.extras[i],
    };
  }

  /** Writes `app` into row `i` (i ≤ length; i = length appends). */
  write(i: number, app: App): void {
    if (i === this.codes.length) this.grow();
    this.codes[i] = app.code;
    this.kinds[i] = app.kind;
    this.statuses[i] = app.status;
    // A row's person never changes: its text is written once, when the row is added ('' when it
    // is the code, as in simulations: a person id is never empty).
    if (i === this.length) this.personIds.push(app.personId === app.codeText ? '' : app.personId);
    this.appliedAt[i] = app.appliedAt;
    this.statusAt[i] = app.statusAt;
    this.renewedAt[i] = app.renewedAt;
    this.poolFrom[i] = app.poolFrom;
    this.counted[i] = app.counted;
    this.countedSince2021[i] = app.countedSince2021;
    this.c5[i] = app.c5 ? 1 : 0;
    this.extras[i] = app.extra;
    if (i === this.length) this.length++;
  }

  /**
   * Appends `count` rows without an object each: `fill(from)` writes the typed columns of rows
   * [from, from + count); the person ids are `personIds`, or else the codes' texts; no extras.
   */
  appendRows(count: number, fill: (from: number) => void, personIds?: readonly string[]): void {
    const from = this.length;
    this.reserve(count);
    fill(from);
    for (let k = 0; k < count; k++) {
      const personId = personIds?.[k];
      this.personIds.push(personId === undefined || personId === numberToCode(this.codes[from + k]!) ? '' : personId);
    }
    this.extras.length = from + count;
    this.length = from + count;
  }

  /** Reorders the rows (row k becomes old row order[k]), one column at a time so at most one spare column is alive. */
  permute(order: Uint32Array): void {
    this.gather(this, order);
  }

  /**
   * The rows of two column sets with disjoint codes, each in ascending code order, merged into
   * ascending code order: new columns (neither input is written).
   */
  static merged(a: AppColumns, b: AppColumns): AppColumns {
    if (a.length === 0) return b;
    const order = new Uint32Array(a.length + b.length);
    let n = 0;
    let i = 0;
    for (let k = 0; k < b.length; k++) {
      const code = b.codes[k]!;
      while (i < a.length && a.codes[i]! < code) order[n++] = i++;
      order[n++] = a.length + k;
    }
    while (i < a.length) order[n++] = i++;
    const out = new AppColumns(0);
    out.gather(a, order, b);
    return out;
  }

  /**
   * Sets this object's columns to rows `order` of `a` followed by `b` (row k becomes source row
   * order[k], where sources ≥ a.length are rows of b), one column at a time so at most one spare
   * column is alive.
   */
  private gather(a: AppColumns, order: Uint32Array, b?: AppColumns): void {
    const n = order.length;
    const split = a.length;
    // The order as runs of consecutive source rows of one source: a merge of a few new rows into
    // sorted ones is a few long runs, each moved with one native copy; a shuffle is runs of one.
    const runs: number[] = []; // (target, source, length) triples
    for (let k = 0; k < n;) {
      let end = k + 1;
      while (end < n && order[end] === order[end - 1]! + 1 && order[end] !== split) end++;
      runs.push(k, order[k]!, end - k);
      k = end;
    }
    const column = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(
      fromA: T,
      fromB: T | undefined,
      to: T,
    ): T => {
      for (let r = 0; r < runs.length; r += 3) {
        const target = runs[r]!;
        const start = runs[r + 1]!;
        const length = runs[r + 2]!;
        const from = start < split ? fromA : fromB!;
        const source = start < split ? start : start - split;
        // A native copy pays for its view object only on long runs.
        if (length > 256) to.set(from.subarray(source, source + length), target);
        else for (let j = 0; j < length; j++) to[target + j] = from[source + j]!;
      }
      return to;
    };
    this.codes = column(a.codes, b?.codes, new Float64Array(n));
    this.kinds = column(a.kinds, b?.kinds, new Uint8Array(n));
    this.statuses = column(a.statuses, b?.statuses, new Uint8Array(n));
    this.c5 = column(a.c5, b?.c5, new Uint8Array(n));
    this.appliedAt = column(a.appliedAt, b?.appliedAt, new Float64Array(n));
    this.statusAt = column(a.statusAt, b?.statusAt, new Float64Array(n));
    this.renewedAt = column(a.renewedAt, b?.renewedAt, new Float64Array(n));
    this.poolFrom = column(a.poolFrom, b?.poolFrom, new Int32Array(n));
    this.counted = column(a.counted, b?.counted, new Uint32Array(n));
    this.countedSince2021 = column(a.countedSince2021, b?.countedSince2021, new Uint32Array(n));
    let texts = a.personIds;
    if (b !== undefined) {
      texts = texts.copy();
      texts.pushAll(b.personIds, b.length);
    }
    this.personIds = texts.permuted(order);
    const extras = new Array<AppExtra | undefined>(n);
    for (let k = 0; k < n; k++) {
      const source = order[k]!;
      extras[k] = source < split ? a.extras[source] : b!.extras[source - split];
    }
    this.extras = extras;
    this.length = n;
  }

  /** Row of `code` among rows [0, sortedLength), which must be in ascending code order; −1 if absent. */
  search(code: number, sortedLength: number): number {
    const codes = this.codes;
    let low = 0;
    let high = sortedLength;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (codes[mid]! < code) low = mid + 1;
      else high = mid;
    }
    return low < sortedLength && codes[low] === code ? low : -1;
  }

  /** Makes room for `extra` more rows at once (a batch of arrivals grows the columns once, not by doubling). */
  reserve(extra: number): void {
    if (this.length + extra > this.codes.length) this.resize(this.length + extra);
  }

  private grow(): void {
    this.resize(this.codes.length * 2);
  }

  private resize(n: number): void {
    const grown = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.codes = grown(this.codes, new Float64Array(n));
    this.kinds = grown(this.kinds, new Uint8Array(n));
    this.statuses = grown(this.statuses, new Uint8Array(n));
    this.c5 = grown(this.c5, new Uint8Array(n));
    this.appliedAt = grown(this.appliedAt, new Float64Array(n));
    this.statusAt = grown(this.statusAt, new Float64Array(n));
    this.renewedAt = grown(this.renewedAt, new Float64Array(n));
    this.poolFrom = grown(this.poolFrom, new Int32Array(n));
    this.counted = grown(this.counted, new Uint32Array(n));
    this.countedSince2021 = grown(this.countedSince2021, new Uint32Array(n));
  }
}
