import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  JsonLinesPoolParser,
  presets,
  safeCreatePool,
  type Issue,
  type Policy,
  YaohaoError,
} from '../../src/index';
import { outcome, type Outcome } from '../support/poolOutcome';

const encoder = new TextEncoder();

function parseJsonLines(
  text: string | Uint8Array,
  policy: Policy,
  cuts: number[] = [],
): ReturnType<JsonLinesPoolParser['finish']> {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const parser = new JsonLinesPoolParser({ policy });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(at, Math.max(at, Math.min(cut, bytes.length))));
    at = Math.max(at, Math.min(cut, bytes.length));
  }
  parser.push(bytes.subarray(at));
  return parser.finish();
}

function issuesOfLines(text: string, policy: Policy = presets.beijing2016): readonly Issue[] {
  try {
    parseJsonLines(text, policy);
  } catch (error) {
    if (error instanceof YaohaoError) return error.issues;
    throw error;
  }
  throw new Error('expected failure');
}

const codeArb = fc.stringMatching(/^[0-9]{13}$/);
const space = fc.constantFrom('', ' ', '  ', '\t');

// A record rendered as a JSON line in many legal spellings: any key order, whitespace, escapes.
const line = fc
  .record({
    code: codeArb,
    draws: fc.nat(200),
    c5: fc.option(fc.boolean(), { nil: undefined }),
    kind: fc.option(fc.constant('individual'), { nil: undefined }),
    order: fc.integer({ min: 0, max: 23 }),
    pad: fc.array(space, { minLength: 8, maxLength: 8 }),
    escapeKey: fc.boolean(),
    exponent: fc.boolean(),
  })
  .map((r) => {
    const fields: [string, string][] = [
      [r.escapeKey ? 'co\\u0064e' : 'code', JSON.stringify(r.code)],
      ['draws', r.exponent && r.draws > 0 ? `${r.draws}e0` : String(r.draws)],
    ];
    if (r.c5 !== undefined) fields.push(['c5', String(r.c5)]);
    if (r.kind !== undefined) fields.push(['kind', JSON.stringify(r.kind)]);
    const rotated = fields.map((_, i) => fields[(i + r.order) % fields.length]!);
    const [a, b, c, d, e, f, g, h] = r.pad as [string, string, string, string, string, string, string, string];
    return {
      text: `${a}{${b}${rotated.map(([k, v]) => `"${k}"${c}:${d}${v}`).join(`${e},${f}`)}${g}}${h}`,
      record: { code: r.code, draws: r.draws, ...(r.c5 === undefined ? {} : { c5: r.c5 }) },
    };
  });

