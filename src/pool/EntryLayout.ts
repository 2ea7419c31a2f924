/**
 * Largest number of stored member indexes (4 bytes each) the member-list layout may hold: 2^27,
 * 512 MiB. A capacity limit of this implementation, not part of the spec: only pools with more
 * than 4,096 distinct weights use member lists.
 */
export const MAX_LAYOUT_MEMBERS: number = 2 ** 27;

/** Finds the `position`-th code (in code order) among those whose weight rank is ≥ `group`. */
interface GroupSelector {
  select(group: number, position: number): number;
}

/**
 * Per group, the member code indexes in order: Σ_{g ≥ 1} |S_g| stored indexes (≤ T − n). Used when
 * there are many distinct weights (explicit weights), where per-block counts would be large.
 */
class MemberLists implements GroupSelector {
  private constructor(
    private readonly memberStart: Float64Array,
    private readonly members: Uint32Array,
  ) {}

  static build(ranks: Uint32Array, groupSize: Uint32Array): MemberLists | { readonly membersNeeded: number } {
    const groups = groupSize.length;
    const memberStart = new Float64Array(groups);
    let member = 0;
    for (let g = 1; g < groups; g++) {
      memberStart[g] = member;
      member += groupSize[g]!;
    }
    if (member > MAX_LAYOUT_MEMBERS) return { membersNeeded: member };
    const members = new Uint32Array(member);
    const cursor = Uint32Array.from(memberStart);
    for (let i = 0; i < ranks.length; i++) {
      const rank = ranks[i]!;
      for (let g = 1; g <= rank; g++) members[cursor[g]!++] = i;
    }
    return new MemberLists(memberStart, members);
  }

  select(group: number, position: number): number {
    return this.members[this.memberStart[group]! + position]!;
  }
}

/**
 * Per block of B codes and per group, how many codes before the block have rank ≥ group; a
 * selection binary-searches the blocks, then scans at most B ranks. Builds in O(n + blocks × groups)
 * instead of O(T − n), in about one byte per code (B grows with the number of groups).
 */
class BlockCounts implements GroupSelector {
  private constructor(
    private readonly ranks: Uint32Array,
    private readonly blockSize: number,
    private readonly blocks: number,
    private readonly before: Uint32Array,
  ) {}

  static build(ranks: Uint32Array, groups: number): BlockCounts {
    const n = ranks.length;
    const blockSize = 64 * Math.max(1, Math.ceil(groups / 16));
    const blocks = Math.ceil(n / blockSize);
    // before[g × (blocks + 1) + b] = codes in blocks 0..b−1 with rank ≥ g.
    const before = new Uint32Array(groups * (blocks + 1));
    const histogram = new Uint32Array(groups);
    for (let b = 0; b < blocks; b++) {
      histogram.fill(0);
      const end = Math.min(n, (b + 1) * blockSize);
      for (let i = b * blockSize; i < end; i++) histogram[ranks[i]!]!++;
      let atLeast = 0;
      for (let g = groups - 1; g >= 1; g--) {
        atLeast += histogram[g]!;
        const at = g * (blocks + 1) + b;
        before[at + 1] = before[at]! + atLeast;
      }
    }
    return new BlockCounts(ranks, blockSize, blocks, before);
  }

  /** Codes whose rank is ≥ group (all of them for group 0). */
  atLeast(group: number): number {
    return group === 0 ? this.ranks.length : this.before[group * (this.blocks + 1) + this.blocks]!;
  }

  select(group: number, position: number): number {
    const row = group * (this.blocks + 1);
    const before = this.before;
    let low = 0;
    let high = this.blocks - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (before[row + mid]! <= position) low = mid;
      else high = mid - 1;
    }
    let remaining = position - before[row + low]!;
    const ranks = this.ranks;
    for (let i = low * this.blockSize; ; i++) {
      if (ranks[i]! >= group) {
        if (remaining === 0) return i;
        remaining--;
      }
    }
  }
}

