// Result sheets: yaohao's own sheet of a genuine draw is always accepted by its own check; header
// figures are plain decimals given once; malformed sheets of any bytes are refused with
// YaohaoError only, in bounded work (a 9-line sheet claiming T = 2^31 − 1, 200,000 flat rows).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPublishedSheet,
  createPool,
  drawLottery,
  formatResultSheet,
  isYaohaoError,
  LegacyDotNetRandom,
  parseResultSheet,
  presets,
  sheetWorkLimit,
  YaohaoError,
  type AuditRecord,
} from '../../src/index';

const code = (i: number): string => String(1_000_000_000_000 + i * 7919).padStart(13, '0');

// Strings a sheet line cannot carry as they are: spaces at the ends, line breaks, control
// characters, quotes, full-width colons and spaces, astral characters.
const awkward = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    ' seed',
    'seed ',
    'a\nb',
    'a\r\nb',
    '\t',
    '"quoted"',
    '"',
    'a：b',
    '\u3000x\u3000',
    '种子 数',
    '😀',
    '\u0000',
    '\u2028',
  ),
);
const wellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

const drawArb = fc.record({
  weights: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 40 }),
  quota: fc.integer({ min: 1, max: 45 }),
  legacy: fc.boolean(),
  legacySeed: fc.integer({ min: 0, max: 2147483647 }).map((n) => String(n).padStart(6, '0')),
  seed: awkward.filter((s) => s !== '' && wellFormed(s)),
  label: awkward.filter(wellFormed),
  period: fc.option(awkward.filter(wellFormed), { nil: undefined }),
});

function drawOf(d: typeof drawArb extends fc.Arbitrary<infer T> ? T : never): AuditRecord | undefined {
  const pool = createPool(
    d.weights.map((weight, i) => ({ code: code(i), weight })),
    { policy: presets.explicit },
  );
  try {
    return drawLottery(
      pool,
      d.legacy
        ? { quota: d.quota, seed: d.legacySeed, generator: 'legacy' }
        : { quota: d.quota, seed: d.seed, generator: 'default', label: d.label },
    ).record;
  } catch (error) {
    if (isYaohaoError(error) && error.issues[0]!.code === 'draw_exhausted') return undefined; // legacy, tiny pools
    throw error;
  }
}

