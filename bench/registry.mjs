// The registry at Beijing scale (issue 9): 3,100,000 applications, a draw of 6,400 winners applied,
// the next period's pool produced; `yaohao continuity` on the two consecutive pools as JSON Lines.
// Run: npm run build && node --expose-gc bench/registry.mjs [--quick]
// Prints figures and checks; paste them into docs/benchmarks.md with the machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyEvent,
  applyEvents,
  commitPool,
  createRegistry,
  createRegistryPool,
  drawLottery,
  presets,
  registryPool,
  syntheticBeijingRecords,
} from '../dist/index.js';
import { DATA_DIR, writeJsonLines } from './data.mjs';
import { median } from './median.mjs';

const quick = process.argv.includes('--quick');
const SIZE = quick ? 310_000 : 3_100_000;
const QUOTA = 6_400;
const RUNS = quick ? 3 : 5;
const policy = presets.beijing2016;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const gc = globalThis.gc ?? (() => {});
const ms = (x) => `${x.toFixed(0)} ms`;
const peakMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const check = (ok, text) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
const count = (n) => n.toLocaleString('en-US');

const load = () => loadavg()[0].toFixed(1);
console.log(
  `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load()}${globalThis.gc ? '' : ' (run with --expose-gc for steadier figures)'}`,
);

// 1. A registry of SIZE applications: each applied (Beijing-2019-like draw counts) and approved,
//    as two batches of events streamed from generators (never an array of millions of events).
function* applications() {
  for (const r of syntheticBeijingRecords({ size: SIZE }))
    yield {
      type: 'applied',
      at: '2019-05-06T09:00:00+08:00',
      code: r.code,
      personId: `person-${r.code}`,
      draws: r.draws,
      ...(r.c5 ? { c5: true } : {}),
    };
}
function* approvals() {
  for (const r of syntheticBeijingRecords({ size: SIZE }))
    yield { type: 'reviewed', at: '2019-05-20T09:00:00+08:00', code: r.code, approved: true };
}
let t = performance.now();
let registry = applyEvents(createRegistry(policy), applications());
registry = applyEvents(registry, approvals());
const buildMs = performance.now() - t;
gc();
console.log(
  `\n## registry of ${count(registry.size)} applications (${count(2 * SIZE)} events in two batches): ${ms(buildMs)}, rss ${rssMb().toFixed(0)} MB`,
);

// 2. The June pool, committed and drawn with the official generator.
t = performance.now();
const june = createRegistryPool(registry, '2019-06');
const juneCommitment = commitPool(june);
const { record } = drawLottery(june, { quota: QUOTA, seed: '033859', generator: 'legacy' });
console.log(
  `June pool ${count(june.size)} codes, ${count(june.totalEntries)} entries; committed and drawn (quota ${count(QUOTA)}) in ${ms(performance.now() - t)}`,
);
const drawHeld = { type: 'draw-held', at: '2019-06-26T12:00:00+08:00', period: '2019-06', record };

// 3. The measured step: apply the draw, produce the August pool. Two forms of "the pool": the Pool
//    itself (createRegistryPool: drawable, committable) and planPeriod/createPool records
//    (registryPool). The first of each runs cold, as a period's one draw in a service does. Then,
//    RUNS times: a full collection (so the peak is what the step holds, not garbage V8 has not
//    collected yet), one untimed run (a full collection also drops compiled code), one timed run.
function step(produce) {
  const started = performance.now();
  const next = applyEvent(registry, drawHeld);
  const applied = performance.now();
  const size = produce(next);
  const done = performance.now();
  return { apply: applied - started, produce: done - applied, total: done - started, size };
}
// Each returns only a size: keeping what it produced would hold five pools' worth of memory.
const asPool = (next) => createRegistryPool(next, '2019-08').size;
const asRecords = (next) => registryPool(next, '2019-08').ordinary.length;
const cold = { pool: step(asPool), records: step(asRecords) };
const warm = { pool: [], records: [] };
for (let run = 0; run < RUNS; run++) {
  for (const [name, produce] of [
    ['pool', asPool],
    ['records', asRecords],
  ]) {
    gc();
    step(produce);
    warm[name].push(step(produce));
  }
}
const august = createRegistryPool(applyEvent(registry, drawHeld), '2019-08');
const summary = (runs) =>
  `apply ${ms(median(runs.map((r) => r.apply)))} + produce ${ms(median(runs.map((r) => r.produce)))} = ${ms(median(runs.map((r) => r.total)))} (runs: ${runs.map((r) => r.total.toFixed(0)).join(', ')})`;
const line = (r) => `apply ${ms(r.apply)} + produce ${ms(r.produce)} = ${ms(r.total)}`;
console.log(`\n## apply a draw of ${count(QUOTA)} winners, produce the next period's pool`);
console.log(`as a Pool (createRegistryPool)  cold: ${line(cold.pool)}`);
console.log(`                                warm: ${summary(warm.pool)}`);
console.log(`as records (registryPool)       cold: ${line(cold.records)}`);
console.log(`                                warm: ${summary(warm.records)}`);
console.log(
  `August pool: ${count(august.size)} codes, ${count(august.totalEntries)} entries (records: ${count(cold.records.size)})`,
);
const peak = peakMb();
console.log(`peak memory of this process so far: ${peak.toFixed(0)} MB`);

