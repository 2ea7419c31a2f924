/**
 * Largest number of stored member indexes (4 bytes each) the layout may hold: 2^27, 512 MiB.
 * A capacity limit of this implementation, not part of the spec: Beijing-scale pools need far
 * less (3.1 M codes with 17 M entries store 14 M indexes).
 */
export const MAX_LAYOUT_MEMBERS: number = 2 ** 27;

/**
 * The official entry layout (摇号基数序号), docs/spec.md §3: pass k lists, in ascending code
 * order, every code whose weight is ≥ k; entries are numbered through pass 1, pass 2, ….
 *
 * Passes between two consecutive distinct weights hold the same codes, so the layout is stored
 * per distinct weight ("group"), not per pass, and never as an expanded entry array: group g
 * covers passes v[g−1]+1 … v[g] (v[−1] = 0), each listing S_g = the codes with weight ≥ v[g].
 * Group 0 lists every code, so only groups ≥ 1 store member indexes; memory is bounded by both
 * T − n and n × (distinct weights − 1) indexes.
 */
export class EntryLayout {
  /** Total entries T (Σ weights). */
  readonly totalEntries: number;
  /** Distinct weights v[g], ascending. */
  private readonly thresholds: Uint32Array;
  /** 0-based entry where group g starts. */
  private readonly groupStart: Float64Array;
  /** |S_g|: codes per pass in group g. */
  private readonly groupSize: Uint32Array;
  /** Offset of group g's members in `members` (g ≥ 1). */
  private readonly memberStart: Float64Array;
  /** Code indexes of S_1, S_2, … concatenated, each ascending. */
  private readonly members: Uint32Array;

  private constructor(
    totalEntries: number,
    thresholds: Uint32Array,
    groupStart: Float64Array,
    groupSize: Uint32Array,
    memberStart: Float64Array,
    members: Uint32Array,
  ) {
    this.totalEntries = totalEntries;
    this.thresholds = thresholds;
    this.groupStart = groupStart;
    this.groupSize = groupSize;
    this.memberStart = memberStart;
    this.members = members;
  }

  /**
   * Lays out codes 0..n−1 (already in ascending code order) with these weights (each ≥ 1, and
   * Σ weights ≤ 2^53 − 1, checked by the caller). Returns the number of member indexes instead
   * when it would exceed MAX_LAYOUT_MEMBERS.
   */
  static build(weights: Uint32Array): EntryLayout | { readonly membersNeeded: number } {
    const n = weights.length;
    const { thresholds, ranks } = rankWeights(weights);
    const groups = thresholds.length;
    const groupSize = new Uint32Array(groups);
    for (let i = 0; i < n; i++) groupSize[ranks[i]!]!++;
    // |S_g| = codes whose weight rank is ≥ g: suffix sums of the per-rank counts.
    for (let g = groups - 2; g >= 0; g--) groupSize[g]! += groupSize[g + 1]!;
    const groupStart = new Float64Array(groups);
    const memberStart = new Float64Array(groups);
    let entry = 0;
    let member = 0;
    let previous = 0;
    for (let g = 0; g < groups; g++) {
      groupStart[g] = entry;
      entry += (thresholds[g]! - previous) * groupSize[g]!;
      previous = thresholds[g]!;
      memberStart[g] = member;
      if (g > 0) member += groupSize[g]!;
    }
    if (member > MAX_LAYOUT_MEMBERS) return { membersNeeded: member };
    const members = new Uint32Array(member);
    const cursor = Uint32Array.from(memberStart);
    for (let i = 0; i < n; i++) {
      const rank = ranks[i]!;
      for (let g = 1; g <= rank; g++) members[cursor[g]!++] = i;
    }
    return new EntryLayout(entry, thresholds, groupStart, groupSize, memberStart, members);
  }

  /** The code index (0-based, ascending-code order) at 0-based entry `entry` (0 ≤ entry < T). */
  indexAt(entry: number): number {
    const starts = this.groupStart;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= entry) low = mid;
      else high = mid - 1;
    }
    const position = (entry - starts[low]!) % this.groupSize[low]!;
    return low === 0 ? position : this.members[this.memberStart[low]! + position]!;
  }

  /** Number of passes (the largest weight). */
  get passes(): number {
    return this.thresholds.length === 0 ? 0 : this.thresholds[this.thresholds.length - 1]!;
  }
}

// Distinct weights ascending, and each code's rank among them. Small weights (steps, family
// points) use a direct table; only huge explicit weights need the sort-and-search path.
function rankWeights(weights: Uint32Array): { thresholds: Uint32Array; ranks: Uint32Array } {
  const n = weights.length;
  const ranks = new Uint32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > max) max = weights[i]!;
  if (max <= 1 << 20) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) table[weights[i]!] = 0;
    const values: number[] = [];
    for (let w = 0; w <= max; w++) {
      if (table[w] === 0) {
        table[w] = values.length;
        values.push(w);
      }
    }
    for (let i = 0; i < n; i++) ranks[i] = table[weights[i]!]!;
    return { thresholds: Uint32Array.from(values), ranks };
  }
  const sorted = Uint32Array.from(weights).sort();
  const values: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) values.push(sorted[i]!);
  const thresholds = Uint32Array.from(values);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    let low = 0;
    let high = thresholds.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (thresholds[mid]! < w) low = mid + 1;
      else high = mid;
    }
    ranks[i] = low;
  }
  return { thresholds, ranks };
}