describe('draw → sheet → check-sheet', () => {
  it('accepts yaohao’s own sheet of every genuine draw, and reads back seed, label and period exactly', () => {
    fc.assert(
      fc.property(drawArb, (d) => {
        const record = drawOf(d);
        fc.pre(record !== undefined);
        const text = formatResultSheet(record, d.period === undefined ? {} : { period: d.period });
        const { sheet, meta } = parseResultSheet(text);
        expect(sheet.seed).toBe(record.seed);
        if (!d.legacy) expect(sheet.label).toBe(record.label);
        if (d.period !== undefined) expect(meta.fields.find((f) => f.label === '分期编号')?.value).toBe(d.period);
        const verdict = checkPublishedSheet(sheet);
        expect(verdict).toMatchObject({ ok: true });
        // A flat pool's sheet is also consistent when checked as flat.
        if (d.weights.every((w) => w === 1)) expect(checkPublishedSheet({ ...sheet, pool: 'flat' }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts the cases it used to reject: quota = codes < T, an empty pool, seeds with spaces', () => {
    const weighted = createPool(
      [
        { code: code(1), weight: 3 },
        { code: code(2), weight: 1 },
      ],
      { policy: presets.explicit },
    );
    const empty = createPool([], { policy: presets.explicit });
    for (const [pool, options] of [
      [weighted, { quota: 2, seed: '1', generator: 'default' }],
      [weighted, { quota: 2, seed: '000001', generator: 'legacy' }],
      [empty, { quota: 5, seed: 'x', generator: 'default' }],
      [weighted, { quota: 1, seed: '  two  spaces  ', generator: 'default', label: ' l ' }],
    ] as const) {
      const { record } = drawLottery(pool, options);
      expect(checkPublishedSheet(parseResultSheet(formatResultSheet(record)).sheet)).toMatchObject({ ok: true });
    }
  });

  it('refuses a title or description the sheet could not carry', () => {
    const { record } = drawLottery(createPool([{ code: code(1), weight: 1 }], { policy: presets.explicit }), {
      quota: 1,
      seed: 's',
      generator: 'default',
    });
    for (const title of ['', ' x', 'a\nb', 'a: b', '序号', '-中签详细列表数据-', '12 345'])
      expect(() => formatResultSheet(record, { title })).toThrow(YaohaoError);
  });
});

const HEADER = ['北京市小客车指标调控管理信息系统', '指标配置结果'];
const sheetText = (fields: string[], rows: string[] = []): string =>
  [...HEADER, ...fields, '-中签详细列表数据-', '序号 摇号基数序号 申请编码', ...rows, '-中签详细列表数据完成-'].join(
    '\n',
  );
function issuesOf(text: string): { code: string; path: unknown[]; line?: number }[] {
  try {
    parseResultSheet(text);
    return [];
  } catch (error) {
    if (!(error instanceof YaohaoError)) throw error;
    return error.issues.map((i) => ({
      code: i.code,
      path: [...i.path],
      ...(i.line === undefined ? {} : { line: i.line }),
    }));
  }
}

describe('sheet headers', () => {
  const seed = '指标配置种子数：033859';
  it('takes plain decimal figures only', () => {
    for (const bad of ['0x2add', '10973e0', '1e3', '+5', '-5', '07', '1,000', '1 000', '１２'])
      expect(issuesOf(sheetText([`基数序号总数：${bad}`, '指标配置总数：1', seed]))).toEqual([
        { code: 'invalid_value', path: ['sheet', 'total entries'], line: 3 },
      ]);
  });

  it('refuses a figure given twice with different values, accepts it repeated', () => {
    expect(issuesOf(sheetText(['基数序号总数：10', '有效申请编码总数：11', '指标配置总数：1', seed]))).toEqual([
      { code: 'invalid_value', path: ['sheet', 'total entries'], line: 4 },
    ]);
    expect(issuesOf(sheetText(['基数序号总数：10', '有效申请编码总数：10', '指标配置总数：1', seed], []))).toEqual([]);
    expect(issuesOf(sheetText(['基数序号总数：10', '指标配置总数：1', seed, '种子数：033860']))).toEqual([
      { code: 'invalid_value', path: ['sheet', 'seed'], line: 6 },
    ]);
  });

  it('names an empty seed, a quota of 0, T = 0 with rows, an unknown generator, by field and line', () => {
    expect(issuesOf(sheetText(['基数序号总数：10', '指标配置总数：1', '指标配置种子数：']))).toEqual([
      { code: 'invalid_seed', path: ['sheet', 'seed'], line: 5 },
    ]);
    expect(issuesOf(sheetText(['基数序号总数：10', '指标配置总数：0', seed]))).toEqual([
      { code: 'invalid_quota', path: ['sheet', 'quota'], line: 4 },
    ]);
    expect(issuesOf(sheetText(['基数序号总数：0', '指标配置总数：1', seed], ['1 1 1000000000001']))).toEqual([
      { code: 'invalid_value', path: ['sheet', 'total entries'], line: 3 },
    ]);
    expect(issuesOf(sheetText(['基数序号总数：10', '指标配置总数：1', seed, 'generator：mt19937']))).toEqual([
      { code: 'unknown_generator', path: ['sheet', 'generator'], line: 6 },
    ]);
  });
});

describe('bounded work on any sheet', () => {
  it('a 9-line sheet claiming T = 2^31 − 1 ends with a verdict, within the work limit, in bounded memory', () => {
    const text = sheetText(
      ['基数序号总数：2147483647', '指标配置总数：1', '指标配置种子数：033859'],
      ['1 2147483000 1000000000001'],
    );
    expect(text.split('\n')).toHaveLength(9);
    const verdict = checkPublishedSheet(parseResultSheet(text).sheet);
    expect(verdict).toMatchObject({ ok: false, reason: 'work-limit' });
    expect(sheetWorkLimit(1)).toBe(2 ** 22);
  });

  it('keeps at most 1,000 unverified skips, and counts the rest', () => {
    // Row 2 is the seed's 1,500th-or-later pick: every pick between is an entry no row shows, which
    // is legitimate if it belongs to row 1's code (a heavy one). The sheet is consistent.
    const total = 1_000_000;
    const random = new LegacyDotNetRandom(1);
    const entries: number[] = [];
    for (;;) {
      const entry = random.nextBelow(total) + 1;
      if (entries.length >= 1500 && !entries.includes(entry)) {
        entries.push(entry);
        break;
      }
      entries.push(entry);
    }
    const first = entries[0]!;
    const skipped = entries.slice(1, -1).filter((e) => e !== first).length;
    const verdict = checkPublishedSheet({
      seed: '1',
      totalEntries: total,
      quota: 2,
      rows: [
        { code: code(1), entry: first },
        { code: code(2), entry: entries[entries.length - 1]! },
      ],
    });
    expect(verdict).toMatchObject({ ok: true, mode: 'entries', unverifiedSkipCount: skipped });
    expect((verdict as { unverifiedSkips?: unknown[] }).unverifiedSkips).toHaveLength(1000);
  });

  it('checks a flat sheet of 200,000 rows in one pass, and finds a misplaced code among them', () => {
    const n = 400_000;
    const pool = createPool(
      Array.from({ length: n }, (_, i) => ({ code: String(1_000_000_000_000 + i * 3), weight: 1 })),
      { policy: presets.explicit },
    );
    const { record } = drawLottery(pool, { quota: 200_000, seed: 'flat', generator: 'default' });
    const rows = record.winners.map(({ code, entry }) => ({ code, entry }));
    const sheet = {
      seed: 'flat',
      generator: 'default' as const,
      totalEntries: n,
      quota: 200_000,
      pool: 'flat' as const,
    };
    expect(checkPublishedSheet({ ...sheet, rows })).toMatchObject({ ok: true, mode: 'entries' });
    // Code-only (Guangzhou layout): the same draw, codes checked against the entries they must have.
    expect(checkPublishedSheet({ ...sheet, rows: rows.map(({ code }) => ({ code })) })).toMatchObject({
      ok: true,
      mode: 'codes',
    });
    // Two rows late in the draw trade codes: the later one no longer fits its entry.
    const swapped = rows.map((row) => ({ ...row }));
    const [a, b] = [150_000, 190_000];
    [swapped[a]!.code, swapped[b]!.code] = [swapped[b]!.code, swapped[a]!.code];
    const verdict = checkPublishedSheet({ ...sheet, rows: swapped });
    expect(verdict).toMatchObject({ ok: false, reason: 'code-order' });
    expect([a, b]).toContain((verdict as { position?: number }).position);
  });
});

describe('the sheet parser on malformed bytes', () => {
  const line = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(
      '基数序号总数：',
      '指标配置总数：',
      '指标配置种子数：',
      'generator：default',
      'label："',
      '-中签详细列表数据-',
      '-中签详细列表数据完成-',
      '序号 摇号基数序号 申请编码',
      '序号 申请编码 姓名',
      '-3-',
      '\uFEFF',
    ),
    fc
      .tuple(
        fc.constantFrom('基数序号总数', '指标配置总数', '指标配置种子数', '种子数'),
        fc.oneof(fc.nat(), fc.string()),
      )
      .map(([label, value]) => `${label}：${String(value)}`),
    fc
      .tuple(fc.nat(20), fc.oneof(fc.nat(30), fc.bigInt({ min: 0n, max: 10n ** 30n })), fc.nat())
      .map(([i, e, c]) => `${i} ${String(e)} ${String(c).padStart(13, '0').slice(0, 13)}`),
  );
  it('either reads a sheet whose check gives a verdict, or throws YaohaoError naming lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        let parsed: ReturnType<typeof parseResultSheet> | undefined;
        try {
          parsed = parseResultSheet(lines.join(eol));
        } catch (error) {
          if (!(error instanceof YaohaoError)) throw error;
          expect(error.issues.length).toBeGreaterThan(0);
          expect(error.issues.length).toBeLessThanOrEqual(100);
          return;
        }
        const verdict = checkPublishedSheet(parsed.sheet);
        expect(typeof verdict.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('reads bytes that are not UTF-8 (decoded with replacement characters) without a non-YaohaoError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        try {
          checkPublishedSheet(parseResultSheet(text).sheet);
        } catch (error) {
          if (!(error instanceof YaohaoError)) throw error;
        }
      }),
    );
  });
});
