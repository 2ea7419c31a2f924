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

/** The 13-digit string of a code value, leading zeros kept. */
export function numberToCode(value: number): string {
  // Into one flat string: millions of codes become long-lived record fields, and joining padded
  // halves would keep three string objects alive per code instead of one. Two exact int halves.
  let high = Math.floor(value / 10_000_000); // the first 6 digits
  let low = value - high * 10_000_000; // the last 7
  for (let k = 12; k >= 7; k--) {
    const digit = low % 10;
    digits[k] = 48 + digit;
    low = (low - digit) / 10;
  }
  digits[6] = 48 + low;
  for (let k = 5; k >= 1; k--) {
    const digit = high % 10;
    digits[k] = 48 + digit;
    high = (high - digit) / 10;
  }
  digits[0] = 48 + high;
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
