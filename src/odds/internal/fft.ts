// Twiddle tables by size: the same few sizes (powers of two) come back on every evaluation.
const TABLES = new Map<number, { cos: Float64Array; sin: Float64Array; reversed: Uint32Array }>();

function tables(size: number): { cos: Float64Array; sin: Float64Array; reversed: Uint32Array } {
  let table = TABLES.get(size);
  if (table === undefined) {
    const half = size >>> 1;
    const cos = new Float64Array(half);
    const sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      // Exact angles from the integer k: no error builds up along the table.
      cos[k] = Math.cos((2 * Math.PI * k) / size);
      sin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    const bits = Math.log2(size);
    const reversed = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0, x = i; b < bits; b++, x >>>= 1) r = (r << 1) | (x & 1);
      reversed[i] = r >>> 0;
    }
    table = { cos, sin, reversed };
    TABLES.set(size, table);
  }
  return table;
}

/**
 * In-place radix-2 discrete Fourier transform with the negative exponent:
 * X_k = Σ_j x_j · e^(−2πi·jk/size). `size` = re.length = im.length, a power of two.
 */
export function fft(re: Float64Array, im: Float64Array): void {
  const size = re.length;
  if (size <= 1) return;
  const { cos, sin, reversed } = tables(size);
  for (let i = 0; i < size; i++) {
    const j = reversed[i]!;
    if (j > i) {
      const r = re[i]!;
      re[i] = re[j]!;
      re[j] = r;
      const m = im[i]!;
      im[i] = im[j]!;
      im[j] = m;
    }
  }
  for (let length = 2; length <= size; length <<= 1) {
    const half = length >>> 1;
    const step = size / length;
    for (let start = 0; start < size; start += length) {
      for (let k = 0; k < half; k++) {
        const c = cos[k * step]!;
        const s = -sin[k * step]!;
        const a = start + k;
        const b = a + half;
        const br = re[b]! * c - im[b]! * s;
        const bi = re[b]! * s + im[b]! * c;
        re[b] = re[a]! - br;
        im[b] = im[a]! - bi;
        re[a] = re[a]! + br;
        im[a] = im[a]! + bi;
      }
    }
  }
}
