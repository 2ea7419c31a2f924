// An independent implementation of docs/spec.md, written from the spec alone: it shares no code
// with src/ and uses the most naive data structures (an expanded entry array). Tests compare the
// library against it, which is how we know the spec is precise enough to reimplement.
import { createHash } from 'node:crypto';

export interface SpecRecord {
  code: string;
  weight: number;
  kind: 'I' | 'F' | 'U';
}

export function specCanonicalText(records: readonly SpecRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return `yaohao-pool/1\n${sorted.map((r) => `${r.code} ${r.kind} ${r.weight}\n`).join('')}`;
}

export function specDigest(records: readonly SpecRecord[]): string {
  return createHash('sha256').update(specCanonicalText(records), 'utf8').digest('hex');
}

/** Entry k (0-based) → code, by the pass layout: pass p lists codes with weight ≥ p, ascending. */
export function specEntries(records: readonly SpecRecord[]): string[] {
  const sorted = [...records].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const maxWeight = Math.max(0, ...sorted.map((r) => r.weight));
  const entries: string[] = [];
  for (let pass = 1; pass <= maxWeight; pass++) for (const r of sorted) if (r.weight >= pass) entries.push(r.code);
  return entries;
}

/** Legacy .NET System.Random, from the spec's description. */
export class SpecDotNetRandom {
  // Int32Array stores and `| 0` give C#'s wrapping int arithmetic.
  private a = new Int32Array(56);
  private inext = 0;
  private inextp = 21;
  constructor(seed: number) {
    const MBIG = 2147483647;
    let mj = (161803398 - Math.abs(seed)) | 0;
    this.a[55] = mj;
    let mk = 1;
    for (let i = 1; i < 55; i++) {
      const ii = (21 * i) % 55;
      this.a[ii] = mk;
      mk = (mj - mk) | 0;
      if (mk < 0) mk = (mk + MBIG) | 0;
      mj = this.a[ii]!;
    }
    for (let k = 1; k < 5; k++) {
      for (let i = 1; i < 56; i++) {
        this.a[i] = this.a[i]! - this.a[1 + ((i + 30) % 55)]!;
        if (this.a[i]! < 0) this.a[i] = this.a[i]! + MBIG;
      }
    }
  }
  next(): number {
    const MBIG = 2147483647;
    if (++this.inext >= 56) this.inext = 1;
    if (++this.inextp >= 56) this.inextp = 1;
    let r = (this.a[this.inext]! - this.a[this.inextp]!) | 0;
    if (r === MBIG) r--;
    if (r < 0) r = (r + MBIG) | 0;
    this.a[this.inext] = r;
    return r;
  }
  nextBelow(n: number): number {
    return Math.trunc(this.next() * (1.0 / 2147483647) * n);
  }
}

/** Plain RC4 (key scheduling, then drop `drop` bytes). */
export class SpecRc4 {
  private s: number[] = [];
  private i = 0;
  private j = 0;
  constructor(key: Uint8Array, drop: number) {
    for (let k = 0; k < 256; k++) this.s[k] = k;
    let j = 0;
    for (let k = 0; k < 256; k++) {
      j = (j + this.s[k]! + key[k % key.length]!) & 255;
      [this.s[k], this.s[j]] = [this.s[j]!, this.s[k]!];
    }
    for (let k = 0; k < drop; k++) this.byte();
  }
  byte(): number {
    this.i = (this.i + 1) & 255;
    this.j = (this.j + this.s[this.i]!) & 255;
    [this.s[this.i], this.s[this.j]] = [this.s[this.j]!, this.s[this.i]!];
    return this.s[(this.s[this.i]! + this.s[this.j]!) & 255]!;
  }
  word(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0;
  }
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function specDefaultKey(seed: string, label: string): string {
  const s = Buffer.from(seed, 'utf8');
  const l = Buffer.from(label, 'utf8');
  return createHash('sha256')
    .update(
      Buffer.concat([
        Buffer.from('yaohao/default-generator/1', 'utf8'),
        Buffer.from([0]),
        u32be(s.length),
        s,
        u32be(l.length),
        l,
      ]),
    )
    .digest('hex');
}

export function specUniform(rc4: SpecRc4, n: number): number {
  // BigInt arithmetic here, deliberately different from the library's doubles.
  if (n <= 2 ** 32) {
    const limit = 2n ** 32n - (2n ** 32n % BigInt(n));
    for (;;) {
      const w = BigInt(rc4.word());
      if (w < limit) return Number(w % BigInt(n));
    }
  }
  const limit = 2n ** 53n - (2n ** 53n % BigInt(n));
  for (;;) {
    const hi = BigInt(rc4.word() >>> 11);
    const x = hi * 2n ** 32n + BigInt(rc4.word());
    if (x < limit) return Number(x % BigInt(n));
  }
}

export interface SpecWinner {
  code: string;
  entry: number;
}

/** Spec §5.3: the worst-case expected picks (heaviest codes winning first) against max(2^22, 32 n). BigInt. */
export function specTooCostly(records: readonly SpecRecord[], quota: number): boolean {
  const weights = records.map((r) => BigInt(r.weight)).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = weights.reduce((a, b) => a + b, 0n);
  const limit = BigInt(Math.max(2 ** 22, 32 * records.length));
  let remaining = total;
  let cost = 0n;
  for (let k = 0; k < quota && k < weights.length; k++) {
    cost += (total + remaining - 1n) / remaining;
    remaining -= weights[k]!;
  }
  return cost > limit;
}

/** The draw of spec §5 over an expanded entry array. */
export function specDraw(
  records: readonly SpecRecord[],
  quota: number,
  generator: 'legacy' | 'default',
  seed: string,
  label: string,
): { winners: SpecWinner[]; picks: number } | 'exhausted' | 'too-costly' {
  const sorted = [...records].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (quota >= sorted.length) return { winners: sorted.map((r, i) => ({ code: r.code, entry: i + 1 })), picks: 0 };
  if (specTooCostly(records, quota)) return 'too-costly';
  const entries = specEntries(records);
  const total = entries.length;
  let next: () => number;
  if (generator === 'legacy') {
    const random = new SpecDotNetRandom(Number(seed));
    next = () => random.nextBelow(total);
  } else {
    const rc4 = new SpecRc4(Buffer.from(specDefaultKey(seed, label), 'ascii'), 256);
    next = () => specUniform(rc4, total);
  }
  const won = new Set<string>();
  const winners: SpecWinner[] = [];
  let picks = 0;
  while (winners.length < quota) {
    if (picks === 10 * total) return 'exhausted';
    const index = next();
    picks++;
    const code = entries[index]!;
    if (won.has(code)) continue;
    won.add(code);
    winners.push({ code, entry: index + 1 });
  }
  return { winners, picks };
}
