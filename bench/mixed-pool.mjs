// One run of a 2024-style mixed ordinary pool (families by points, individuals by steps) read from
// JSON Lines: read + validate + pool, commitment, draw. `npm run bench` measures it properly.
// Run: npm run build && node --max-old-space-size=8192 bench/mixed-pool.mjs [applications]
import { commitPool, drawLottery, presets, readPoolFile } from '../dist/node.js';
import { mixedFilePath, writeMixedFiles } from './data.mjs';

const size = Number(process.argv[2] ?? 3_000_000);
await writeMixedFiles(size, 2 * size);
const t0 = performance.now();
const { pool, bytes } = await readPoolFile(mixedFilePath(size), { policy: presets.beijing2024 });
const t1 = performance.now();
commitPool(pool);
const t2 = performance.now();
drawLottery(pool, { quota: 9600, seed: 'bench', generator: 'default', label: 'ordinary/family+individual' });
const t3 = performance.now();
console.log(
  `mixed pool: ${pool.size.toLocaleString('en-US')} applications, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${pool.totalEntries.toLocaleString('en-US')} entries`,
);
console.log(
  `read+validate+pool ${(t1 - t0).toFixed(0)} ms · commit ${(t2 - t1).toFixed(0)} ms · draw ${(t3 - t2).toFixed(0)} ms · peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