describe('JsonLinesPoolParser', () => {
  it('builds the same pool as createPool on the parsed records, however the lines are spelled and the bytes are chunked', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { selector: (l) => l.record.code, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(3000), { maxLength: 6 }),
        (lines, newline, cuts) => {
          const text = lines.map((l) => l.text).join(newline) + (lines.length > 0 ? newline : '');
          const fromLines = parseJsonLines(text, presets.beijing2016, cuts);
          const fromRecords = createPool(
            lines.map((l) => l.record),
            { policy: presets.beijing2016 },
          );
          expect(commitPool(fromLines)).toEqual(commitPool(fromRecords));
        },
      ),
    );
  });

  it('reports bad lines with their line numbers, like the record reader does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            line.map((l) => l.text),
            fc.string(),
            fc.constant('{"code":"12","draws":1}'),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (texts) => {
          const text = texts.join('\n');
          const records: unknown[] = [];
          const syntax: number[] = [];
          texts.forEach((t, i) => {
            if (t.trim() === '') return;
            try {
              records.push(JSON.parse(t));
            } catch {
              syntax.push(i + 1);
              records.push(Symbol('unparseable'));
            }
          });
          const policy: Policy = presets.beijing2016;
          const expected = safeCreatePool(records, { policy });
          let actual: readonly Issue[] = [];
          try {
            parseJsonLines(text, presets.beijing2016);
          } catch (error) {
            actual = (error as YaohaoError).issues;
          }
          if (expected.success) expect(actual).toEqual([]);
          else {
            // Same problems at the same record indexes; file input also carries 1-based lines.
            const nonSyntax = actual.filter((i) => i.code !== 'invalid_syntax');
            const expectedIssues = expected.issues.filter(
              (i) =>
                !(i.code === 'invalid_type' && i.path.length === 1 && typeof records[i.path[0] as number] === 'symbol'),
            );
            expect(nonSyntax.map((i) => [i.code, i.path])).toEqual(expectedIssues.map((i) => [i.code, i.path]));
            expect(actual.filter((i) => i.code === 'invalid_syntax').map((i) => i.line)).toEqual(syntax);
            for (const issue of actual) expect(issue.line).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('names the line of each problem', () => {
    const text = [
      '{"code":"1111111111111","draws":1}',
      '',
      '{"code":"12345","draws":1}',
      'not json',
      '{"code":"1111111111111","draws":2}',
    ].join('\n');
    expect(issuesOfLines(text).map((i) => [i.line, i.code, i.path])).toEqual([
      [3, 'invalid_code', [1, 'code']],
      [4, 'invalid_syntax', [2]],
      [5, 'duplicate_code', [3, 'code']],
    ]);
    expect(issuesOfLines(text)[2]).toMatchObject({ relatedLine: 1, relatedPath: [0] });
  });

  it('skips a byte order mark, blank lines and a missing final newline', () => {
    const pool = parseJsonLines(
      '\uFEFF{"code":"1111111111111","draws":7}\n\n  \n{"code":"2222222222222","draws":0}',
      presets.beijing2016,
    );
    expect(pool.size).toBe(2);
    expect(pool.weightOf('1111111111111')).toBe(2);
  });

  it('skips a byte order mark only at the start of the file, not at the start of a later line', () => {
    // A decoder drops a mark at the start of whatever it is given: each line must not be given one.
    for (const [policy, first, second] of [
      [presets.beijing2016, '{"code":"1111111111111","draws":1}', '{"code":"2222222222222","draws":1}'],
      [
        presets.beijing2024,
        '{"code":"1111111111111","personId":"a","steps":1}',
        '{"code":"2222222222222","personId":"b","steps":1}',
      ],
    ] as const) {
      expect(parseJsonLines(`\uFEFF${first}\n${second}`, policy).size).toBe(2);
      for (const text of [`${first}\n\uFEFF${second}`, `\uFEFF\uFEFF${first}\n${second}`])
        expect(issuesOfLines(text, policy).map((i) => [i.code, i.line, i.message.slice(0, 25)])).toEqual([
          ['invalid_syntax', text.startsWith('\uFEFF\uFEFF') ? 1 : 2, 'not a valid JSON line (Un'],
        ]);
    }
  });

  it('rejects invalid UTF-8 as a syntax problem', () => {
    const bytes = new Uint8Array([
      ...encoder.encode('{"code":"1111111111111","draws":1,"x":"'),
      0xff,
      ...encoder.encode('"}\n'),
    ]);
    expect(() => parseJsonLines(bytes, presets.beijing2016)).toThrow(/line 1: not a valid JSON line/);
  });

  it('reads explicit weights and kinds', () => {
    const pool = parseJsonLines(
      '{"code":"1111111111111","weight":12,"kind":"family"}\n{"kind":"unit","weight":1,"code":"0000000000009"}\n',
      presets.explicit,
    );
    expect([...pool.applications()]).toEqual([
      { code: '0000000000009', weight: 1, kind: 'unit' },
      { code: '1111111111111', weight: 12, kind: 'family' },
    ]);
  });

  it('reads long runs of template lines exactly as line by line: pool, issues and their lines', () => {
    // 12,000 lines (runs are read 4,096 at a time) with blank lines, bad lines and repeated codes
    // among them; the same records spelled with a space after `{` are never template lines.
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      const code = String(((i * 7_919_101) % 9_000_000_000_000) + 1_000_000_000_000);
      if (i % 997 === 5) lines.push('');
      else if (i % 2_503 === 7) lines.push(`{"code":"${code.slice(1)}","draws":3}`);
      else if (i % 3_001 === 11) lines.push(`{"code":"${lines[10]!.slice(9, 22)}","draws":${i % 50}}`);
      else if (i % 4_093 === 2) lines.push(`{"code":"${code}","draws":${i % 50},"c5":true}`);
      else lines.push(`{"code":"${code}","draws":${i % 50}}`);
    }
    const spelledOut = lines.map((l) => (l === '' ? l : `{ ${l.slice(1)}`));
    const read = (text: string, cuts: number[]): Outcome =>
      outcome(() => parseJsonLines(text, presets.beijing2016, cuts));
    const templates = read(lines.join('\n'), [100_000, 100_017, 250_000]);
    const codes = 'issues' in templates ? templates.issues.map((i) => i.code) : [];
    expect(codes).toContain('duplicate_code');
    expect(codes).toContain('invalid_code');
    expect(templates).toEqual(read(spelledOut.join('\n'), []));
    const clean = lines.filter((l, i) => l !== '' && i % 2_503 !== 7 && i % 3_001 !== 11);
    expect(read(clean.join('\n'), [77_777])).toEqual(read(clean.map((l) => `{ ${l.slice(1)}`).join('\n'), []));
    expect(read(clean.join('\n'), [])).toEqual({
      digest: commitPool(
        createPool(
          clean.map((l) => JSON.parse(l) as { code: string; draws: number }),
          { policy: presets.beijing2016 },
        ),
      ).digest,
    });
  });
});
