// The verifier page in a real browser (Debian's Chromium), opened from file:// with the network
// cut off: the example draw verifies (zip + record, the sheet against its seed, zip + sheet), a
// tampered record and a doctored sheet are caught at their first difference, a code lookup
// answers, and hostile files get a message while the page keeps working.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOfficialZip } from '../../src/index';
import { launchOffline, writeVerifierPage, type OfflineBrowser } from './support/browser';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const AUDITOR = join(import.meta.dirname, '..', '..', 'examples', 'auditor');
const ZIP = join(AUDITOR, 'bjPersonCommon202406.zip');
const RECORD = join(AUDITOR, 'record-202406.json');
const SHEET = join(AUDITOR, 'result-202406.txt');
const MD5 = readFileSync(`${ZIP}.md5`, 'utf8').split(' ')[0]!;
const record = JSON.parse(readFileSync(RECORD, 'utf8')) as {
  pool: { digest: string; totalEntries: number };
  winners: { code: string; entry: number }[];
};

let dir: string;
let browser: OfflineBrowser;
let pagePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-web-'));
  pagePath = writeVerifierPage(dir);
  browser = await launchOffline();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function open(language: 'en' | 'zh' = 'en'): Promise<Page> {
  const page = await browser.open(pagePath);
  if ((await page.getAttribute('html', 'lang')) !== (language === 'en' ? 'en' : 'zh-CN')) await page.click('#language');
  return page;
}

const text = (page: Page, selector: string): Promise<string> => page.locator(selector).innerText();

async function replayed(page: Page, source: 'record' | 'sheet'): Promise<string> {
  const verdict = page.locator(`#replay-result .replay[data-source="${source}"] .verdict`);
  await verdict.waitFor();
  return verdict.innerText();
}

