// A persistent (immutable, structurally shared) map from integer keys (< 2^53) to values: a hash
// array mapped trie, 32-way. `set` copies only the path to the changed leaf (at most 7 small
// arrays), so a registry of millions of applications changes one application in microseconds and
// every earlier version stays intact.

const BITS = 5;
const MASK = (1 << BITS) - 1;
// 7 levels: shifts 0, 5, …, 30 (MAX_SHIFT) use all 32 bits of the hash.

class Leaf<V> {
  constructor(
    readonly hash: number,
    readonly key: number,
    readonly value: V,
  ) {}
}

// Keys whose 32-bit hashes are equal (rare): a plain list.
class Collision<V> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<V>[],
  ) {}
}

class Branch<V> {
  constructor(
    readonly bitmap: number,
    readonly children: readonly Child<V>[],
  ) {}
}

type Child<V> = Leaf<V> | Collision<V> | Branch<V>;

/** A 32-bit hash of an integer key below 2^53 (its two halves mixed, then murmur3's finaliser). */
export function hashOf(key: number): number {
  const high = Math.floor(key / 4_294_967_296);
  let h = (key - high * 4_294_967_296) ^ Math.imul(high, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function fragment(hash: number, shift: number): number {
  return (hash >>> shift) & MASK;
}

// A branch holding two nodes whose (different) 32-bit hashes agree below `shift`; they differ in
// some fragment at a shift ≤ MAX_SHIFT, so the recursion ends there.
function pair<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Child<V> {
  const fa = fragment(a.hash, shift);
  const fb = fragment(b.hash, shift);
  if (fa === fb) return new Branch(1 << fa, [pair(a, b, shift + BITS)]);
  return new Branch((1 << fa) | (1 << fb), fa < fb ? [a, b] : [b, a]);
}

/** The result of inserting into a subtree: the new subtree, and whether a key was added. */
interface Inserted<V> {
  readonly node: Child<V>;
  readonly added: boolean;
}

function insert<V>(node: Child<V>, leaf: Leaf<V>, shift: number): Inserted<V> {
  if (node instanceof Leaf) {
    if (node.key === leaf.key) return { node: leaf, added: false };
    if (node.hash === leaf.hash) return { node: new Collision(leaf.hash, [node, leaf]), added: true };
    return { node: pair(node, leaf, shift), added: true };
  }
  if (node instanceof Collision) {
    if (node.hash !== leaf.hash) return { node: pair(node, leaf, shift), added: true };
    const at = node.leaves.findIndex((l) => l.key === leaf.key);
    const leaves = [...node.leaves];
    if (at >= 0) leaves[at] = leaf;
    else leaves.push(leaf);
    return { node: new Collision(leaf.hash, leaves), added: at < 0 };
  }
  const bit = 1 << fragment(leaf.hash, shift);
  const index = popcount(node.bitmap & (bit - 1));
  const children = [...node.children];
  if ((node.bitmap & bit) === 0) {
    children.splice(index, 0, leaf);
    return { node: new Branch(node.bitmap | bit, children), added: true };
  }
  const inner = insert(node.children[index]!, leaf, shift + BITS);
  children[index] = inner.node;
  return { node: new Branch(node.bitmap, children), added: inner.added };
}

function lookup<V>(root: Child<V>, hash: number, key: number): V | undefined {
  let node: Child<V> = root;
  let shift = 0;
  for (;;) {
    if (node instanceof Leaf) return node.key === key ? node.value : undefined;
    if (node instanceof Collision) return node.leaves.find((l) => l.key === key)?.value;
    const bit = 1 << fragment(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))]!;
    shift += BITS;
  }
}

function collect<V>(node: Child<V>, out: V[]): void {
  if (node instanceof Leaf) out.push(node.value);
  else if (node instanceof Collision) for (const leaf of node.leaves) out.push(leaf.value);
  else for (const child of node.children) collect(child, out);
}

/** An immutable map from integer keys (safe integers ≥ 0) to values, with structural sharing. */
export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>(new Branch(0, []), 0);

  private constructor(
    private readonly root: Child<V>,
    /** Number of keys. */
    readonly size: number,
  ) {}

  /** The empty map. */
  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY;
  }

  /** The value of `key`, or undefined. */
  get(key: number): V | undefined {
    return this.size === 0 ? undefined : lookup(this.root, hashOf(key), key);
  }

  /** A map with `key` set to `value`; this one is unchanged. */
  set(key: number, value: V): PersistentMap<V> {
    const { node, added } = insert(this.root, new Leaf(hashOf(key), key, value), 0);
    return new PersistentMap(node, this.size + (added ? 1 : 0));
  }

  /** Every value, in no particular order (callers sort). */
  values(): V[] {
    const out: V[] = [];
    collect(this.root, out);
    return out;
  }
}
