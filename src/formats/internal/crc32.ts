import { nativeCrc32 } from './nodeBuiltins';

// CRC-32 (ISO-HDLC, the zip one): node:zlib's when present, else slice-by-8 tables in JavaScript.

let tables: Int32Array | undefined;

function buildTables(): Int32Array {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

/** CRC-32 of `data` continuing from `crc` (0 to start), in JavaScript. */
export function jsCrc32(data: Uint8Array, crc = 0): number {
  const t = (tables ??= buildTables());
  let c = ~crc;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + data[i + 4]!]! ^
      t[512 + data[i + 5]!]! ^
      t[256 + data[i + 6]!]! ^
      t[data[i + 7]!]!;
  }
  for (; i < n; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The fastest CRC-32 this runtime has: `(data, crc) => crc'`, unsigned. */
export function crc32Function(): (data: Uint8Array, crc: number) => number {
  return nativeCrc32() ?? jsCrc32;
}
