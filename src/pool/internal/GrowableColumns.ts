/**
 * Column storage for records as they arrive, grown by doubling (no object per record). A row's
 * sort key is code × 4 + kind id: exact (< 4·10^13 < 2^53), ordered by code, one array to move.
 */
export class GrowableColumns {
  keys: Float64Array;
  weights: Uint32Array;
  /** Record index of each row (bad records are not stored, so rows and records can differ). */
  records: Uint32Array;
  /** 1-based source line of each row, kept only when the input is a file. */
  lines: Uint32Array | undefined;
  count = 0;

  constructor(initialCapacity = 1024, trackLines = false) {
    const capacity = Math.max(16, initialCapacity);
    this.keys = new Float64Array(capacity);
    this.weights = new Uint32Array(capacity);
    this.records = new Uint32Array(capacity);
    this.lines = trackLines ? new Uint32Array(capacity) : undefined;
  }

  push(code: number, weight: number, kind: number, record: number, line = 0): void {
    if (this.count === this.keys.length) this.grow();
    const i = this.count++;
    this.keys[i] = code * 4 + kind;
    this.weights[i] = weight;
    this.records[i] = record;
    if (this.lines !== undefined) this.lines[i] = line;
  }

  private grow(): void {
    const capacity = this.keys.length * 2;
    this.keys = enlarge(this.keys, new Float64Array(capacity));
    this.weights = enlarge(this.weights, new Uint32Array(capacity));
    this.records = enlarge(this.records, new Uint32Array(capacity));
    if (this.lines !== undefined) this.lines = enlarge(this.lines, new Uint32Array(capacity));
  }
}

function enlarge<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
