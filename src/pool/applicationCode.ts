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

/** The 13-digit string of a code value, leading zeros kept. */
export function numberToCode(value: number): string {
  // Two int32 halves: formatting small integers is far faster than formatting a 13-digit double.
  const high = Math.floor(value / 10_000_000);
  const low = value - high * 10_000_000;
  return String(high).padStart(6, '0') + String(low).padStart(7, '0');
}
