import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResultSheet } from '../../src/audit/resultSheetText';
import { createPool, drawLottery, presets, readOfficialZip, verifySheet, type PublishedSheet } from '../../src/index';

const AUDITOR = join(import.meta.dirname, '..', '..', 'examples', 'auditor');
const official = await readOfficialZip(new Uint8Array(readFileSync(join(AUDITOR, 'bjPersonCommon202406.zip'))));
const { sheet } = parseResultSheet(readFileSync(join(AUDITOR, 'result-202406.txt'), 'utf8'));
const record = JSON.parse(readFileSync(join(AUDITOR, 'record-202406.json'), 'utf8')) as { digest: string };

type Rows = { entry?: number | undefined; code: string }[];
const withRows = (change: (rows: Rows) => void): PublishedSheet => {
  const rows = sheet.rows.map((row) => ({ ...row }));
  change(rows);
  return { ...sheet, rows };
};

describe('verifySheet: a published sheet replayed against its pool', () => {
  it('replays the example sheet: every row, in order; the replayed draw is the published record', () => {
    const verdict = verifySheet(sheet, official.pool);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.record.winners.map(({ code, entry }) => ({ entry, code }))).toEqual(sheet.rows);
    expect(verdict.record.digest).toBe(record.digest);
  });

  it('names the first row that differs, in code or entry', () => {
    const swapped = verifySheet(
      withRows((rows) => ([rows[4], rows[5]] = [rows[5]!, rows[4]!])),
      official.pool,
    );
    expect(swapped).toMatchObject({ ok: false, reason: 'winner-mismatch', position: 4 });
    const entry = verifySheet(
      withRows((rows) => (rows[9]!.entry! += 1)),
      official.pool,
    );
    expect(entry).toMatchObject({ ok: false, reason: 'winner-mismatch', position: 9 });
    if (!entry.ok)
      expect(entry.message).toBe(
        `row 10 differs in its entry: replay (generator legacy, seed "033859", label "", quota 40) gives ${sheet.rows[9]!.code} at entry ${sheet.rows[9]!.entry}, the sheet says ${sheet.rows[9]!.code} at entry ${sheet.rows[9]!.entry! + 1}`,
      );
  });

  it('counts rows: missing and extra winners', () => {
    expect(verifySheet({ ...sheet, rows: sheet.rows.slice(0, 39) }, official.pool)).toMatchObject({
      ok: false,
      reason: 'missing-winner',
      position: 39,
    });
    const extra = { ...sheet, rows: [...sheet.rows, { entry: 1, code: '0000000000001' }] };
    expect(verifySheet(extra, official.pool)).toMatchObject({ ok: false, reason: 'extra-winner', position: 40 });
  });

  it('refuses a sheet of another pool, a seed the generator cannot take, and a malformed sheet', () => {
    expect(verifySheet({ ...sheet, totalEntries: 10_972 }, official.pool)).toMatchObject({
      ok: false,
      reason: 'pool-mismatch',
      message: 'the sheet says T = 10972 entries, but this pool has 10973: it is the sheet of another pool',
    });
    expect(verifySheet({ ...sheet, seed: 'not digits' }, official.pool)).toMatchObject({
      ok: false,
      reason: 'replay-failed',
    });
    const malformed = verifySheet({ ...sheet, quota: 0 }, official.pool);
    expect(malformed).toMatchObject({ ok: false, reason: 'malformed-sheet' });
    if (!malformed.ok) expect(malformed.issues?.[0]?.path).toEqual(['sheet', 'quota']);
  });

  it('checks code-only rows (flat pools) by code, and the default generator with its label', () => {
    const flat = createPool(
      Array.from({ length: 300 }, (_, i) => ({ code: String(3_000_000_000_000 + i * 131) })),
      { policy: presets.beijing2011 },
    );
    const { record: drawn } = drawLottery(flat, { quota: 12, seed: 'beacon 42', generator: 'default', label: 'x' });
    const published = {
      seed: 'beacon 42',
      generator: 'default' as const,
      label: 'x',
      totalEntries: 300,
      quota: 12,
      rows: drawn.winners.map((w) => ({ code: w.code })),
    };
    expect(verifySheet(published, flat)).toMatchObject({ ok: true, record: { digest: drawn.digest } });
    expect(verifySheet({ ...published, label: 'y' }, flat)).toMatchObject({ ok: false, reason: 'winner-mismatch' });
  });
});
