const ZERO = 0x30;

/**
 * The value of the 13 ASCII digits of an application code at bytes[at…at+12] (`view`: a DataView
 * of the same bytes, with at + 16 inside it), or −1 when any is not a digit: read as three words
 * of four digits and one byte, each word checked and combined at once rather than digit by digit.
 */
export function codeDigitsAt(bytes: Uint8Array, view: DataView, at: number): number {
  const a = fourDigits(view, at);
  const b = fourDigits(view, at + 4);
  const c = fourDigits(view, at + 8);
  const last = bytes[at + 12]! - ZERO;
  if ((a | b | c) < 0 || last < 0 || last > 9) return -1;
  return ((a * 10_000 + b) * 10_000 + c) * 10 + last;
}

// The four ASCII digits at `at` as one little-endian word (the first digit in the low byte), or −1.
function fourDigits(view: DataView, at: number): number {
  const word = view.getUint32(at, true);
  // Each byte 0x30–0x39: high nibble 3, and still 3 after adding 6 (no byte carries into the next).
  if ((word & 0xf0f0f0f0) !== 0x30303030 || ((word + 0x06060606) & 0xf0f0f0f0) !== 0x30303030) return -1;
  const digits = word - 0x30303030;
  // Byte 0 becomes d0·10 + d1 and byte 2 becomes d2·10 + d3 (the odd bytes are left over).
  const pairs = digits * 10 + (digits >>> 8);
  return (pairs & 0xff) * 100 + ((pairs >>> 16) & 0xff);
}
