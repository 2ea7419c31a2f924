// The official zip at Beijing scale (issue 11 §2): `yaohao verify pool.zip record.json` and
// `yaohao draw pool.zip …` against reading the zip once and hashing it with node:crypto's MD5, each
// run as its own process, in interleaved pairs; and export-zip's peak memory.
// Usage: node bench/official-zip.mjs [--quick]   (also run by bench/run.mjs)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, syntheticPoolFile } from './data.mjs';
import { median } from './median.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const BASELINE = `
const { createHash } = require('node:crypto');
const { openSync, readSync } = require('node:fs');
const hash = createHash('md5');
const fd = openSync(process.argv[1], 'r');
const buffer = Buffer.allocUnsafe(4 << 20);
for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
process.stdout.write(hash.digest('hex'));`;

const ms = (x) => `${x.toFixed(0)} ms`;

function timed(args) {
  const t = performance.now();
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: performance.now() - t, stdout };
}

/** Runs the scenario; returns its figures and checks. */
export async function officialZipBench({ size, repeats, log = console.log }) {
  const jsonl = await syntheticPoolFile(size);
  const zip = join(DATA_DIR, `pool-${size}.zip`);
  const record = join(DATA_DIR, `record-${size}.json`);
  const draw = ['--quota', '6400', '--seed', '033859', '--generator', 'legacy'];
  // export-zip from the JSON Lines pool: its peak memory (each run; the zip is rewritten, byte-identical).
  const exported = JSON.parse(
    timed([
      CLI,
      'export-zip',
      jsonl,
      '--policy',
      'beijing2016',
      '--period',
      '201906',
      '--quota',
      '6400',
      '--out',
      zip,
      '--json',
    ]).stdout,
  );
  if (!existsSync(record)) timed([CLI, 'draw', zip, ...draw, '--out', record]);
  const sheet = join(DATA_DIR, `sheet-${size}.txt`);
  const runs = { baseline: [], verify: [], draw: [], verifyRatio: [], drawRatio: [] };
  let md5;
  for (let r = 0; r < repeats; r++) {
    const base = timed(['-e', BASELINE, zip]);
    md5 = base.stdout;
    const verified = timed([CLI, 'verify', zip, record, '--json']);
    const drawn = timed([CLI, 'draw', zip, ...draw, '--sheet', sheet, '--json']);
    runs.baseline.push(base.ms);
    runs.verify.push(verified.ms);
    runs.draw.push(drawn.ms);
    runs.verifyRatio.push(verified.ms / base.ms);
    runs.drawRatio.push(drawn.ms / base.ms);
    if (JSON.parse(verified.stdout).ok !== true) throw new Error('verify failed');
  }
  rmSync(sheet, { force: true });
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  log(
    `\n## official zip, ${size.toLocaleString('en-US')} codes, ${exported.commitment.totalEntries.toLocaleString('en-US')} entries (medians of ${repeats} interleaved runs, each a process)`,
  );
  log(`zip ${(exported.md5 === md5 ? 'md5 ' : 'MD5 MISMATCH ') + md5}`);
  log(`baseline: read the zip + node:crypto MD5   ${ms(m.baseline)}`);
  log(
    `yaohao verify pool.zip record.json         ${ms(m.verify)}  (${runs.verifyRatio.map((x) => x.toFixed(2)).join(' ')} ×)`,
  );
  log(
    `yaohao draw pool.zip (quota 6,400, sheet)  ${ms(m.draw)}  (${runs.drawRatio.map((x) => x.toFixed(2)).join(' ')} ×)`,
  );
  log(`yaohao export-zip: peak ${exported.maxRssMb} MB`);
  return {
    checks: [
      [m.verifyRatio <= 3, `verify ≤ 3 × (read + MD5): median of paired ratios ${m.verifyRatio.toFixed(2)}×`],
      [m.drawRatio <= 3, `draw ≤ 3 × (read + MD5): median of paired ratios ${m.drawRatio.toFixed(2)}×`],
      [
        exported.maxRssMb <= 400,
        `export-zip peak memory ≤ 400 MB at ${size.toLocaleString('en-US')} codes: ${exported.maxRssMb} MB`,
      ],
      [exported.md5 === md5, 'export-zip reports the MD5 node:crypto computes'],
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const { checks } = await officialZipBench({ size: quick ? 310_000 : 3_100_000, repeats: quick ? 3 : 7 });
  for (const [ok, text] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
}
