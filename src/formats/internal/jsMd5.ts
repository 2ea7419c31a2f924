// MD5 (RFC 1321) in JavaScript, for runtimes without node:crypto (browsers, Web Workers). MD5 is
// what the official pool zips are published with; it is a checksum here, not a security claim.

// floor(|sin(i + 1)| × 2^32), written out: Math.sin is not guaranteed to round alike everywhere.
const K = new Int32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
  0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
  0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
  0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
  0xeb86d391,
]);
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** A streaming MD5: update with chunks of any size, then digest once. */
export class JsMd5 {
  private a = 0x67452301;
  private b = 0xefcdab89 | 0;
  private c = 0x98badcfe | 0;
  private d = 0x10325476;
  private readonly block = new Uint8Array(64);
  private readonly words = new Int32Array(16);
  private buffered = 0;
  private length = 0;

  update(data: Uint8Array): void {
    this.length += data.length;
    let i = 0;
    if (this.buffered > 0) {
      const take = Math.min(64 - this.buffered, data.length);
      this.block.set(data.subarray(0, take), this.buffered);
      this.buffered += take;
      i = take;
      if (this.buffered < 64) return;
      this.compress(this.block, 0);
      this.buffered = 0;
    }
    for (; i + 64 <= data.length; i += 64) this.compress(data, i);
    if (i < data.length) {
      this.block.set(data.subarray(i), 0);
      this.buffered = data.length - i;
    }
  }

  /** Lowercase hex of the digest. The hasher is finished afterwards. */
  digest(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.buffered < 56 ? 64 - this.buffered : 128 - this.buffered);
    tail[0] = 0x80;
    // The length in bits, little-endian, 64 bits (exact: lengths are below 2^53 bytes).
    const low = bits % 0x1_0000_0000;
    const high = Math.floor(bits / 0x1_0000_0000);
    const at = tail.length - 8;
    for (let k = 0; k < 4; k++) {
      tail[at + k] = (low >>> (8 * k)) & 0xff;
      tail[at + 4 + k] = (high >>> (8 * k)) & 0xff;
    }
    this.length -= tail.length; // padding is not data
    this.update(tail);
    let hex = '';
    for (const word of [this.a, this.b, this.c, this.d]) {
      for (let k = 0; k < 4; k++) hex += ((word >>> (8 * k)) & 0xff).toString(16).padStart(2, '0');
    }
    return hex;
  }

  private compress(bytes: Uint8Array, at: number): void {
    const x = this.words;
    for (let k = 0; k < 16; k++) {
      const p = at + 4 * k;
      x[k] = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
    }
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const sum = (a + f + K[i]! + x[g]!) | 0;
      const s = SHIFTS[((i >> 4) << 2) | (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    this.a = (this.a + a) | 0;
    this.b = (this.b + b) | 0;
    this.c = (this.c + c) | 0;
    this.d = (this.d + d) | 0;
  }
}
