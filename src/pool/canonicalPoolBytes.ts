import { KIND_LETTERS } from './ApplicantKind';
import { poolColumns, type Pool } from './Pool';

/** Version tag of the canonical pool form and of the entry layout it implies (docs/spec.md §2.3). */
export const POOL_FORMAT = 'yaohao-pool/1';

const NEWLINE = 10;
const SPACE = 32;
const ZERO = 48;
const LINE_MAX = 13 + 3 + 10 + 1;

// "0000" … "9999" as little-endian uint32s of four ASCII digits, written four bytes at a time.
const FOUR_DIGITS = new Uint32Array(10_000);
for (let n = 0; n < 10_000; n++) {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10].map((d) => ZERO + d);
  FOUR_DIGITS[n] = (digits[0]! | (digits[1]! << 8) | (digits[2]! << 16) | (digits[3]! << 24)) >>> 0;
}
// " I ", " F ", " U " (plus a byte that the weight overwrites), little-endian.
const KIND_FIELDS = KIND_LETTERS.map((letter) => (SPACE | (letter.charCodeAt(0) << 8) | (SPACE << 16)) >>> 0);

/**
 * Writes the canonical form of a pool, in chunks of ASCII text, to `sink`:
 *
 *     yaohao-pool/1\n
 *     <13-digit code> <kind letter I|F|U> <weight in decimal>\n   — one line per code, ascending
 *
 * Its SHA-256 is the pool digest (docs/spec.md §2.3). Written straight into byte buffers, about
 * 18 bytes per code, so that it can be hashed, or saved and checked with `sha256sum`, as it
 * streams. Each chunk is a fresh buffer the sink may keep.
 */
export function writeCanonicalPool(pool: Pool, sink: (chunk: Uint8Array) => void, chunkBytes: number = 1 << 20): void {
  const { codes, weights, kinds } = poolColumns(pool);
  const size = Math.max(chunkBytes, 64);
  let buffer = new Uint8Array(size);
  let view = new DataView(buffer.buffer);
  let at = 0;
  const header = `${POOL_FORMAT}\n`;
  for (let i = 0; i < header.length; i++) buffer[at++] = header.charCodeAt(i);
  for (let i = 0; i < codes.length; i++) {
    if (at + LINE_MAX > size) {
      sink(buffer.subarray(0, at));
      buffer = new Uint8Array(size);
      view = new DataView(buffer.buffer);
      at = 0;
    }
    // 13 digits as 1 + 4 + 4 + 4.
    const code = codes[i]!;
    const first = Math.floor(code / 1e12);
    const rest = code - first * 1e12;
    const upper = Math.floor(rest / 1e8);
    const lower = (rest - upper * 1e8) | 0;
    const middle = (lower / 10_000) | 0;
    buffer[at] = ZERO + first;
    view.setUint32(at + 1, FOUR_DIGITS[upper]!, true);
    view.setUint32(at + 5, FOUR_DIGITS[middle]!, true);
    view.setUint32(at + 9, FOUR_DIGITS[lower - middle * 10_000]!, true);
    view.setUint32(at + 13, KIND_FIELDS[kinds[i]!]!, true);
    at = writeDecimal(buffer, at + 16, weights[i]!);
    buffer[at++] = NEWLINE;
  }
  if (at > 0) sink(buffer.subarray(0, at));
}

function writeDecimal(buffer: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    buffer[at] = ZERO + value;
    return at + 1;
  }
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  let v = value;
  for (let d = digits - 1; d >= 0; d--) {
    const next = Math.floor(v / 10);
    buffer[at + d] = ZERO + v - next * 10;
    v = next;
  }
  return at + digits;
}
