import { describe, expect, it } from 'vitest';
import { checkPublishedSheet, createPool, drawLottery, presets, type PublishedSheet } from '../../src/index';

const weighted = createPool(
  Array.from({ length: 400 }, (_, i) => ({
    code: String(1_234_000_000_000 + i * 1_733).padStart(13, '0'),
    draws: (i * 37) % 60,
  })),
  { policy: presets.beijing2016 },
);
const flat = createPool(
  Array.from({ length: 500 }, (_, i) => ({ code: String(2_000_000_000_000 + i * 977).padStart(13, '0') })),
  { policy: presets.beijing2011 },
);

function sheetOf(
  pool: typeof weighted,
  quota: number,
  seed: string,
  withEntries: boolean,
): PublishedSheet & { rows: { entry?: number; code: string }[] } {
  const { winners } = drawLottery(pool, { quota, seed, generator: 'legacy' });
  return {
    seed,
    totalEntries: pool.totalEntries,
    quota,
    rows: winners.map((w) => (withEntries ? { entry: w.entry, code: w.code } : { code: w.code })),
  };
}

describe('checkPublishedSheet with entry numbers (Beijing)', () => {
  it('accepts an honest weighted sheet; picks of an already-won entry are provably legitimate', () => {
    for (const seed of ['000001', '033859', '654321', '999999']) {
      const verdict = checkPublishedSheet(sheetOf(weighted, 60, seed, true));
      expect(verdict).toMatchObject({ ok: true, mode: 'entries' });
    }
  });
  it('lists skipped picks it cannot prove without the pool (another entry of an earlier winner)', () => {
    const verdicts = ['1', '2', '3', '4', '5', '6', '7', '8'].map((seed) =>
      checkPublishedSheet(sheetOf(weighted, 150, seed, true)),
    );
    const withSkips = verdicts.find((v) => v.ok && v.unverifiedSkips.length > 0);
    expect(withSkips).toBeDefined();
    for (const verdict of verdicts) expect(verdict.ok).toBe(true);
  });
  it('finds a changed entry at its row', () => {
    const sheet = sheetOf(weighted, 60, '033859', true);
    const used = new Set(sheet.rows.map((r) => r.entry));
    let replacement = sheet.rows[17]!.entry!;
    while (used.has(replacement)) replacement = (replacement % weighted.totalEntries) + 1;
    sheet.rows[17] = { ...sheet.rows[17]!, entry: replacement };
    const verdict = checkPublishedSheet(sheet);
    expect(verdict.ok).toBe(false);
    // Without the pool a skipped pick may be another entry of an earlier winner, so the sheet can
    // only be caught where it becomes impossible; the message points back at the first unexplained pick.
    if (!verdict.ok) expect(verdict.position).toBeGreaterThanOrEqual(17);
  });
  it('finds two rows swapped', () => {
    const sheet = sheetOf(weighted, 60, '033859', true);
    [sheet.rows[5], sheet.rows[6]] = [sheet.rows[6]!, sheet.rows[5]!];
    expect(checkPublishedSheet(sheet)).toMatchObject({ ok: false, reason: 'skipped-winner', position: 5 });
  });
  it('finds a wrong seed, count or repeated code', () => {
    const sheet = sheetOf(weighted, 60, '033859', true);
    expect(checkPublishedSheet({ ...sheet, seed: '033860' }).ok).toBe(false);
    expect(checkPublishedSheet({ ...sheet, quota: 61 })).toMatchObject({ ok: false, reason: 'wrong-count' });
    expect(
      checkPublishedSheet({
        ...sheet,
        rows: [...sheet.rows.slice(0, 59), { ...sheet.rows[59]!, code: sheet.rows[0]!.code }],
      }),
    ).toMatchObject({ ok: false, reason: 'repeated-code', position: 59 });
    expect(checkPublishedSheet({ ...sheet, seed: 'abc' })).toMatchObject({ ok: false, reason: 'invalid-seed' });
  });
  it('a flat pool with entry numbers also ties codes to entries', () => {
    const sheet = { ...sheetOf(flat, 40, '123456', true), pool: 'flat' as const };
    const [a, b] = [sheet.rows[3]!, sheet.rows[9]!];
    sheet.rows[3] = { entry: a.entry!, code: b.code };
    sheet.rows[9] = { entry: b.entry!, code: a.code };
    expect(checkPublishedSheet(sheet)).toMatchObject({ ok: false, reason: 'code-order' });
  });
  it('a flat pool allows no unexplained skips', () => {
    const sheet = { ...sheetOf(flat, 40, '123456', true), pool: 'flat' as const };
    expect(checkPublishedSheet(sheet)).toMatchObject({ ok: true, unverifiedSkips: [] });
    sheet.rows.splice(10, 1);
    sheet.quota = 39;
    expect(checkPublishedSheet(sheet)).toMatchObject({ ok: false, reason: 'unexplained-skip', position: 10 });
  });
  it('matches the spec’s weighted example (§10): pick 7 repeats code 5000… and is thrown away', () => {
    const verdict = checkPublishedSheet({
      seed: '100000',
      totalEntries: 9,
      quota: 2,
      rows: [
        { entry: 3, code: '5000100000003' },
        { entry: 6, code: '2345100000002' },
      ],
    });
    expect(verdict).toMatchObject({ ok: true, picks: 3, rejectedPicks: 0, unverifiedSkips: [{ pick: 2, entry: 7 }] });
  });
});

