// Replaying the official Beijing program: the legacy generator, a 6-digit ceremony seed, and a
// published result sheet checked against its own seed (no pool needed).
// Run: npm run build && node examples/replay-official-draw.mjs
import { checkPublishedSheet, createPool, drawLottery, presets } from 'yaohao';

// The five-code pool of docs/spec.md (weights 1, 3, 2, 1, 2 → entries 0001 2345 5000 7777 9999 2345 5000 9999 2345).
const pool = createPool(
  [
    { code: '0001100000001', weight: 1 },
    { code: '2345100000002', weight: 3 },
    { code: '5000100000003', weight: 2 },
    { code: '7777100000004', weight: 1 },
    { code: '9999100000005', weight: 2 },
  ],
  { policy: presets.explicit },
);

// Seed 100000 picks entries 3, 7, 6: entry 7 is 5000… again, so that pick is thrown away.
const { winners, record } = drawLottery(pool, { quota: 2, seed: '100000', generator: 'legacy' });
console.log(`winners: ${winners.map((w) => `${w.code} @ ${w.entry}`).join(', ')} (${record.picks} picks)`);

// What an auditor has: the published sheet (基数序号总数, 指标配置总数, 种子数, rows 序号 摇号基数序号 申请编码).
const sheet = {
  seed: '100000',
  totalEntries: 9,
  quota: 2,
  rows: winners.map((w) => ({ entry: w.entry, code: w.code })),
};
const verdict = checkPublishedSheet(sheet);
console.log(
  verdict.ok
    ? `sheet consistent with its seed: ${verdict.picks} picks, skipped picks needing the pool to confirm: ${JSON.stringify(verdict.unverifiedSkips)}`
    : `sheet inconsistent: ${verdict.message}`,
);

// A forged sheet (two rows swapped) is caught at the row where it goes wrong.
const forged = { ...sheet, rows: [...sheet.rows].reverse() };
const caught = checkPublishedSheet(forged);
console.log(caught.ok ? 'forgery not detected' : `forged sheet: ${caught.reason} at row ${caught.position + 1}`);
if (!verdict.ok || caught.ok) process.exitCode = 1;
