import type { App, AppExtra } from './Application';
import { TextColumn } from './TextColumn';

/**
 * Applications as columns: typed arrays, texts (code, person id) in segmented text columns, the
 * rare extras in a plain array — about 60 bytes per application plus its two texts, never an
 * object each. The code text is kept (it came with the application) so that pools of millions of
 * records slice it instead of formatting millions of numbers. Grown by doubling while a draft
 * fills it; frozen (never written again) once a store holds it.
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
  codeTexts: TextColumn;
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
    this.codeTexts = new TextColumn();
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
    out.codeTexts = this.codeTexts.copy();
    out.personIds = this.personIds.copy();
    out.extras = this.extras.slice(0, this.length);
    out.length = this.length;
    return out;
  }

  /** The application in row `i`, as an object. */
  read(i: number): App {
    return {
      code: this.codes[i]!,
      codeText: this.codeTexts.get(i),
      kind: this.kinds[i]!,
      status: this.statuses[i]!,
      personId: this.personIds.get(i),
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
    // A row's code and person never change: their texts are written once, when the row is added.
    if (i === this.length) {
      this.codeTexts.push(app.codeText);
      this.personIds.push(app.personId);
    }
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

  /** Reorders the rows (row k becomes old row order[k]), one column at a time so at most one spare column is alive. */
  permute(order: Uint32Array): void {
    const n = order.length;
    // The order as runs of consecutive source rows: a merge of a few new rows into sorted ones is a
    // few long runs, each moved with one native copy; a shuffle is runs of one, moved row by row.
    const runs: number[] = []; // (target, source, length) triples
    for (let k = 0; k < n;) {
      let end = k + 1;
      while (end < n && order[end] === order[end - 1]! + 1) end++;
      runs.push(k, order[k]!, end - k);
      k = end;
    }
    const gather = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(from: T, to: T): T => {
      for (let r = 0; r < runs.length; r += 3) {
        const [target, source, length] = [runs[r]!, runs[r + 1]!, runs[r + 2]!];
        if (length > 16) to.set(from.subarray(source, source + length), target);
        else for (let j = 0; j < length; j++) to[target + j] = from[source + j]!;
      }
      return to;
    };
    const gatherList = <T>(from: readonly T[]): T[] => {
      const to = new Array<T>(n);
      for (let k = 0; k < n; k++) to[k] = from[order[k]!]!;
      return to;
    };
    this.codes = gather(this.codes, new Float64Array(n));
    this.kinds = gather(this.kinds, new Uint8Array(n));
    this.statuses = gather(this.statuses, new Uint8Array(n));
    this.c5 = gather(this.c5, new Uint8Array(n));
    this.appliedAt = gather(this.appliedAt, new Float64Array(n));
    this.statusAt = gather(this.statusAt, new Float64Array(n));
    this.renewedAt = gather(this.renewedAt, new Float64Array(n));
    this.poolFrom = gather(this.poolFrom, new Int32Array(n));
    this.counted = gather(this.counted, new Uint32Array(n));
    this.countedSince2021 = gather(this.countedSince2021, new Uint32Array(n));
    this.codeTexts = this.codeTexts.permuted(order);
    this.personIds = this.personIds.permuted(order);
    this.extras = gatherList(this.extras);
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

  private grow(): void {
    const n = this.codes.length * 2;
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