/**
 * The official entry layout (摇号基数序号), docs/spec.md §3: pass k lists, in ascending code
 * order, every code whose weight is ≥ k; entries are numbered through pass 1, pass 2, ….
 *
 * Passes between two consecutive distinct weights hold the same codes, so the layout is kept per
 * distinct weight ("group"), not per pass, and never as an expanded entry array: group g covers
 * passes v[g−1]+1 … v[g] (v[−1] = 0), each listing S_g = the codes with weight ≥ v[g]. Group 0
 * lists every code. Finding the j-th code of S_g (g ≥ 1) uses block counts when the weights have
 * few distinct values (steps, family points), per-group member lists otherwise.
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
  private readonly selector: GroupSelector;

  private constructor(
    totalEntries: number,
    thresholds: Uint32Array,
    groupStart: Float64Array,
    groupSize: Uint32Array,
    selector: GroupSelector,
  ) {
    this.totalEntries = totalEntries;
    this.thresholds = thresholds;
    this.groupStart = groupStart;
    this.groupSize = groupSize;
    this.selector = selector;
  }

  /**
   * Lays out codes 0..n−1 (already in ascending code order) with these weights (each ≥ 1, and
   * Σ weights ≤ 2^53 − 1, checked by the caller). Returns the number of member indexes instead
   * when the member lists would exceed MAX_LAYOUT_MEMBERS. `strategy` is for tests.
   */
  static build(
    weights: ArrayLike<number>,
    strategy: 'auto' | 'blocks' | 'members' = 'auto',
  ): EntryLayout | { readonly membersNeeded: number } {
    const n = weights.length;
    const { thresholds, ranks } = rankWeights(weights);
    const groups = thresholds.length;
    const useBlocks = strategy === 'blocks' || (strategy === 'auto' && groups <= BLOCK_COUNTS_MAX_GROUPS);
    // |S_g| = codes whose weight rank is ≥ g: block counts hold it (their count before the end),
    // member lists need it first (suffix sums of the per-rank counts).
    const blocks = useBlocks ? BlockCounts.build(ranks, groups) : undefined;
    const groupSize = new Uint32Array(groups);
    if (blocks !== undefined) for (let g = 0; g < groups; g++) groupSize[g] = blocks.atLeast(g);
    else {
      for (let i = 0; i < n; i++) groupSize[ranks[i]!]!++;
      for (let g = groups - 2; g >= 0; g--) groupSize[g]! += groupSize[g + 1]!;
    }
    const groupStart = new Float64Array(groups);
    let entry = 0;
    let previous = 0;
    for (let g = 0; g < groups; g++) {
      groupStart[g] = entry;
      entry += (thresholds[g]! - previous) * groupSize[g]!;
      previous = thresholds[g]!;
    }
    const selector = blocks ?? MemberLists.build(ranks, groupSize);
    if ('membersNeeded' in selector) return selector;
    return new EntryLayout(entry, thresholds, groupStart, groupSize, selector);
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
    return low === 0 ? position : this.selector.select(low, position);
  }

  /** The distinct weights, heaviest first, each with the number of codes that have it. */
  weightCounts(): { readonly weight: number; readonly count: number }[] {
    const out: { weight: number; count: number }[] = [];
    for (let g = this.thresholds.length - 1; g >= 0; g--)
      out.push({ weight: this.thresholds[g]!, count: this.groupSize[g]! - (this.groupSize[g + 1] ?? 0) });
    return out;
  }

  /** Number of passes (the largest weight). */
  get passes(): number {
    return this.thresholds.length === 0 ? 0 : this.thresholds[this.thresholds.length - 1]!;
  }
}

// Weights up to this are ranked through a table (one entry per possible weight).
const SMALL_WEIGHTS = 1 << 20;

// Up to this many distinct weights, block counts (scan ≤ 64 × ceil(groups / 16) ranks per pick).
const BLOCK_COUNTS_MAX_GROUPS = 4096;

// Distinct weights ascending, and each code's rank among them. Small weights (steps, family
// points) use a direct table; only huge explicit weights need the sort-and-search path.
function rankWeights(weights: ArrayLike<number>): { thresholds: Uint32Array; ranks: Uint32Array } {
  const n = weights.length;
  const ranks = new Uint32Array(n);
  // One pass finds the largest weight and marks the weights present up to SMALL_WEIGHTS (steps,
  // points), in a table grown as larger ones appear.
  let small = new Uint8Array(256);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const weight = weights[i]!;
    if (weight > max) {
      max = weight;
      if (weight >= small.length && small.length <= SMALL_WEIGHTS) {
        const grown = new Uint8Array(Math.min(SMALL_WEIGHTS + 1, 2 ** Math.ceil(Math.log2(weight + 1))));
        grown.set(small);
        small = grown;
      }
    }
    if (weight < small.length) small[weight] = 1;
  }
  if (max <= SMALL_WEIGHTS) {
    const table = new Int32Array(max + 1);
    const values: number[] = [];
    for (let w = 0; w <= max; w++) {
      if (small[w] === 1) {
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
