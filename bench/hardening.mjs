// node bench/hardening.mjs (after npm run build): what the hardening of issue 8 costs and bounds.
// - the draw cost rule (spec §5.3) checked before every draw, against the draw itself, at Beijing scale;
// - check-sheet on the worst sheets a 1 MB file can hold: 9 lines claiming T = 2^31 − 1 (both
//   generators), and a flat sheet of 200,000 rows (consistent, and with two codes traded late).
// Prints figures (medians of 5); paste them into docs/benchmarks.md with the machine.
import { cpus, totalmem } from 'node:os';
import {
  checkPublishedSheet,
  createPool,
  drawCost,
  drawLottery,
  presets,
  syntheticBeijingRecords,
} from '../dist/index.js';
import { median } from './median.mjs';

function time(run, repeat = 5) {
  const times = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}
const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

// Sheets first, while the process holds nothing else: the memory figure is the check's own.
for (const generator of ['legacy', 'default']) {
  const sheet = {
    seed: '033859',
    generator,
    totalEntries: 2 ** 31 - 1,
    quota: 1,
    rows: [{ code: '1000000000001', entry: 2147483000 }],
  };
  const verdict = time(() => checkPublishedSheet(sheet), 3);
  console.log(
    `9-line sheet claiming T = 2^31 − 1 (${generator}): ${verdict.result.reason} after ${ms(verdict.ms)}, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}

const pool = createPool(syntheticBeijingRecords({ size: 3_100_000 }), { policy: presets.beijing2016 });
for (const quota of [6_400, 1_550_000]) {
  const cost = time(() => drawCost(pool, quota));
  const draw = time(() => drawLottery(pool, { quota, seed: 'bench', generator: 'default' }), quota > 10_000 ? 1 : 5);
  console.log(
    `cost rule, 3.1 M codes, quota ${quota.toLocaleString('en-US')}: ${ms(cost.ms)} (cost ${cost.result.cost.toLocaleString('en-US')} ≤ limit ${cost.result.limit.toLocaleString('en-US')}); the draw itself ${ms(draw.ms)}`,
  );
}
const heavy = createPool(
  [
    { code: '1000000000001', weight: 2 ** 32 - 1 },
    { code: '1000000000002', weight: 1 },
    { code: '1000000000003', weight: 1 },
  ],
  { policy: presets.explicit },
);
const refused = time(() => {
  try {
    drawLottery(heavy, { quota: 2, seed: 'x', generator: 'default' });
    return 'drawn';
  } catch (error) {
    return error.issues[0].code;
  }
});
console.log(`3 codes weighing 2^32 − 1, 1, 1, quota 2: ${refused.result} in ${ms(refused.ms)}`);

const n = 400_000;
const flat = createPool(
  Array.from({ length: n }, (_, i) => ({ code: String(1_000_000_000_000 + i * 3), weight: 1 })),
  { policy: presets.explicit },
);
const { record } = drawLottery(flat, { quota: 200_000, seed: 'flat', generator: 'default' });
const rows = record.winners.map(({ code, entry }) => ({ code, entry }));
const base = { seed: 'flat', generator: 'default', totalEntries: n, quota: 200_000, pool: 'flat' };
const ok = time(() => checkPublishedSheet({ ...base, rows }));
const codes = time(() => checkPublishedSheet({ ...base, rows: rows.map(({ code }) => ({ code })) }));
const swapped = rows.map((row) => ({ ...row }));
[swapped[150_000].code, swapped[190_000].code] = [swapped[190_000].code, swapped[150_000].code];
const misfit = time(() => checkPublishedSheet({ ...base, rows: swapped }));
console.log(`flat sheet, 200,000 rows with entries: ${ok.result.ok ? 'ok' : ok.result.reason} in ${ms(ok.ms)}`);
console.log(`flat sheet, 200,000 code-only rows: ${codes.result.ok ? 'ok' : codes.result.reason} in ${ms(codes.ms)}`);
console.log(
  `flat sheet, 200,000 rows, two codes traded: ${misfit.result.reason} at row ${misfit.result.position + 1} in ${ms(misfit.ms)}`,
);
