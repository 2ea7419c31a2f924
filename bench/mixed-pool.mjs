// A 2021-style mixed ordinary pool (families by points, individuals by steps) read from JSON Lines.
// Run: npm run build && node bench/mixed-pool.mjs [individuals] [families]
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { commitPool, drawLottery, presets, readPoolFile } from '../dist/node.js';
import { DATA_DIR, mixedOrdinaryRecords } from './data.mjs';

const individuals = Number(process.argv[2] ?? 1_000_000);
const families = Number(process.argv[3] ?? 200_000);
const path = join(DATA_DIR, `mixed-${individuals}-${families}.jsonl`);
if (!existsSync(path)) {
  const ordinary = mixedOrdinaryRecords(individuals, families);
  const out = createWriteStream(`${path}.tmp`);
  for (const record of ordinary)
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  await new Promise((resolve) => out.end(resolve));
  renameSync(`${path}.tmp`, path);
}
const t0 = performance.now();
const { pool, bytes } = await readPoolFile(path, { policy: presets.beijing2024 });
const t1 = performance.now();
commitPool(pool);
const t2 = performance.now();
drawLottery(pool, { quota: 9600, seed: 'bench', generator: 'default', label: 'ordinary/family+individual' });
const t3 = performance.now();
console.log(
  `mixed pool: ${individuals.toLocaleString('en-US')} individuals + ${families.toLocaleString('en-US')} families, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${pool.totalEntries.toLocaleString('en-US')} entries`,
);
console.log(
  `read+validate+pool ${(t1 - t0).toFixed(0)} ms · commit ${(t2 - t1).toFixed(0)} ms · draw ${(t3 - t2).toFixed(0)} ms · peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
