// The canonical pool text and the commitment of a 3.1-million-code pool (spec §2.3), each on a fresh
// pool (commitPool keeps its answer per pool): commitPool (one reused buffer, hashed), the text alone
// into fresh chunks (writeCanonicalPool), and the text hashed as it is written.
// Usage: npm run build && node bench/canonical.mjs [runs]
import { createHash } from 'node:crypto';
import { commitPool, presets, writeCanonicalPool } from '../dist/index.js';
import { readPoolFile } from '../dist/node.js';
import { syntheticPoolFile } from './data.mjs';
import { median } from './median.mjs';

const runs = Number(process.argv[2] ?? 7);
const path = await syntheticPoolFile(3_100_000);
const figures = { commit: [], write: [], writeAndHash: [] };
const fresh = async () => (await readPoolFile(path, { policy: presets.beijing2016 })).pool;
for (let r = 0; r < runs; r++) {
  let pool = await fresh();
  let t = performance.now();
  commitPool(pool);
  figures.commit.push(performance.now() - t);
  pool = await fresh();
  t = performance.now();
  writeCanonicalPool(pool, () => {});
  figures.write.push(performance.now() - t);
  pool = await fresh();
  t = performance.now();
  const hash = createHash('sha256');
  writeCanonicalPool(pool, (chunk) => hash.update(chunk));
  hash.digest();
  figures.writeAndHash.push(performance.now() - t);
}
for (const [name, xs] of Object.entries(figures))
  console.log(`${name.padEnd(13)} median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`);
