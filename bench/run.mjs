// npm run bench: the benchmarks of issue 2 in one run, each scenario in its own process.
// Prints figures and the checks; paste them into docs/benchmarks.md with the machine.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { syntheticPoolFile } from './data.mjs';
import { officialZipBench } from './official-zip.mjs';

const quick = process.argv.includes('--quick');
const SIZE = quick ? 310_000 : 3_100_000;
const BIG = quick ? 1_000_000 : 10_000_000;

function scenario(name, path, ...args) {
  const output = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      new URL('./scenarios.mjs', import.meta.url).pathname,
      name,
      path,
      ...args,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(output.trim().split('\n').pop());
}
const ms = (x) => `${x.toFixed(0)} ms`;
const check = (ok, text) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `writing/reusing synthetic pool files (${SIZE.toLocaleString('en-US')} and ${BIG.toLocaleString('en-US')} applications)…`,
);
const path = await syntheticPoolFile(SIZE);
const bigPath = await syntheticPoolFile(BIG);

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

const zip = await officialZipBench({ size: SIZE, repeats: quick ? 3 : 7 });

console.log('\n## checks');
check(
  m.ratio <= 3,
  `end to end ≤ 3 × read-and-scan (JS byte scan): median of paired ratios ${m.ratio.toFixed(2)}× (ratio of medians ${(m.total / m.scanBytes).toFixed(2)}×)`,
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
for (const [ok, text] of zip.checks) check(ok, text);
