/** Pattern of an application code (申请编码): exactly 13 ASCII decimal digits. */
export const APPLICATION_CODE_PATTERN: RegExp = /^[0-9]{13}$/;

/** True when `text` is 13 ASCII decimal digits. */
export function isApplicationCode(text: string): boolean {
  return parseApplicationCode(text) >= 0;
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

/** The 13-digit string of a code value, leading zeros kept. */
export function numberToCode(value: number): string {
  // Digit by digit into one flat string: millions of codes become long-lived record fields, and
  // joining padded halves would keep three string objects alive per code instead of one.
  let high = Math.floor(value / 10_000_000); // the first 6 digits (< 10^6)
  let low = value - high * 10_000_000; // the last 7 (< 10^7): both exact small integers
  const d12 = low % 10;
  low = (low - d12) / 10;
  const d11 = low % 10;
  low = (low - d11) / 10;
  const d10 = low % 10;
  low = (low - d10) / 10;
  const d9 = low % 10;
  low = (low - d9) / 10;
  const d8 = low % 10;
  low = (low - d8) / 10;
  const d7 = low % 10;
  const d6 = (low - d7) / 10;
  const d5 = high % 10;
  high = (high - d5) / 10;
  const d4 = high % 10;
  high = (high - d4) / 10;
  const d3 = high % 10;
  high = (high - d3) / 10;
  const d2 = high % 10;
  high = (high - d2) / 10;
  const d1 = high % 10;
  const d0 = (high - d1) / 10;
  return String.fromCharCode(
    48 + d0,
    48 + d1,
    48 + d2,
    48 + d3,
    48 + d4,
    48 + d5,
    48 + d6,
    48 + d7,
    48 + d8,
    48 + d9,
    48 + d10,
    48 + d11,
    48 + d12,
  );
}
