import type { NumberColumn } from './ChunkedColumn';

/**
 * Sort keys and their weights, ascending by key: typed arrays, or plain arrays of numbers for more
 * than HEAP_OUTPUT_ABOVE rows collected on the JS heap (see ColumnStorage).
 */
export interface SortedKeys {
  readonly keys: Float64Array | number[];
  readonly weights: Uint32Array | number[];
}

const INSERTION_SORT_MAX = 64;
// Rows collected on the heap are sorted into plain arrays beyond this many, typed arrays up to it.
// V8 starts a full collection of the whole heap for every 64 MB of typed arrays made, and building a
// pool from records in memory makes about 20 bytes of them per application (keys, weights, ranks,
// the person check): up to here a build stays under that step, and typed arrays are the cheaper to
// make (a 3-million build next to freshly made records: 2.4 s, against 3.2–3.7 s with plain arrays);
// beyond, plain arrays weigh on the heap's own limits, which grow with the heap (a 6-million build
// next to its records: 4.0–4.2 s, against 5.1–5.4 s with typed arrays and a full collection).
const HEAP_OUTPUT_ABOVE = 3_000_000;
const MAX_BUCKETS = 1 << 18;
const MIN_BUCKETS = 16;

/**
 * Sorts the first `count` (key, weight) pairs by key into new arrays. Keys are integers below
 * 2^53 (yaohao uses code × 4 + kind). A most-significant-digit bucket sort that adapts to the
 * range of the keys it is given: a level spreads [min, max] over up to 2^18 buckets (about size/4),
 * keeping input order inside each; a bucket already in order is left alone, a small one is
 * insertion-sorted, a crowded one is spread again. Linear time on real code distributions: codes
 * are 4 random digits and a running number, so in application order each bucket arrives sorted.
 * At most ~13 levels on any input (the range shrinks ≥ 16× per level); deterministic. Only two
 * arrays move, because random writes are what a sort of millions of rows pays for. Already-sorted
 * input (official pool files are) costs one pass.
 */
export function sortKeys(keys: ArrayLike<number>, weights: ArrayLike<number>, count: number): SortedKeys {
  // One chunk as long as the input: i >>> WHOLE is 0 and i & WHOLE_MASK is i.
  return sortChunks([keys], [weights], WHOLE, count, Infinity);
}

/**
 * sortKeys of columns collected in chunks (see NumberColumn), read in place; rows collected on the
 * heap go to plain arrays when there are more than `heapAbove` (default HEAP_OUTPUT_ABOVE).
 */
export function sortColumns(
  keys: NumberColumn,
  weights: NumberColumn,
  heapAbove: number = HEAP_OUTPUT_ABOVE,
): SortedKeys {
  return sortChunks(keys.chunks, weights.chunks, keys.chunkBits, keys.length, heapAbove);
}

const WHOLE = 31;

function sortChunks(
  keys: readonly ArrayLike<number>[],
  weights: readonly ArrayLike<number>[],
  bits: number,
  count: number,
  heapAbove: number,
): SortedKeys {
  const chunkSize = 2 ** bits;
  const sorted = newSortedKeys(count, count > heapAbove && Array.isArray(keys[0]));
  let ascending = true;
  let previous = -1;
  // Copy while checking the order: already-sorted input (official pool files are) costs one pass.
  for (let c = 0; c * chunkSize < count && ascending; c++) {
    const chunk = keys[c]!;
    const weightChunk = weights[c]!;
    const base = c * chunkSize;
    const end = Math.min(count - base, chunkSize);
    for (let k = 0; k < end; k++) {
      const key = chunk[k]!;
      if (previous > key) {
        ascending = false;
        break;
      }
      sorted.keys[base + k] = key;
      sorted.weights[base + k] = weightChunk[k]!;
      previous = key;
    }
  }
  if (ascending) return sorted;
  // The first level reads the input directly and writes the result arrays.
  const starts = spread(keys, weights, bits, 0, count, sorted.keys, sorted.weights);
  if (starts !== undefined) finishBuckets(sorted, starts, 0);
  return sorted;
}

