import { createSha256 } from '../encoding/sha256';
import { toHex } from '../encoding/hex';
import { isWellFormedString, utf8 } from '../encoding/utf8';
import { YaohaoError } from '../errors/YaohaoError';

/** Domain-separation tag of the default generator's key derivation; changes only with the spec. */
export const DEFAULT_KEY_TAG = 'yaohao/default-generator/1';

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length, false);
  out.set(bytes, 4);
  return out;
}

/**
 * The RC4 key for one sub-draw: lowercase hex of
 * SHA-256( tag ‖ 0x00 ‖ u32be(len seed) ‖ seed ‖ u32be(len label) ‖ label ), strings as UTF-8.
 * Length prefixes make (seed, label) pairs unambiguous; the fixed 64-character hex form avoids
 * seedrandom's key collisions ('a' = 'aa', characters above U+00FF losing their high byte).
 */
export function deriveDefaultKey(seed: string, label: string): string {
  for (const [value, code] of [
    [seed, 'invalid_seed'],
    [label, 'invalid_label'],
  ] as const)
    if (typeof value !== 'string' || !isWellFormedString(value))
      throw new YaohaoError([
        {
          code,
          path: [code === 'invalid_seed' ? 'seed' : 'label'],
          message: `the ${code === 'invalid_seed' ? 'seed' : 'label'} must be a well-formed string`,
        },
      ]);
  const hasher = createSha256();
  hasher.update(utf8(DEFAULT_KEY_TAG));
  hasher.update(new Uint8Array([0]));
  hasher.update(lengthPrefixed(utf8(seed)));
  hasher.update(lengthPrefixed(utf8(label)));
  return toHex(hasher.digest());
}
