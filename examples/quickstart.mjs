// Quickstart: build a pool, publish its commitment, draw with a seed, replay the record.
// Run: npm run build && node examples/quickstart.mjs
import { commitPool, createPool, drawLottery, presets, serializeRecord, verifyRecord } from 'yaohao';

// 1. Applications, in any order. Under beijing2016 an application enters ceil(N / 6) times,
//    N = earlier draws + the one being held; a C5 licence adds one step.
const records = [
  { code: '4823100000001', draws: 0 },
  { code: '0917100000002', draws: 13 },
  { code: '7310100000003', draws: 40, c5: true },
  { code: '2268100000004', draws: 5 },
  { code: '5555100000005', draws: 29 },
];
const pool = createPool(records, { policy: presets.beijing2016 });

// 2. Before the seed exists, publish the commitment: it binds every code and weight.
const commitment = commitPool(pool);
console.log(`pool: ${pool.size} codes, ${pool.totalEntries} entries, digest ${commitment.digest}`);

// 3. Draw. The seed is what the ceremony (or a randomness beacon) produced.
const { winners, record } = drawLottery(pool, {
  quota: 2,
  seed: 'beacon round 4513224',
  generator: 'default',
  label: 'demo',
});
for (const [i, w] of winners.entries()) console.log(`winner ${i + 1}: ${w.code} (entry ${w.entry})`);

// 4. Publish the record (canonical JSON). Anyone with the pool can replay it.
const published = serializeRecord(record);
const verdict = verifyRecord(
  JSON.parse(published),
  createPool([...records].reverse(), { policy: presets.beijing2016 }),
);
console.log(`replay: ${verdict.ok ? 'ok' : verdict.message}`);
if (!verdict.ok) process.exitCode = 1;
