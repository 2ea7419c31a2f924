import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** An incremental SHA-256: feed bytes in chunks, then take the 32-byte digest. */
export interface Sha256Hasher {
  update(bytes: Uint8Array): Sha256Hasher;
  digest(): Uint8Array;
}

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
}

/**
 * Node's OpenSSL SHA-256 is ~10× faster than any JS one, which matters when hashing a
 * 3-million-code pool. `process.getBuiltinModule` reaches it without a `node:` import, so this
 * file stays isomorphic: in a browser it falls back to @noble/hashes. Both compute the same
 * function; tests check they agree.
 */
const nodeCrypto: NodeCrypto | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === 'function'
    ? (proc.getBuiltinModule('node:crypto') as NodeCrypto)
    : undefined;
})();

/** Starts an incremental SHA-256; `useNative: false` forces the pure-JS path (for tests). */
export function createSha256(options: { useNative?: boolean } = {}): Sha256Hasher {
  if (nodeCrypto !== undefined && options.useNative !== false) {
    const hash = nodeCrypto.createHash('sha256');
    const hasher: Sha256Hasher = {
      update: (bytes) => (hash.update(bytes), hasher),
      digest: () => new Uint8Array(hash.digest()),
    };
    return hasher;
  }
  const hash = nobleSha256.create();
  const hasher: Sha256Hasher = {
    update: (bytes) => (hash.update(bytes), hasher),
    digest: () => hash.digest(),
  };
  return hasher;
}

/** SHA-256 of one byte string. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return createSha256().update(bytes).digest();
}
