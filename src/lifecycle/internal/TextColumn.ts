// Rows per segment: a segment is one string of its rows' texts, so millions of texts are a few
// dozen heap objects (a full collection of a heap with millions of small strings took seconds).
const SEGMENT = 1 << 16;

/**
 * A column of texts (codes, person ids) that never change once written: appended, read by row,
 * reordered. Full segments of SEGMENT rows are kept as one joined string with the offsets of its
 * rows; a row is read as a slice of it (V8 shares the characters). Segments are immutable, so a
 * copy shares them.
 */
export class TextColumn {
  private segments: string[] = [];
  private offsets: Uint32Array[] = [];
  private pending: string[] = [];

  /** Number of rows. */
  get length(): number {
    return this.segments.length * SEGMENT + this.pending.length;
  }

  /** The text of row `i`. */
  get(i: number): string {
    const segment = Math.floor(i / SEGMENT);
    if (segment >= this.segments.length) return this.pending[i - this.segments.length * SEGMENT]!;
    const offsets = this.offsets[segment]!;
    const row = i - segment * SEGMENT;
    return this.segments[segment]!.slice(offsets[row], offsets[row + 1]);
  }

  /** Appends a row. */
  push(text: string): void {
    this.pending.push(text);
    if (this.pending.length === SEGMENT) {
      const offsets = new Uint32Array(SEGMENT + 1);
      for (let k = 0; k < SEGMENT; k++) offsets[k + 1] = offsets[k]! + this.pending[k]!.length;
      this.segments.push(this.pending.join(''));
      this.offsets.push(offsets);
      this.pending = [];
    }
  }

  /** Appends the first `count` rows of another column. */
  pushAll(other: TextColumn, count: number): void {
    for (let i = 0; i < count; i++) this.push(other.get(i));
  }

  /** A copy (the segments are shared: they never change). */
  copy(): TextColumn {
    const out = new TextColumn();
    out.segments = [...this.segments];
    out.offsets = [...this.offsets];
    out.pending = [...this.pending];
    return out;
  }

  /**
   * The rows in a new order: row k is this column's row order[k]. Runs of consecutive rows of one
   * segment move as one slice (merging a few new rows into a sorted registry copies characters in
   * a few big pieces, not row by row).
   */
  permuted(order: Uint32Array): TextColumn {
    const out = new TextColumn();
    const n = order.length;
    let start = 0;
    for (; start + SEGMENT <= n; start += SEGMENT) {
      const parts: string[] = [];
      const offsets = new Uint32Array(SEGMENT + 1);
      let k = start;
      while (k < start + SEGMENT) {
        const row = order[k]!;
        const segment = Math.floor(row / SEGMENT);
        if (segment >= this.segments.length) {
          const text = this.pending[row - this.segments.length * SEGMENT]!;
          parts.push(text);
          offsets[k - start + 1] = offsets[k - start]! + text.length;
          k++;
          continue;
        }
        let end = k + 1;
        while (
          end < start + SEGMENT &&
          order[end] === order[end - 1]! + 1 &&
          Math.floor(order[end]! / SEGMENT) === segment
        )
          end++;
        const source = this.offsets[segment]!;
        const first = row - segment * SEGMENT;
        parts.push(this.segments[segment]!.slice(source[first], source[first + end - k]));
        for (let r = 0; r < end - k; r++)
          offsets[k - start + r + 1] = offsets[k - start + r]! + source[first + r + 1]! - source[first + r]!;
        k = end;
      }
      out.segments.push(parts.join(''));
      out.offsets.push(offsets);
    }
    for (let k = start; k < n; k++) out.pending.push(this.get(order[k]!));
    return out;
  }
}
