/**
 * The four ASCII characters text[at…at+3] as one little-endian int32: what DataView.getInt32(…, true)
 * reads from their bytes. Fast readers compare fixed text (keys, literals) a word at a time.
 */
export function asciiWord(text: string, at = 0): number {
  return (
    text.charCodeAt(at) |
    (text.charCodeAt(at + 1) << 8) |
    (text.charCodeAt(at + 2) << 16) |
    (text.charCodeAt(at + 3) << 24)
  );
}
