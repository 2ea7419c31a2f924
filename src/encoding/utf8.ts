const encoder = new TextEncoder();

/** UTF-8 bytes of a string (callers check well-formedness first; see isWellFormedString). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

// A lone surrogate would be encoded as U+FFFD, so two different strings would give the same
// bytes; every string that feeds a digest or a key is checked with this first.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string is well-formed Unicode (no lone surrogates). */
export function isWellFormedString(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
