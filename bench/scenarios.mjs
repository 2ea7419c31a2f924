// One benchmark scenario per process, so that each peak-memory figure is its own.
// Usage: node bench/scenarios.mjs <scenario> <pool.jsonl> [args]   (run by bench/run.mjs)
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import {
  commitPool,
  createPool,
  drawLottery,
  LegacyDotNetRandom,
  presets,
  readPoolFile,
  serializeRecord,
  verifyRecord,
} from '../dist/node.js';
import { median } from './median.mjs';

const QUOTA = 6400;
// Baselines read as readPoolFile does, 4 MiB at a time, so the comparison is about the work, not the reads.
const CHUNK = 4 << 20;
// node --expose-gc (bench/run.mjs passes it): each measured run starts from a collected heap.
const gc = globalThis.gc ?? (() => undefined);
const SEED = '033859';

const [scenario, path, repeatsText = '5', otherPath] = process.argv.slice(2);
const repeats = Number(repeatsText);
// The mixed (2021–) pools: 2024 rules, the ordinary family+individual draw of one half-year.
const MIXED_POLICY = presets.beijing2024;
const MIXED_QUOTA = 9600;
const MIXED_LABEL = 'ordinary/family+individual';

function peakRssMb() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}
function rssMb() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}
/** Resets the peak (VmHWM) to the current RSS (Linux: clear_refs 5). */
function resetPeak() {
  writeFileSync('/proc/self/clear_refs', '5');
}
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const now = () => performance.now();

/** Baseline 1: read the file and look at every byte once in JavaScript (counting newlines). */
async function readAndScanBytes(file = path) {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return lines;
}
/**
 * Reads a file once and resets the peak memory: measured runs then read it from the page cache
 * (this machine's kernel reclaims pages not touched for a while, so a file written or read minutes
 * ago may be on disk again), as the baselines do, and the peak is the measured work's.
 */
async function warm(file) {
  await readAndScanBytes(file);
  resetPeak();
}

/** Baseline 2: read the file and count lines with the native memchr (Buffer.indexOf). */
async function readAndCountNative() {
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}
/** Baseline 3: read the file line by line with readline and JSON.parse every line. */
async function readAndParseLines() {
  let records = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.length > 0 && JSON.parse(line) !== null) records++;
  }
  return records;
}

/** The measured pipeline: read file → validated pool → commitment → draw → record. */
async function pipeline() {
  const t0 = now();
  const { pool } = await readPoolFile(path, { policy: presets.beijing2016 });
  const t1 = now();
  const commitment = commitPool(pool);
  const t2 = now();
  const { record } = drawLottery(pool, { quota: QUOTA, seed: SEED, generator: 'legacy' });
  const text = serializeRecord(record);
  const t3 = now();
  return { pool, record, text, commitment, read: t1 - t0, commit: t2 - t1, draw: t3 - t2, total: t3 - t0 };
}

/**
 * The naive reference pipeline a first implementation would write: one object per record
 * (validated field by field), a string sort, the expanded entry array (one string per entry), the
 * canonical text built as one string and hashed, then the same legacy draw on the entry array.
 */
async function naivePipeline() {
  const t0 = now();
  const records = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line);
    if (typeof record.code !== 'string' || !/^[0-9]{13}$/.test(record.code)) throw new Error('bad code');
    if (!Number.isInteger(record.draws) || record.draws < 0) throw new Error('bad draws');
    records.push({ code: record.code, weight: Math.ceil((record.draws + 1) / 6) + (record.c5 === true ? 1 : 0) });
  }
  records.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < records.length; i++) if (records[i].code === records[i - 1].code) throw new Error('duplicate');
  const entries = [];
  const maxWeight = records.reduce((m, r) => Math.max(m, r.weight), 0);
  for (let pass = 1; pass <= maxWeight; pass++) for (const r of records) if (r.weight >= pass) entries.push(r.code);
  const canonical = `yaohao-pool/1\n${records.map((r) => `${r.code} I ${r.weight}\n`).join('')}`;
  const digest = createHash('sha256').update(canonical).digest('hex');
  const random = new LegacyDotNetRandom(Number(SEED));
  const won = new Set();
  const winners = [];
  while (winners.length < QUOTA) {
    const index = random.nextBelow(entries.length);
    if (won.has(entries[index])) continue;
    won.add(entries[index]);
    winners.push({ code: entries[index], entry: index + 1 });
  }
  const text = JSON.stringify({ digest, winners });
  return { total: now() - t0, digest, winners, text };
}

