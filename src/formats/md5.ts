import { JsMd5 } from './internal/jsMd5';
import { nativeMd5 } from './internal/nodeBuiltins';

/** A streaming MD5: feed the bytes in order, then read the digest once. */
export interface Md5Hasher {
  /** Adds the next bytes. */
  update(bytes: Uint8Array): void;
  /** Lowercase hex MD5 of everything added (the hasher is finished afterwards). */
  digest(): string;
}

/**
 * An MD5 hasher, to compare a file with its published MD5: node:crypto's when the runtime is
 * Node, else a JavaScript one (browsers, Web Workers). Both give the same digest.
 */
export function createMd5(): Md5Hasher {
  const native = nativeMd5();
  if (native === undefined) return new JsMd5();
  return { update: (bytes) => void native.update(bytes), digest: () => native.digest('hex') };
}