describe('the verifier page, offline in Chromium', () => {
  it('is one file whose policy forbids every request, and it starts without one', async () => {
    const html = readFileSync(pagePath, 'utf8');
    // `yaohao verifier` writes the page the package ships, byte for byte, and says its SHA-256.
    const shipped = readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'yaohao-verifier.html'));
    expect(html).toBe(shipped.toString('utf8'));
    const written = JSON.parse(
      execFileSync(process.execPath, [CLI, 'verifier', '--out', join(dir, 'again.html'), '--json'], {
        encoding: 'utf8',
      }),
    ) as { ok: boolean; bytes: number; sha256: string };
    expect(written).toMatchObject({
      ok: true,
      bytes: shipped.length,
      sha256: createHash('sha256').update(shipped).digest('hex'),
    });
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-`);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)/);
    const page = await open();
    expect(await page.locator('main').isVisible()).toBe(true);
    expect(await page.locator('#no-script').isHidden()).toBe(true);
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('verifies the example zip against its record: MD5, digest, all 40 winners in order', async () => {
    const page = await open();
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', RECORD);
    expect(await replayed(page, 'record')).toContain('Verified: all 40 winners, in order, with entry numbers.');
    const pool = await text(page, '#pool-result');
    expect(pool).toContain(MD5);
    expect(pool).toContain(record.pool.digest);
    expect(pool).toContain('10,973'); // T
    const rows = page.locator('#replay-result .replay[data-source="record"] tbody tr');
    expect(await rows.count()).toBe(40);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      '1',
      String(record.winners[0]!.entry),
      record.winners[0]!.code,
    ]);
    await page.fill('#md5-published', MD5.toUpperCase());
    expect(await text(page, '#md5-result')).toContain('Same MD5');
    await page.fill(
      '#md5-published',
      MD5.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    expect(await text(page, '#md5-result')).toContain('Different MD5');
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('sorts files dropped anywhere on the page by their names: pool, sheet, record, published MD5', async () => {
    const page = await open();
    const files = [ZIP, SHEET, RECORD, `${ZIP}.md5`].map((path) => ({
      name: path.split('/').pop()!,
      bytes: [...readFileSync(path)],
    }));
    await page.evaluate((list) => {
      // In the page (the tests are typed without the DOM): a drop of these files on the footer.
      const web = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string) => unknown;
        DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean }) => unknown;
        document: { querySelector(selector: string): { dispatchEvent(event: unknown): void } };
      };
      const transfer = new web.DataTransfer();
      for (const { name, bytes } of list) transfer.items.add(new web.File([new Uint8Array(bytes)], name));
      web.document
        .querySelector('footer')
        .dispatchEvent(new web.DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    }, files);
    expect(await replayed(page, 'record')).toContain('Verified: all 40 winners');
    expect(await replayed(page, 'sheet')).toContain('Verified: all 40 winners');
    await page.locator('#sheet-result .verdict.ok').waitFor();
    expect(await page.inputValue('#md5-published')).toBe(MD5);
    expect(await text(page, '#md5-result')).toContain('Same MD5');
  });

  it('checks the sheet against its own seed without the pool, then replays it against the pool', async () => {
    const page = await open();
    await page.setInputFiles('#sheet-file', SHEET);
    const sheet = page.locator('#sheet-result .verdict.ok');
    await sheet.waitFor();
    expect(await sheet.innerText()).toMatch(/Consistent with its seed: \d+ picks, \d+ repeats thrown away\./);
    expect(await text(page, '#sheet-result')).toContain('T 10,973, quota 40, seed 033859, 40 rows');
    await page.setInputFiles('#pool-file', ZIP);
    expect(await replayed(page, 'sheet')).toContain('Verified: all 40 winners, in order, with entry numbers.');
  });

  it('names the first difference of a tampered record, in the library’s words', async () => {
    const tampered = structuredClone(record);
    tampered.winners[3]!.entry += 1;
    const page = await open();
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', write('tampered.json', JSON.stringify(tampered)));
    const verdict = await replayed(page, 'record');
    expect(verdict).toContain('Winner no. 4 differs from the replay.');
    expect(verdict).toContain('(winner-mismatch)');
    expect(verdict).toContain('winner #4 differs in its entry');
    expect(verdict).toContain(
      `the record says ${record.winners[3]!.code} (individual) at entry ${record.winners[3]!.entry + 1}`,
    );
  });

  it('rejects a doctored sheet, against its seed and against the pool', async () => {
    // Rows 5 and 6 swapped: each row is still a winner, but not in the order the seed draws them.
    const lines = readFileSync(SHEET, 'utf8').split('\n');
    const at = lines.findIndex((line) => /^\s+5\s/.test(line));
    const swap = (line: string, n: number): string => line.replace(/^(\s+)\d+/, (_, space: string) => `${space}${n}`);
    [lines[at], lines[at + 1]] = [swap(lines[at + 1]!, 5), swap(lines[at]!, 6)];
    const page = await open();
    await page.setInputFiles('#sheet-file', write('doctored.txt', lines.join('\n')));
    const sheet = page.locator('#sheet-result .verdict.bad');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('The sheet does not agree with its own seed.');
    expect(await sheet.innerText()).toContain('Row 5');
    await page.setInputFiles('#pool-file', ZIP);
    const verdict = await replayed(page, 'sheet');
    expect(verdict).toContain('Winner no. 5 differs from the replay.');
    expect(verdict).toContain('row 5 differs in its code and entry');
  });

  it('looks a code up: won, not won (its entries of T), not in this pool', async () => {
    const page = await open();
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', RECORD);
    await replayed(page, 'record');
    const lookup = async (code: string): Promise<string> => {
      await page.fill('#code', code);
      await page.click('#lookup-form button');
      const answer = page.locator(`#lookup-result :text("${code}")`);
      await answer.waitFor();
      return answer.innerText();
    };
    const first = record.winners[0]!;
    expect(await lookup(first.code)).toMatch(
      new RegExp(`^Won: ${first.code} is winner no\\. 1, drawn at entry ${first.entry.toLocaleString('en-US')}`),
    );
    const official = await readOfficialZip(new Uint8Array(readFileSync(ZIP)));
    const loser = [...official.pool.applications()].find((a) => !record.winners.some((w) => w.code === a.code))!.code;
    expect(await lookup(loser)).toMatch(new RegExp(`^Not won: ${loser} was in the pool with \\d+ of 10,973 entries`));
    expect(await lookup('0000000000000')).toBe('Not in this pool: 0000000000000.');
    await page.fill('#code', '12345');
    await page.click('#lookup-form button');
    await page.locator('#lookup-result .problem').waitFor();
    expect(await text(page, '#lookup-result')).toContain('is not 13 decimal digits');
  });

  it('says in Chinese what it says in English', async () => {
    const page = await open('zh');
    expect(await text(page, 'h1')).toBe('核验已公布的摇号结果');
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', RECORD);
    expect(await replayed(page, 'record')).toContain('核验通过：全部 40 名中签者，顺序和基数序号都一致。');
    await page.click('#language');
    expect(await replayed(page, 'record')).toContain('Verified: all 40 winners');
  });

  it('keeps working after hostile files: each gets a message, never a blank page or a hung tab', async () => {
    const page = await open();
    // The problem a section shows for a file (a previous file's problem may still be on screen).
    const problem = async (section: string, file: string): Promise<string> => {
      const shown = page.locator(`#${section} .problem`, { hasText: file });
      await shown.waitFor();
      return shown.innerText();
    };
    // Not a zip at all, though named like one; the example zip with its directory cut off.
    await page.setInputFiles('#pool-file', write('broken.zip', 'PK\u0003\u0004 not really a zip'));
    expect(await problem('pool-result', 'broken.zip')).toContain('broken.zip: ');
    const zip = readFileSync(ZIP);
    await page.setInputFiles('#pool-file', write('cut.zip', zip.subarray(0, zip.length - 30)));
    expect(await problem('pool-result', 'cut.zip')).toContain('cut.zip: ');
    // A record that is not JSON, and a sheet that is not text.
    await page.setInputFiles('#record-file', write('record.json', '{"format": "yaohao-record/1", '));
    expect(await problem('replay-result', 'record.json')).toContain('not valid JSON');
    await page.setInputFiles('#sheet-file', write('sheet.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41])));
    expect(await problem('sheet-result', 'sheet.txt')).toContain('not UTF-8 text');
    // A CSV of draw counts read as explicit weights: refused, with the hint to choose a policy.
    await page.setInputFiles('#pool-file', write('pool.csv', 'code,draws\n1000000000001,7\n1000000000002,13\n'));
    expect(await problem('pool-result', 'pool.csv')).toContain('choose the policy above');
    await page.selectOption('#policy', 'beijing2016');
    await page.locator('#pool-result dl').waitFor();
    expect(await text(page, '#pool-result')).toMatch(/Entries \(T, 基数序号总数\)\s+5\n/); // ceil(7 / 6) + ceil(13 / 6)
    // Still responsive: the example verifies after all that.
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', RECORD);
    expect(await replayed(page, 'record')).toContain('Verified: all 40 winners');
    expect(browser.blocked).toEqual([]);
  });

  it('reads the same pool as JSON Lines (explicit weights) and verifies the same record', async () => {
    const official = await readOfficialZip(new Uint8Array(readFileSync(ZIP)));
    const lines = [...official.pool.applications()].map((a) => JSON.stringify({ code: a.code, weight: a.weight }));
    const page = await open();
    await page.setInputFiles('#pool-file', write('pool.jsonl', `${lines.reverse().join('\n')}\n`));
    await page.setInputFiles('#record-file', RECORD);
    expect(await replayed(page, 'record')).toContain('Verified: all 40 winners');
    expect(await text(page, '#pool-result')).toContain(record.pool.digest);
  });

  it('stays responsive while a big file is read in its worker, and stops when asked', async () => {
    // 1,000,000 records (about 36 MB): long enough to act while it is read.
    const line = (i: number): string => `{"code":"${String(1_000_000_000_000 + i)}","weight":${1 + (i % 5)}}\n`;
    const big = write('big.jsonl', Array.from({ length: 1_000_000 }, (_, i) => line(i)).join(''));
    const page = await open();
    await page.setInputFiles('#pool-file', big);
    await page.locator('#progress-row').waitFor();
    await page.click('#language'); // the page answers at once: its labels change while the worker reads
    expect(await text(page, 'h1')).toBe('核验已公布的摇号结果');
    expect(await page.locator('#progress-row').isVisible()).toBe(true);
    await page.click('#cancel');
    expect(await text(page, '#pool-status')).toBe('已停止。重新选择该文件即可再次读取。');
    expect(await page.locator('#progress-row').isHidden()).toBe(true);
    // A new worker takes over: the example still verifies.
    await page.setInputFiles('#pool-file', ZIP);
    await page.setInputFiles('#record-file', RECORD);
    expect(await replayed(page, 'record')).toContain('核验通过');
  });

  it('reported no Content-Security-Policy violation, no page error and no request in any of the above', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });
});
