// npm run bench: the benchmarks of issues 2 and 12 in one run, each scenario in its own process.
// Prints figures and the checks; paste them into docs/benchmarks.md with the machine.
// `--quick`: the same at a tenth of the size (figures then say little; for checking that it runs).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mixedFilePath, syntheticPoolFile } from './data.mjs';
import { officialZipBench } from './official-zip.mjs';

const quick = process.argv.includes('--quick') || process.env.npm_config_quick === 'true';
const SIZE = quick ? 310_000 : 3_100_000;
const BIG = quick ? 1_000_000 : 10_000_000;
const MIXED = quick ? 300_000 : 3_000_000;

function node(args, heapMb) {
  return execFileSync(process.execPath, ['--expose-gc', `--max-old-space-size=${heapMb}`, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
}
function scenario(name, path, ...args) {
  // Mixed scenarios hold millions of records as objects (up to 6 million: ~3 GB of heap).
  const output = node(
    [new URL('./scenarios.mjs', import.meta.url).pathname, name, path, ...args],
    name.startsWith('mixed') ? 8192 : 4096,
  );
  return JSON.parse(output.trim().split('\n').pop());
}
const ms = (x) => `${x.toFixed(0)} ms`;
const check = (ok, text) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
// A shared host: the load average says how much of the 2 cores the figures had.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
console.log(`load average at the start: ${load()}`);
console.log(
  `writing/reusing synthetic pool files (${SIZE.toLocaleString('en-US')} and ${BIG.toLocaleString('en-US')} applications)…`,
);
const path = await syntheticPoolFile(SIZE);
const bigPath = await syntheticPoolFile(BIG);
console.log(
  `writing/reusing mixed 2024-style files (${MIXED.toLocaleString('en-US')} and ${(2 * MIXED).toLocaleString('en-US')} applications)…`,
);
node([new URL('./data.mjs', import.meta.url).pathname, 'mixed', String(MIXED), String(2 * MIXED)], 8192);
const mixedPath = mixedFilePath(MIXED);
const mixedBigPath = mixedFilePath(2 * MIXED);

const pipe = scenario('pipeline', path, quick ? '3' : '9');
const m = pipe.medians;
console.log(
  `\n## ${SIZE.toLocaleString('en-US')} applicants, ${pipe.totalEntries.toLocaleString('en-US')} entries, quota 6,400 (medians of ${pipe.runs.total.length} paired runs)`,
);
console.log(`baseline: read + scan every byte in JS   ${ms(m.scanBytes)}`);
console.log(`baseline: read + native newline count    ${ms(m.countNative)}`);
console.log(`baseline: readline + JSON.parse per line ${ms(m.parseLines)}`);
console.log(
  `pipeline: read+validate+pool ${ms(m.read)} · commit ${ms(m.commit)} · draw+record ${ms(m.draw)} · end to end ${ms(m.total)}`,
);
const single = scenario('single', path);
const naive = scenario('naive', path);
const draw = scenario('draw', path);
console.log(`naive reference pipeline: ${ms(naive.total)} (peak ${naive.peakRssMb.toFixed(0)} MB)`);
console.log(
  `draw alone: legacy ${ms(draw.drawLegacy)} · default ${ms(draw.drawDefault)} (median of 21, record included)`,
);
console.log(
  `verifyRecord on a fresh pool: ${ms(draw.verify)}; commitment + draw on a fresh pool: ${ms(draw.commitAndDraw)} (commitment alone ${ms(draw.commit)})`,
);
console.log(`end to end ÷ read-and-scan, per paired run: ${pipe.runs.ratio.map((r) => r.toFixed(2)).join(' ')}`);
console.log(`peak memory, one end-to-end run: ${single.peakRssMb.toFixed(0)} MB`);
const big = scenario('single', bigPath);
console.log(
  `\n## ${BIG.toLocaleString('en-US')} applicants: end to end ${ms(big.total)}, peak ${big.peakRssMb.toFixed(0)} MB`,
);

const mixed = scenario('mixed-pipeline', mixedPath, quick ? '3' : '7', mixedBigPath);
const mm = mixed.medians;
console.log(
  `\n## mixed 2024-style pool: ${MIXED.toLocaleString('en-US')} applications (5 individuals : 1 family), ${mixed.totalEntries.toLocaleString('en-US')} entries (medians of ${mixed.runs.read.length} paired runs)`,
);
console.log(`baseline: read + scan every byte in JS   ${ms(mm.scanBytes)}`);
console.log(
  `pipeline: read+validate+pool ${ms(mm.read)} · commit ${ms(mm.commit)} · draw (quota 9,600, default generator) ${ms(mm.draw)}`,
);
console.log(
  `read+validate+pool ÷ read-and-scan, per paired run: ${mixed.runs.ratio.map((r) => r.toFixed(2)).join(' ')}`,
);
console.log(
  `${(2 * MIXED).toLocaleString('en-US')} ÷ ${MIXED.toLocaleString('en-US')} (read+validate+pool), per pair: ${mixed.linear.ratio.map((r) => r.toFixed(2)).join(' ')} (${mixed.linear.small.map(ms).join(', ')} vs ${mixed.linear.big.map(ms).join(', ')})`,
);
const mixedSingle = scenario('mixed-single', mixedPath);
console.log(`peak memory, one run (read+validate+pool, commit, draw): ${mixedSingle.peakRssMb.toFixed(0)} MB`);
const objects = scenario('mixed-objects', mixedPath, '3');
console.log(
  `createPool from the ${MIXED.toLocaleString('en-US')} records in memory (JSON.parse of each line, ${objects.recordsMb.toFixed(0)} MB process): ${ms(objects.ms)} (CPU ${ms(objects.cpu)}; runs ${objects.runs.map((r) => ms(r.ms)).join(', ')}), adding at most ${objects.addedMb.toFixed(0)} MB`,
);
// Five builds of each size counted: builds of one size in one process vary by up to 40 % on a
// shared 2-core host (6 M: 3.6–5.0 s in one run), and a median of five stands one more outlier.
const objectsLinear = scenario('mixed-objects-linear', mixedBigPath, quick ? '3' : '5');
console.log(
  `createPool ${(2 * MIXED).toLocaleString('en-US')} ÷ ${MIXED.toLocaleString('en-US')} records, each next to its own records: ${objectsLinear.median.toFixed(2)}× (medians; ${objectsLinear.small.map(ms).join(', ')} vs ${objectsLinear.big.map(ms).join(', ')})`,
);
const zip = await officialZipBench({ size: SIZE, repeats: quick ? 3 : 7 });

console.log(`\nload average at the end: ${load()}`);
console.log('\n## checks');
check(
  m.ratio <= 2.5,
  `end to end ≤ 2.5 × read-and-scan (JS byte scan): median of paired ratios ${m.ratio.toFixed(2)}× (ratio of medians ${(m.total / m.scanBytes).toFixed(2)}×; single pairs ${Math.min(...pipe.runs.ratio).toFixed(2)}–${Math.max(...pipe.runs.ratio).toFixed(2)}×)`,
);
check(
  m.total <= 3 * m.parseLines,
  `end to end ≤ 3 × read-and-scan (readline + JSON.parse): ${(m.total / m.parseLines).toFixed(2)}×`,
);
check(naive.total >= 10 * m.total, `≥ 10× faster than the naive reference: ${(naive.total / m.total).toFixed(1)}×`);
check(naive.digest === pipe.digest, 'the naive reference computes the same digest');
check(
  draw.drawLegacy <= 50 && draw.drawDefault <= 50,
  `draw alone ≤ 50 ms: legacy ${ms(draw.drawLegacy)}, default ${ms(draw.drawDefault)}`,
);
check(
  draw.verifyRest <= draw.drawRest,
  `verify ≤ draw + commitment: the same commitment, then verify's own work ${draw.verifyRest.toFixed(1)} ms ≤ the draw's ${draw.drawRest.toFixed(1)} ms (on fresh pools, commitment included: ${ms(draw.verify)} vs ${ms(draw.commitAndDraw)})`,
);
check(
  single.peakRssMb <= 1024,
  `peak memory ≤ 1 GB at ${SIZE.toLocaleString('en-US')}: ${single.peakRssMb.toFixed(0)} MB`,
);
check(big.peakRssMb <= 2048, `peak memory ≤ 2 GB at ${BIG.toLocaleString('en-US')}: ${big.peakRssMb.toFixed(0)} MB`);
check(mixed.digest === objects.digest, 'mixed: the file and the records in memory give the same pool digest');
check(
  mm.ratio <= 3,
  `mixed ${MIXED.toLocaleString('en-US')}: read+validate+pool ≤ 3 × read-and-scan: median of paired ratios ${mm.ratio.toFixed(2)}× (single pairs ${Math.min(...mixed.runs.ratio).toFixed(2)}–${Math.max(...mixed.runs.ratio).toFixed(2)}×)`,
);
check(
  mixedSingle.peakRssMb <= 1024,
  `mixed ${MIXED.toLocaleString('en-US')}: peak memory ≤ 1 GB: ${mixedSingle.peakRssMb.toFixed(0)} MB`,
);
check(
  objects.ms <= 3000,
  `mixed ${MIXED.toLocaleString('en-US')}: createPool from records in memory ≤ 3 s: median ${ms(objects.ms)} (runs ${objects.runs.map((r) => ms(r.ms)).join(', ')})`,
);
check(
  objects.addedMb <= 512,
  `mixed ${MIXED.toLocaleString('en-US')}: createPool adds ≤ 512 MB over the records: ${objects.addedMb.toFixed(0)} MB`,
);
check(
  mixed.linear.median <= 2.2,
  `mixed: ${(2 * MIXED).toLocaleString('en-US')} take ≤ 2.2 × the time of ${MIXED.toLocaleString('en-US')} (file): median of paired ratios ${mixed.linear.median.toFixed(2)}× (${mixed.linear.ratio.map((r) => r.toFixed(2)).join(' ')})`,
);
check(
  objectsLinear.median <= 2.2,
  `mixed: ${(2 * MIXED).toLocaleString('en-US')} take ≤ 2.2 × the time of ${MIXED.toLocaleString('en-US')} (createPool, each next to its own records): ratio of medians ${objectsLinear.median.toFixed(2)}× (${objectsLinear.small.map(ms).join(', ')} vs ${objectsLinear.big.map(ms).join(', ')})`,
);
for (const [ok, text] of zip.checks) check(ok, text);
