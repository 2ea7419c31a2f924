// Screenshots of the verifier page's main states for the README (docs/images/verifier-*.png), taken
// in Chromium from the page `yaohao verifier` writes and the files in examples/auditor.
// Usage: npm run build && node test/web/screenshots.mjs   (a CJK font: apt-get install fonts-wqy-microhei)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOffline } from './support/chromium.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const AUDITOR = join(ROOT, 'examples', 'auditor');
const IMAGES = join(ROOT, 'docs', 'images');
const ZIP = join(AUDITOR, 'bjPersonCommon202406.zip');
const RECORD = join(AUDITOR, 'record-202406.json');
const SHEET = join(AUDITOR, 'result-202406.txt');

const dir = mkdtempSync(join(tmpdir(), 'yaohao-shots-'));
const page = join(dir, 'yaohao-verifier.html');
execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'verifier', '--out', page]);
mkdirSync(IMAGES, { recursive: true });
const browser = await launchOffline({ viewport: { width: 1000, height: 800 } });

async function shot(name, hash, act, clip) {
  const tab = await browser.open(page, hash);
  await act(tab);
  if (name !== 'reading') await tab.waitForTimeout(300); // the winners table fills a slice per frame
  const path = join(IMAGES, `verifier-${name}.png`);
  if (clip === undefined) await tab.screenshot({ path, fullPage: true });
  else await tab.locator(clip).screenshot({ path });
  await tab.close();
  console.log(`wrote ${path}`);
}

const verdict = (tab, source) => tab.locator(`#replay-result .replay[data-source="${source}"] .verdict`).waitFor();

try {
  // 1. The example draw verified: pool, sheet against its seed, record and sheet replayed, a lookup.
  await shot('verified', '#en', async (tab) => {
    await tab.setInputFiles('#pool-file', ZIP);
    await tab.setInputFiles('#sheet-file', SHEET);
    await tab.setInputFiles('#record-file', RECORD);
    await verdict(tab, 'record');
    await verdict(tab, 'sheet');
    await tab.fill('#md5-published', readFileSync(`${ZIP}.md5`, 'utf8').split(' ')[0]);
    await tab.fill('#code', JSON.parse(readFileSync(RECORD, 'utf8')).winners[2].code);
    await tab.click('#lookup-form button');
    await tab.locator('#lookup-result .verdict').waitFor();
  });
  // 2. The same in Chinese, cut at the replay.
  await shot(
    'verified-zh',
    '#zh',
    async (tab) => {
      await tab.setInputFiles('#pool-file', ZIP);
      await tab.setInputFiles('#record-file', RECORD);
      await verdict(tab, 'record');
    },
    'main',
  );
  // 3. A tampered record: winner no. 4's entry changed.
  const tampered = JSON.parse(readFileSync(RECORD, 'utf8'));
  tampered.winners[3].entry += 1;
  writeFileSync(join(dir, 'record-202406.json'), JSON.stringify(tampered));
  await shot(
    'tampered-record',
    '#en',
    async (tab) => {
      await tab.setInputFiles('#pool-file', ZIP);
      await tab.setInputFiles('#record-file', join(dir, 'record-202406.json'));
      await verdict(tab, 'record');
    },
    'section:has(#replay-result)',
  );
  // 4. A doctored sheet (rows 5 and 6 swapped), checked against its seed without the pool.
  const lines = readFileSync(SHEET, 'utf8').split('\n');
  const at = lines.findIndex((line) => /^\s+5\s/.test(line));
  const renumber = (line, n) => line.replace(/^(\s+)\d+/, (_, space) => `${space}${n}`);
  [lines[at], lines[at + 1]] = [renumber(lines[at + 1], 5), renumber(lines[at], 6)];
  writeFileSync(join(dir, 'result-202406.txt'), lines.join('\n'));
  await shot(
    'doctored-sheet',
    '#zh',
    async (tab) => {
      await tab.setInputFiles('#sheet-file', join(dir, 'result-202406.txt'));
      await tab.locator('#sheet-result .verdict').waitFor();
    },
    'section:has(#sheet-result)',
  );
  // 5. A big pool being read: the progress bar (the Beijing-scale zip of bench/, when it is there).
  const beijing = join(ROOT, 'bench', '.data', 'pool-3100000.zip');
  const big = existsSync(beijing) ? beijing : join(dir, 'pool-1000000.jsonl');
  if (big !== beijing)
    writeFileSync(
      big,
      Array.from({ length: 1_000_000 }, (_, i) => `{"code":"${1_000_000_000_000 + i}","weight":${1 + (i % 5)}}\n`).join(
        '',
      ),
    );
  await shot(
    'reading',
    '#en',
    async (tab) => {
      await tab.setInputFiles('#pool-file', big);
      await tab.waitForFunction(() => globalThis.document.getElementById('progress').value > 0.3);
    },
    'section:has(#progress-row)',
  );
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