describe('checkPublishedSheet with codes only (Guangzhou, Shenzhen: flat pools)', () => {
  it('accepts an honest sheet', () => {
    for (const seed of ['000001', '482913', '999999'])
      expect(checkPublishedSheet(sheetOf(flat, 45, seed, false))).toMatchObject({ ok: true, mode: 'codes' });
  });
  it('finds codes that do not rise with their entries', () => {
    const sheet = sheetOf(flat, 45, '482913', false);
    [sheet.rows[3], sheet.rows[30]] = [sheet.rows[30]!, sheet.rows[3]!];
    expect(checkPublishedSheet(sheet)).toMatchObject({ ok: false, reason: 'code-order' });
  });
  it('finds a code replaced by another that cannot sit at that entry', () => {
    const sheet = sheetOf(flat, 45, '482913', false);
    sheet.rows[0] = { code: '0000000000001' };
    const verdict = checkPublishedSheet(sheet);
    expect(verdict).toMatchObject({ ok: false, reason: 'code-order' });
  });
});

describe('checkPublishedSheet: allocate-all and malformed sheets', () => {
  it('accepts quota ≥ T with every code in order', () => {
    const small = createPool([{ code: '0000000000003' }, { code: '0000000000001' }], { policy: presets.beijing2011 });
    const { winners } = drawLottery(small, { quota: 5, seed: '1', generator: 'legacy' });
    expect(
      checkPublishedSheet({
        seed: '1',
        totalEntries: 2,
        quota: 5,
        rows: winners.map((w) => ({ entry: w.entry, code: w.code })),
      }),
    ).toMatchObject({ ok: true, mode: 'all' });
  });
  it('rejects sheets that do not match the schema', () => {
    expect(checkPublishedSheet({ seed: '1', totalEntries: -1, quota: 1, rows: [] })).toMatchObject({
      ok: false,
      reason: 'malformed-sheet',
    });
    // T = 0 is an empty pool: nobody to allocate, and no row may appear.
    expect(checkPublishedSheet({ seed: '1', totalEntries: 0, quota: 1, rows: [] })).toMatchObject({
      ok: true,
      mode: 'all',
    });
    expect(
      checkPublishedSheet({ seed: '1', totalEntries: 0, quota: 1, rows: [{ code: '1000000000001', entry: 1 }] }).ok,
    ).toBe(false);
    expect(checkPublishedSheet({ seed: '1', totalEntries: 10, quota: 1, rows: [{ code: '1' }] })).toMatchObject({
      ok: false,
      reason: 'malformed-sheet',
    });
  });
});
