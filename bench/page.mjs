// The verifier page at Beijing scale (issue 11 §4): the 3.1M-code official zip (381 MB) and its
// 6,400-winner record verified in Chromium, offline, from file:// — the same page `yaohao verifier`
// writes. Times the pool (read, checked, MD5, commitment digest) and the replay, as the page shows
// them, and the longest gap between two frames of the page meanwhile (the work is in a worker).
// Usage: node bench/page.mjs [--quick] [--repeats n]   (needs Chromium: apt-get install -y chromium)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOffline } from '../test/web/support/chromium.mjs';
import { DATA_DIR, syntheticPoolFile } from './data.mjs';
import { median } from './median.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TARGET_MS = 15_000;

const yaohao = (...args) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The official zip and its record at `size` codes (as bench/official-zip.mjs writes them), made if missing. */
async function officialFiles(size) {
  const zip = join(DATA_DIR, `pool-${size}.zip`);
  const record = join(DATA_DIR, `record-${size}.json`);
  if (!existsSync(zip)) {
    const jsonl = await syntheticPoolFile(size);
    yaohao('export-zip', jsonl, '--policy', 'beijing2016', '--period', '201906', '--quota', '6400', '--out', zip);
  }
  if (!existsSync(record))
    yaohao('draw', zip, '--quota', '6400', '--seed', '033859', '--generator', 'legacy', '--out', record);
  return { zip, record };
}

/** Runs the scenario; returns its figures and checks. */
export async function pageBench({ size, repeats, log = console.log }) {
  const { zip, record } = await officialFiles(size);
  const page = join(DATA_DIR, 'yaohao-verifier.html');
  yaohao('verifier', '--out', page);
  const browser = await launchOffline();
  const runs = { pool: [], replay: [], total: [], frameGap: [] };
  let winners = '';
  try {
    for (let r = 0; r < repeats; r++) {
      const tab = await browser.open(page, '#en');
      // Frames of the page while the worker reads: a long gap would be a frozen tab.
      /* global requestAnimationFrame -- runs in the page */
      await tab.evaluate(() => {
        const gaps = [];
        let last = performance.now();
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (globalThis.benchGaps === gaps) requestAnimationFrame(tick);
        };
        globalThis.benchGaps = gaps;
        requestAnimationFrame(tick);
      });
      const start = performance.now();
      await tab.setInputFiles('#pool-file', zip);
      await tab.locator('#pool-result dl').waitFor({ timeout: 300_000 });
      const pooled = performance.now();
      await tab.setInputFiles('#record-file', record);
      const verdict = tab.locator('#replay-result .replay[data-source="record"] .verdict');
      await verdict.waitFor({ timeout: 300_000 });
      const done = performance.now();
      winners = (await verdict.innerText()).split('\n')[0];
      const gap = await tab.evaluate(() => {
        const gaps = globalThis.benchGaps;
        globalThis.benchGaps = undefined;
        return Math.max(...gaps.slice(1));
      });
      runs.pool.push(pooled - start);
      runs.replay.push(done - pooled);
      runs.total.push(done - start);
      runs.frameGap.push(gap);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  log(
    `\n## the verifier page in Chromium, official zip of ${size.toLocaleString('en-US')} codes (median of ${repeats})`,
  );
  log(`page: ${winners}`);
  log(`pool: read + check + MD5 + digest  ${s(m.pool)}  (${runs.pool.map(s).join(', ')})`);
  log(`replay the record                  ${s(m.replay)}  (${runs.replay.map(s).join(', ')})`);
  log(`zip + record, end to end           ${s(m.total)}`);
  log(`longest gap between two frames     ${m.frameGap.toFixed(0)} ms`);
  return {
    checks: [
      [/^Verified: all [\d,]+ winners/.test(winners), 'the page verifies the record'],
      [m.total <= TARGET_MS, `the page verifies the zip and record in ≤ 15 s: ${s(m.total)}`],
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const repeatsAt = process.argv.indexOf('--repeats');
  const repeats = repeatsAt > 0 ? Number(process.argv[repeatsAt + 1]) : quick ? 1 : 3;
  const { checks } = await pageBench({ size: quick ? 310_000 : 3_100_000, repeats });
  for (const [ok, text] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
}