/** The mixed file pipeline: read → validated pool (measured against the scan), then commitment and draw. */
async function mixedPipeline(file = path) {
  const t0 = now();
  const { pool } = await readPoolFile(file, { policy: MIXED_POLICY });
  const t1 = now();
  const commitment = commitPool(pool);
  const t2 = now();
  drawLottery(pool, { quota: MIXED_QUOTA, seed: SEED, generator: 'default', label: MIXED_LABEL });
  const t3 = now();
  return { pool, commitment, read: t1 - t0, commit: t2 - t1, draw: t3 - t2 };
}

/** Records as an application holds them: every line of the file through JSON.parse. */
async function loadRecords(file) {
  const records = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== '') records.push(JSON.parse(line));
  }
  return records;
}

/**
 * createPool from records in memory, from a collected heap: wall and CPU time, and the memory it
 * took: the process's peak RSS over its RSS before, and the JS heap plus array buffers in use right
 * after (nothing is collected in between when no full collection runs, so this counts the
 * builder's columns too).
 */
function timeCreatePool(records) {
  gc();
  const before = rssMb();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  resetPeak();
  const cpu = cpuMs();
  const t = now();
  const pool = createPool(records, { policy: MIXED_POLICY });
  const ms = now() - t;
  const used = process.memoryUsage();
  const allocatedMb = (used.heapUsed + used.arrayBuffers - heapUsed - arrayBuffers) / 2 ** 20;
  return { pool, ms, cpu: cpuMs() - cpu, addedMb: Math.max(peakRssMb() - before, allocatedMb) };
}

const out = (value) => console.log(JSON.stringify(value));

