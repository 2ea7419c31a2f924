/** Sort keys and their weights, ascending by key. */
export interface SortedKeys {
  readonly keys: Float64Array;
  readonly weights: Uint32Array;
}

const INSERTION_SORT_MAX = 32;
const MAX_BUCKETS = 1 << 20;

/**
 * Sorts the first `count` (key, weight) pairs by key into new arrays. Keys are integers below
 * 2^53 (yaohao uses code × 4 + kind). A most-significant-digit bucket sort that adapts to the
 * range of the keys it is given: each level spreads [min, max] over about size/4 buckets, small
 * buckets finish by one insertion pass, crowded ones recurse first. Linear time on real code distributions
 * (random 4-digit prefixes), at most ~13 levels on any input (the range shrinks ≥ 16× per
 * level), deterministic. Only two arrays move, because random writes are what a sort of
 * millions of rows pays for. Already-sorted input (official pool files are) costs one pass.
 */
export function sortKeys(keys: Float64Array, weights: Uint32Array, count: number): SortedKeys {
  let ascending = true;
  for (let i = 1; i < count; i++) {
    if (keys[i - 1]! > keys[i]!) {
      ascending = false;
      break;
    }
  }
  if (ascending) return { keys: keys.slice(0, count), weights: weights.slice(0, count) };
  const sorted = { keys: new Float64Array(count), weights: new Uint32Array(count) };
  // The first level reads the input directly and writes the result arrays.
  const starts = spread(keys, weights, 0, count, sorted.keys, sorted.weights);
  if (starts !== undefined) finishBuckets(sorted, starts, 0);
  return sorted;
}

/**
 * Moves pairs [from, to) of the source into the target at the same positions, grouped by key
 * bucket in ascending order. Returns the bucket boundaries (relative to `from`), or undefined
 * when all keys in the range are equal (the target then holds them unchanged).
 */
function spread(
  keys: Float64Array,
  weights: Uint32Array,
  from: number,
  to: number,
  keysOut: Float64Array,
  weightsOut: Uint32Array,
): Uint32Array | undefined {
  let min = keys[from]!;
  let max = min;
  for (let i = from + 1; i < to; i++) {
    const key = keys[i]!;
    if (key < min) min = key;
    else if (key > max) max = key;
  }
  const size = to - from;
  let buckets = 16;
  while (buckets < size / 4 && buckets < MAX_BUCKETS) buckets *= 2;
  // An integer width ≥ 1, so floor((key − min) / width) is exact and monotone in the key.
  const width = min === max ? 1 : Math.floor((max - min) / buckets) + 1;
  const starts = new Uint32Array(buckets + 1);
  for (let i = from; i < to; i++) starts[Math.floor((keys[i]! - min) / width) + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const cursor = starts.slice(0, buckets);
  for (let i = from; i < to; i++) {
    const key = keys[i]!;
    const at = from + cursor[Math.floor((key - min) / width)]!++;
    keysOut[at] = key;
    weightsOut[at] = weights[i]!;
  }
  return min === max ? undefined : starts;
}

function finishBuckets(data: SortedKeys, starts: Uint32Array, from: number): void {
  let scratch: SortedKeys | undefined;
  for (let b = 0; b + 1 < starts.length; b++) {
    const start = from + starts[b]!;
    const end = from + starts[b + 1]!;
    if (end - start <= INSERTION_SORT_MAX) continue;
    // A crowded bucket (clustered keys): spread it again through scratch space, copy back, recurse.
    scratch ??= { keys: new Float64Array(data.keys.length), weights: new Uint32Array(data.keys.length) };
    const inner = spread(data.keys, data.weights, start, end, scratch.keys, scratch.weights);
    if (inner === undefined) continue;
    data.keys.set(scratch.keys.subarray(start, end), start);
    data.weights.set(scratch.weights.subarray(start, end), start);
    finishBuckets(data, inner, start);
  }
  // Every key now sits in its bucket's range and crowded buckets are sorted, so one insertion
  // pass over the whole range only moves keys inside small buckets: linear, without a call per bucket.
  insertionSort(data, from, from + starts[starts.length - 1]!);
}

function insertionSort(data: SortedKeys, from: number, to: number): void {
  const { keys, weights } = data;
  for (let i = from + 1; i < to; i++) {
    const key = keys[i]!;
    if (keys[i - 1]! <= key) continue;
    const weight = weights[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      weights[j + 1] = weights[j]!;
      j--;
    }
    keys[j + 1] = key;
    weights[j + 1] = weight;
  }
}