// 4. `yaohao continuity` on the two pools as JSON Lines files (records from registryPool) and the record.
mkdirSync(DATA_DIR, { recursive: true });
const files = {
  june: join(DATA_DIR, `registry-june-${SIZE}.jsonl`),
  august: join(DATA_DIR, `registry-august-${SIZE}.jsonl`),
  record: join(DATA_DIR, `registry-record-${SIZE}.json`),
};
t = performance.now();
await writeJsonLines(files.june, registryPool(registry, '2019-06').ordinary);
await writeJsonLines(files.august, registryPool(applyEvent(registry, drawHeld), '2019-08').ordinary);
writeFileSync(files.record, JSON.stringify(record));
console.log(`\nwrote the two pools as JSON Lines in ${ms(performance.now() - t)}`);
const continuity = [];
let report;
for (let run = 0; run < 3; run++) {
  t = performance.now();
  const output = execFileSync(
    process.execPath,
    [CLI, 'continuity', files.june, files.record, files.august, '--policy', 'beijing2016', '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  continuity.push(performance.now() - t);
  report = JSON.parse(output);
}
const augustCommitment = commitPool(august);
console.log(`## yaohao continuity, two consecutive ${count(SIZE)}-application pools (JSON Lines)`);
console.log(
  `wall ${ms(median(continuity))} (runs: ${continuity.map((x) => x.toFixed(0)).join(', ')}); peak ${report.maxRssMb} MB; ok=${report.ok}, winners ${count(report.winners)}, stayed ${count(report.stayed)} (${count(report.moreEntries)} with one more step), removed ${count(report.removed)}, added ${count(report.added)}`,
);

// 5. One period of a simulation on top of the registry (issue 10 builds on this): a batch of
//    arrivals (applied + reviewed, one applyEvents), the pool, the draw, the draw-held event.
const ARRIVALS = Math.round(SIZE / 20);
function* arrivals() {
  for (let k = 0; k < ARRIVALS; k++) {
    const code = String(9_000_000_000_000 + k * 101);
    yield { type: 'applied', at: '2019-07-01T09:00:00+08:00', code, personId: `arrival-${k}`, draws: 0 };
  }
  for (let k = 0; k < ARRIVALS; k++)
    yield {
      type: 'reviewed',
      at: '2019-07-20T09:00:00+08:00',
      code: String(9_000_000_000_000 + k * 101),
      approved: true,
    };
}
let period = applyEvent(registry, drawHeld);
const simulated = [];
t = performance.now();
period = applyEvents(period, arrivals());
simulated.push(performance.now() - t);
t = performance.now();
const pool = createRegistryPool(period, '2019-08');
simulated.push(performance.now() - t);
t = performance.now();
const august2 = drawLottery(pool, { quota: QUOTA, seed: '271828', generator: 'default' }).record;
simulated.push(performance.now() - t);
t = performance.now();
period = applyEvent(period, { type: 'draw-held', at: '2019-08-26T12:00:00+08:00', period: '2019-08', record: august2 });
simulated.push(performance.now() - t);
console.log(
  `\n## one simulated period: ${count(ARRIVALS)} arrivals (${count(2 * ARRIVALS)} events, one batch) ${ms(simulated[0])} · pool of ${count(pool.size)} ${ms(simulated[1])} · draw ${ms(simulated[2])} · draw-held ${ms(simulated[3])} · total ${ms(simulated.reduce((a, b) => a + b, 0))}`,
);
console.log(`load average now ${load()} (other processes share the 2 cores: figures scale with it)`);
console.log('\n## checks');
const warmPool = median(warm.pool.map((r) => r.total));
const warmRecords = median(warm.records.map((r) => r.total));
check(
  cold.pool.total <= 2000 && warmPool <= 2000,
  `apply + next pool (Pool) ≤ 2 s: cold ${ms(cold.pool.total)}, warm ${ms(warmPool)}`,
);
check(
  cold.records.total <= 2000 && warmRecords <= 2000,
  `apply + next pool (records) ≤ 2 s: cold ${ms(cold.records.total)}, warm ${ms(warmRecords)}`,
);
check(peak <= 1536, `peak memory ≤ 1.5 GB: ${peak.toFixed(0)} MB`);
check(median(continuity) <= 5000, `yaohao continuity ≤ 5 s: ${ms(median(continuity))}`);
check(report.ok && report.winners === QUOTA, 'continuity finds no problem, every winner gone');
check(
  report.previous.digest === juneCommitment.digest && report.next.digest === augustCommitment.digest,
  'the records, read back by the CLI, commit to the same pools as createRegistryPool',
);
