// Multi-year simulation at city scale (issue 10 §4): 20 draws of a Beijing population of 3.1M
// applicants, arrivals every period, the real draw each time.
// Run: npm run build && node bench/simulate.mjs [--quick]   (--quick: a tenth of the size)
// Prints one line per period, the wall time and peak RSS, PASS/FAIL against ≤ 60 s and ≤ 1.5 GB.
import { cpus, loadavg, totalmem } from 'node:os';
import { presets, simulatePeriods } from '../dist/node.js';

const quick = process.argv.includes('--quick');
const SIZE = quick ? 310_000 : 3_100_000;
const QUOTA = quick ? 640 : 6400;
const ARRIVALS = quick ? 6_000 : 60_000;
const PERIODS = 20;

console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `simulatePeriods: beijing2016 from 2019-02, ${PERIODS} periods, initial ${SIZE.toLocaleString('en-US')}, +${ARRIVALS.toLocaleString('en-US')} arrivals and quota ${QUOTA.toLocaleString('en-US')} per period, seed "bench"`,
);
const started = performance.now();
const cpuStart = process.cpuUsage();
let last = started;
let final;
for (const p of simulatePeriods({
  policy: presets.beijing2016,
  start: '2019-02',
  periods: PERIODS,
  quota: QUOTA,
  arrivals: ARRIVALS,
  seed: 'bench',
  initial: { size: SIZE },
})) {
  const now = performance.now();
  console.log(
    `${p.period}  pool ${p.poolSize.toLocaleString('en-US').padStart(9)}  entries ${p.entries.toLocaleString('en-US').padStart(10)}  winners ${p.winners}  mean draws of winners ${p.meanDrawsEntered?.toFixed(1)}  ${(now - last).toFixed(0).padStart(6)} ms  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
  last = now;
  final = p;
}
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `total ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (this process, GC threads included), peak RSS ${peakMb.toFixed(0)} MB, ${final.applicants.toLocaleString('en-US')} applicants, load after ${loadavg()[0].toFixed(2)}`,
);
const check = (ok, text) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
check(seconds <= 60, `${PERIODS} periods in ≤ 60 s: ${seconds.toFixed(1)} s`);
check(peakMb <= 1536, `peak RSS ≤ 1.5 GB: ${peakMb.toFixed(0)} MB`);
