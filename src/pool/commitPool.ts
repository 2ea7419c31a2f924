import { toHex } from '../encoding/hex';
import { createSha256 } from '../encoding/sha256';
import { consumeCanonicalPool, POOL_FORMAT } from './canonicalPoolBytes';
import { requirePool, type Pool } from './Pool';

/** What is published before the seed exists: it binds every code, weight and kind, and the layout version. */
export interface PoolCommitment {
  /** Canonical form and layout version. */
  readonly format: typeof POOL_FORMAT;
  /** Number of applications. */
  readonly size: number;
  /** Total entries T. */
  readonly totalEntries: number;
  /** Lowercase hex SHA-256 of the canonical form (docs/spec.md §2.3). */
  readonly digest: string;
}

// Pools are immutable, so a pool's commitment is computed once (a 3-million-code pool is ~60 MB to hash).
const computed = new WeakMap<Pool, PoolCommitment>();

/** Commits to a pool: the SHA-256 of its canonical form, with its size and entry total. */
export function commitPool(pool: Pool): PoolCommitment {
  requirePool(pool, ['pool']);
  let commitment = computed.get(pool);
  if (commitment === undefined) {
    commitment = computeCommitment(pool);
    computed.set(pool, commitment);
  }
  return commitment;
}

function computeCommitment(pool: Pool): PoolCommitment {
  const hasher = createSha256();
  consumeCanonicalPool(pool, (chunk) => hasher.update(chunk));
  return { format: POOL_FORMAT, size: pool.size, totalEntries: pool.totalEntries, digest: toHex(hasher.digest()) };
}
