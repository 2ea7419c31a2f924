/** Pattern of an application code (申请编码): exactly 13 ASCII decimal digits. */
export const APPLICATION_CODE_PATTERN: RegExp = /^[0-9]{13}$/;

/** True when `text` is 13 ASCII decimal digits. */
export function isApplicationCode(text: string): boolean {
  return typeof text === 'string' && parseApplicationCode(text) >= 0;
}

/** The code's numeric value (see codeToNumber), or −1 when `text` is not 13 ASCII decimal digits. One pass. */
export function parseApplicationCode(text: string): number {
  if (text.length !== 13) return -1;
  let value = 0;
  for (let i = 0; i < 13; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A code as a number: 13 digits are < 10^13 < 2^53, so the value is exact, and numeric order
 * equals the order of the fixed-width digit strings. Pools store codes this way (8 bytes each).
 */
export function codeToNumber(code: string): number {
  return Number(code);
}

const digits = new Uint8Array(13);

/** Writes the 13 ASCII digits of a code value into `bytes` at `at`, leading zeros kept. */
export function writeCodeDigits(value: number, bytes: Uint8Array, at: number): void {
  // Two halves below 2^31 (the first 6 digits, the last 7): integer arithmetic, no 13-digit double formatting.
  let high = Math.floor(value / 10_000_000);
  let low = value - high * 10_000_000;
  for (let k = at + 12; k >= at + 6; k--) {
    const q = (low / 10) | 0;
    bytes[k] = 0x30 + low - q * 10;
    low = q;
  }
  for (let k = at + 5; k >= at; k--) {
    const q = (high / 10) | 0;
    bytes[k] = 0x30 + high - q * 10;
    high = q;
  }
}

/** The 13-digit string of a code value, leading zeros kept. */
export function numberToCode(value: number): string {
  // Into one flat string: millions of codes become long-lived record fields, and joining padded
  // halves would keep three string objects alive per code instead of one.
  writeCodeDigits(value, digits, 0);
  const d = digits;
  return String.fromCharCode(
    d[0]!,
    d[1]!,
    d[2]!,
    d[3]!,
    d[4]!,
    d[5]!,
    d[6]!,
    d[7]!,
    d[8]!,
    d[9]!,
    d[10]!,
    d[11]!,
    d[12]!,
  );
}

const ascii = new TextDecoder('latin1');

/** The codes of `values[from, to)` written one after another as one string of 13 digits each (one string, not one per code). */
export function joinedCodes(values: Float64Array, from: number, to: number): string {
  const bytes = new Uint8Array((to - from) * 13);
  for (let i = from; i < to; i++) writeCodeDigits(values[i]!, bytes, (i - from) * 13);
  return ascii.decode(bytes);
}
