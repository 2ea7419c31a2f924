const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hexadecimal, two characters per byte. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX_DIGITS[byte >>> 4]! + HEX_DIGITS[byte & 15]!;
  return out;
}