/**
 * Moves pairs [from, to) of the source (in chunks of 2^bits) into the target at the same
 * positions, grouped by key bucket in ascending order, input order kept inside a bucket. Returns
 * the bucket boundaries (relative to `from`), or undefined when all keys in the range are equal
 * (the target then holds them unchanged). Each pass walks the chunks one after the other.
 */
function spread(
  keyChunks: readonly ArrayLike<number>[],
  weightChunks: readonly ArrayLike<number>[],
  bits: number,
  from: number,
  to: number,
  keysOut: Float64Array | number[],
  weightsOut: Uint32Array | number[],
): Uint32Array | undefined {
  const chunkSize = 2 ** bits;
  const firstChunk = Math.floor(from / chunkSize);
  const lastChunk = Math.floor((to - 1) / chunkSize);
  let min = keyChunks[firstChunk]![from - firstChunk * chunkSize]!;
  let max = min;
  for (let c = firstChunk; c <= lastChunk; c++) {
    const keys = keyChunks[c]!;
    const base = c * chunkSize;
    const end = Math.min(to, base + chunkSize) - base;
    for (let k = Math.max(from, base) - base; k < end; k++) {
      const key = keys[k]!;
      if (key < min) min = key;
      else if (key > max) max = key;
    }
  }
  const size = to - from;
  let buckets = MIN_BUCKETS;
  while (buckets < size / 4 && buckets < MAX_BUCKETS) buckets *= 2;
  // Bucket of a key: floor((key − min) × scale), which is monotone in the key (a multiplication
  // rounds monotonically), kept below `buckets` where rounding might reach it.
  const scale = min === max ? 0 : buckets / (max - min + 1);
  const lastBucket = buckets - 1;
  const starts = new Uint32Array(buckets + 1);
  for (let c = firstChunk; c <= lastChunk; c++) {
    const keys = keyChunks[c]!;
    const base = c * chunkSize;
    const end = Math.min(to, base + chunkSize) - base;
    for (let k = Math.max(from, base) - base; k < end; k++)
      starts[Math.min(lastBucket, Math.floor((keys[k]! - min) * scale)) + 1]!++;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const cursor = starts.slice(0, buckets);
  for (let c = firstChunk; c <= lastChunk; c++) {
    const keys = keyChunks[c]!;
    const weights = weightChunks[c]!;
    const base = c * chunkSize;
    const end = Math.min(to, base + chunkSize) - base;
    for (let k = Math.max(from, base) - base; k < end; k++) {
      const key = keys[k]!;
      const at = from + cursor[Math.min(lastBucket, Math.floor((key - min) * scale))]!++;
      keysOut[at] = key;
      weightsOut[at] = weights[k]!;
    }
  }
  return min === max ? undefined : starts;
}

function finishBuckets(data: SortedKeys, starts: Uint32Array, from: number): void {
  const keys = data.keys;
  let scratch: SortedKeys | undefined;
  for (let b = 0; b + 1 < starts.length; b++) {
    const start = from + starts[b]!;
    const end = from + starts[b + 1]!;
    let inOrder = true;
    for (let i = start + 1; i < end; i++) {
      if (keys[i - 1]! > keys[i]!) {
        inOrder = false;
        break;
      }
    }
    if (inOrder) continue;
    if (end - start <= INSERTION_SORT_MAX) {
      insertionSort(data, start, end);
      continue;
    }
    // A crowded bucket out of order: spread it again through scratch space, copy back, recurse.
    scratch ??= newSortedKeys(keys.length, Array.isArray(keys));
    const inner = spread([keys], [data.weights], WHOLE, start, end, scratch.keys, scratch.weights);
    if (inner === undefined) continue;
    for (let i = start; i < end; i++) {
      keys[i] = scratch.keys[i]!;
      data.weights[i] = scratch.weights[i]!;
    }
    finishBuckets(data, inner, start);
  }
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

// `count` pairs' room: typed arrays, or plain arrays filled with holes (room for unboxed doubles
// and small integers, written before they are read).
function newSortedKeys(count: number, onHeap: boolean): SortedKeys {
  if (!onHeap) return { keys: new Float64Array(count), weights: new Uint32Array(count) };
  const keys = [0.5];
  keys.length = count;
  const weights = [0];
  weights.length = count;
  return { keys, weights };
}