if (scenario === 'pipeline') {
  // Paired, interleaved runs from a collected heap: each pipeline run is compared with the
  // baseline run just before it, so the machine's speed drifting (a shared host) cancels out.
  const runs = { scanBytes: [], countNative: [], parseLines: [], read: [], commit: [], draw: [], total: [], ratio: [] };
  let last;
  await warm(path);
  for (let r = 0; r < repeats; r++) {
    gc();
    let t = now();
    await readAndScanBytes();
    const scan = now() - t;
    runs.scanBytes.push(scan);
    gc();
    last = await pipeline();
    for (const k of ['read', 'commit', 'draw', 'total']) runs[k].push(last[k]);
    runs.ratio.push(last.total / scan);
    last.pool = { size: last.pool.size, totalEntries: last.pool.totalEntries };
    gc();
    t = now();
    await readAndCountNative();
    runs.countNative.push(now() - t);
    if (r < 3) {
      gc();
      t = now();
      await readAndParseLines();
      runs.parseLines.push(now() - t);
    }
  }
  out({
    scenario,
    size: last.pool.size,
    totalEntries: last.pool.totalEntries,
    digest: last.commitment.digest,
    winners: last.record.winners.length,
    medians: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])),
    runs,
    peakRssMb: peakRssMb(),
  });
} else if (scenario === 'single') {
  // One pipeline run in a fresh process: its peak memory is the pipeline's own.
  await warm(path);
  const result = await pipeline();
  out({
    scenario,
    size: result.pool.size,
    totalEntries: result.pool.totalEntries,
    total: result.total,
    read: result.read,
    commit: result.commit,
    draw: result.draw,
    peakRssMb: peakRssMb(),
  });
} else if (scenario === 'naive') {
  const result = await naivePipeline();
  out({ scenario, total: result.total, digest: result.digest, firstWinner: result.winners[0], peakRssMb: peakRssMb() });
} else if (scenario === 'draw') {
  // The draw alone (pool built, commitment memoised); then, on fresh pools from a collected heap,
  // verifyRecord against "draw + commitment" measured the same way.
  const { pool, record } = await pipeline();
  const legacy = [];
  const modern = [];
  for (let r = 0; r < 21; r++) {
    let t = now();
    drawLottery(pool, { quota: QUOTA, seed: String(100000 + r), generator: 'legacy' });
    legacy.push(now() - t);
    t = now();
    drawLottery(pool, { quota: QUOTA, seed: `bench-${r}`, generator: 'default', label: 'ordinary/individual' });
    modern.push(now() - t);
  }
  const verifies = [];
  const commitAndDraw = [];
  const commits = [];
  const timeVerify = async () => {
    const fresh = (await readPoolFile(path, { policy: presets.beijing2016 })).pool;
    gc();
    const t = now();
    const verdict = verifyRecord(record, fresh);
    verifies.push(now() - t);
    if (!verdict.ok) throw new Error(verdict.message);
  };
  const timeCommitAndDraw = async () => {
    const fresh = (await readPoolFile(path, { policy: presets.beijing2016 })).pool;
    gc();
    const t = now();
    commitPool(fresh);
    commits.push(now() - t);
    drawLottery(fresh, { quota: QUOTA, seed: SEED, generator: 'legacy' });
    commitAndDraw.push(now() - t);
  };
  // Alternate which goes first, so neither pays for the other's leftovers.
  for (let r = 0; r < 7; r++) {
    if (r % 2 === 0) {
      await timeVerify();
      await timeCommitAndDraw();
    } else {
      await timeCommitAndDraw();
      await timeVerify();
    }
  }
  // The commitment is the same computation on both sides and its time varies ±20% from run to run
  // on a shared host; with it computed, verify's own work and the draw's are measured precisely.
  const verifyRest = [];
  const drawRest = [];
  for (let r = 0; r < 21; r++) {
    let t = now();
    verifyRecord(record, pool);
    verifyRest.push(now() - t);
    t = now();
    drawLottery(pool, { quota: QUOTA, seed: SEED, generator: 'legacy' });
    drawRest.push(now() - t);
  }
  out({
    scenario,
    drawLegacy: median(legacy),
    drawDefault: median(modern),
    verify: median(verifies),
    commit: median(commits),
    commitAndDraw: median(commitAndDraw),
    verifyRest: median(verifyRest),
    drawRest: median(drawRest),
    peakRssMb: peakRssMb(),
  });
} else if (scenario === 'mixed-pipeline') {
  // Paired, interleaved runs as for the individual pool: read + scan, then read + validate + pool.
  const runs = { scanBytes: [], read: [], commit: [], draw: [], ratio: [] };
  let last;
  await warm(path);
  for (let r = 0; r < repeats; r++) {
    gc();
    const t = now();
    await readAndScanBytes();
    const scan = now() - t;
    gc();
    last = await mixedPipeline();
    runs.scanBytes.push(scan);
    for (const k of ['read', 'commit', 'draw']) runs[k].push(last[k]);
    runs.ratio.push(last.read / scan);
  }
  // Linearity: the same population at twice the size (otherPath), in pairs.
  const linear = { small: [], big: [], ratio: [] };
  if (otherPath !== undefined) await warm(otherPath);
  for (let r = 0; otherPath !== undefined && r < Math.max(3, Math.ceil(repeats / 2)); r++) {
    gc();
    const small = (await mixedPipeline()).read;
    gc();
    const big = (await mixedPipeline(otherPath)).read;
    linear.small.push(small);
    linear.big.push(big);
    linear.ratio.push(big / small);
  }
  out({
    scenario,
    size: last.pool.size,
    totalEntries: last.pool.totalEntries,
    digest: last.commitment.digest,
    medians: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])),
    runs,
    linear: { ...linear, median: otherPath === undefined ? undefined : median(linear.ratio) },
  });
} else if (scenario === 'mixed-single') {
  // One run in a fresh process: its peak memory is the mixed pipeline's own.
  await warm(path);
  const result = await mixedPipeline();
  out({ scenario, size: result.pool.size, read: result.read, peakRssMb: peakRssMb() });
} else if (scenario === 'mixed-objects') {
  // createPool from the records already in memory, as the registry builds a period's pool.
  const records = await loadRecords(path);
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    const { pool, ms, cpu, addedMb } = timeCreatePool(records);
    runs.push({ ms, cpu, addedMb, digest: commitPool(pool).digest });
  }
  out({
    scenario,
    size: records.length,
    ms: median(runs.map((r) => r.ms)),
    cpu: median(runs.map((r) => r.cpu)),
    addedMb: Math.max(...runs.map((r) => r.addedMb)),
    recordsMb: rssMb(),
    digest: runs[0].digest,
    runs,
  });
} else if (scenario === 'mixed-objects-linear') {
  // createPool of all the records, then of the first half, each as a program holding just those
  // records would run it: the second half is dropped (and collected) before the smaller builds, so
  // that each size builds next to a heap of its own records. (Building both sizes next to the larger
  // heap measures how V8 treats a big heap instead: a 3-million build there stays under the heap's
  // collection limits, which scale with the heap, where a 6-million build, and a 3-million one next
  // to 3 million records, do not.) Runs of one size in a row; the ratio of their medians.
  const records = await loadRecords(path);
  const big = [];
  const small = [];
  // The first build of each size is not counted: it compiles the code and sizes the heap's limits
  // for what the process now holds (records just loaded, or just halved).
  for (let r = 0; r <= repeats; r++) big.push(timeCreatePool(records).ms);
  records.length = Math.floor(records.length / 2);
  for (let r = 0; r <= repeats; r++) small.push(timeCreatePool(records).ms);
  big.shift();
  small.shift();
  out({ scenario, size: 2 * records.length, small, big, median: median(big) / median(small) });
} else {
  console.error(`unknown scenario ${scenario}`);
  process.exitCode = 2;
}
