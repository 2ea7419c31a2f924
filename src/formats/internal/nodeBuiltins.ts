// Native helpers when the runtime is Node (≥ 20.16 has process.getBuiltinModule): MD5 from
// node:crypto and CRC-32 from node:zlib are several times faster than JavaScript. Probed at run
// time, never imported, so the core still loads in browsers and Web Workers (which take the
// JavaScript implementations; tests check both give the same bytes).

interface NodeHash {
  update(data: Uint8Array): unknown;
  digest(encoding: 'hex'): string;
}

interface BuiltinProbe {
  getBuiltinModule?: (id: string) => unknown;
}

function builtin(id: string): unknown {
  const process = (globalThis as { process?: BuiltinProbe }).process;
  try {
    return typeof process?.getBuiltinModule === 'function' ? process.getBuiltinModule(id) : undefined;
  } catch {
    return undefined;
  }
}

/** node:crypto's MD5, or undefined outside Node. */
export function nativeMd5(): NodeHash | undefined {
  const crypto = builtin('node:crypto') as { createHash?: (algorithm: string) => NodeHash } | undefined;
  if (typeof crypto?.createHash !== 'function') return undefined;
  try {
    return crypto.createHash('md5');
  } catch {
    return undefined; // a FIPS-only build refuses MD5
  }
}

/** node:zlib's crc32(data, value), or undefined outside Node (and before Node 20.15). */
export function nativeCrc32(): ((data: Uint8Array, value: number) => number) | undefined {
  const zlib = builtin('node:zlib') as { crc32?: (data: Uint8Array, value: number) => number } | undefined;
  return typeof zlib?.crc32 === 'function' ? zlib.crc32 : undefined;
}
