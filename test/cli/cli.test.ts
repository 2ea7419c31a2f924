// End-to-end: the built `yaohao` bin (npm test builds first) on files written by the tests.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, officialHeader } from '../support/zipBytes';
import { CLI, runCli, runCliJson, type CliRun } from '../support/cli';

let dir: string;

const yaohao = (...args: string[]): CliRun => runCli(dir, args);
const json = (args: string[]): Record<string, unknown> => runCliJson(dir, args);
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};
const poolLines = (n: number): string =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      code: String(1_000_000_000_000 + i * 7919),
      draws: i % 40,
      ...(i % 97 === 0 ? { c5: true } : {}),
    }),
  ).join('\n') + '\n';

// The same period export of the 3,000-line test pool, from either file format.
const exportZip = (pool: string, out: string): string[] => [
  'export-zip',
  pool,
  '--policy',
  'beijing2016',
  '--period',
  '202406',
  '--quota',
  '120',
  '--out',
  out,
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-cli-'));
  write('pool.jsonl', poolLines(3000));
  write(
    'pool.csv',
    `code,draws,c5\n${Array.from({ length: 3000 }, (_, i) => `${1_000_000_000_000 + i * 7919},${i % 40},${i % 97 === 0 ? 'true' : ''}`).join('\n')}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(CLI))('yaohao CLI', () => {
  it('round trip, legacy: official zip → commit → draw → sheet → check-sheet → verify', () => {
    const fromJsonl = json(['commit', 'pool.jsonl', '--policy', 'beijing2016']);
    expect(json(['commit', 'pool.csv', '--policy', 'beijing2016'])['commitment']).toEqual(fromJsonl['commitment']);
    const exported = json(exportZip('pool.jsonl', 'pool.zip'));
    expect(exported['md5']).toMatch(/^[0-9a-f]{32}$/);
    const fromZip = json(['commit', 'pool.zip']);
    expect(fromZip['commitment']).toEqual(fromJsonl['commitment']);
    expect(fromZip['md5']).toBe(exported['md5']);
    expect(fromZip['header']).toMatchObject({ periodType: 'PERSONCOMMON', period: '202406', quota: 120 });
    const drawn = yaohao(
      'draw',
      'pool.zip',
      '--quota',
      '120',
      '--seed',
      '033859',
      '--generator',
      'legacy',
      '--out',
      'record.json',
      '--sheet',
      'sheet.txt',
      '--period',
      '202406',
    );
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toContain('120 winners');
    const sheet = yaohao('check-sheet', 'sheet.txt');
    expect(sheet).toMatchObject({ code: 0 });
    expect(sheet.stdout).toContain('ok: consistent with its seed');
    const verified = yaohao('verify', 'pool.zip', 'record.json');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('ok: record.json replays');
    // The same record replays against the JSON Lines pool: the pool is the pool, whatever the file format.
    expect(yaohao('verify', 'pool.jsonl', 'record.json', '--policy', 'beijing2016').code).toBe(0);
  });

  it('round trip, default generator with a label', () => {
    expect(
      yaohao(
        'draw',
        'pool.jsonl',
        '--policy',
        'beijing2016',
        '--quota',
        '50',
        '--seed',
        'beacon 4513224',
        '--label',
        'ordinary/individual',
        '--out',
        'd.json',
        '--sheet',
        'd.txt',
      ).code,
    ).toBe(0);
    const sheet = readFileSync(join(dir, 'd.txt'), 'utf8');
    expect(sheet).toContain('generator：default\nlabel：ordinary/individual\n');
    expect(yaohao('check-sheet', 'd.txt').code).toBe(0);
    expect(yaohao('verify', 'pool.jsonl', 'd.json', '--policy', 'beijing2016').code).toBe(0);
  });

  it('writes byte-stable zips and sheets', () => {
    yaohao(...exportZip('pool.jsonl', 'again.zip'));
    yaohao(...exportZip('pool.csv', 'third.zip'));
    const a = readFileSync(join(dir, 'again.zip'));
    expect(readFileSync(join(dir, 'third.zip')).equals(a)).toBe(true);
    yaohao(
      'draw',
      'pool.zip',
      '--quota',
      '120',
      '--seed',
      '033859',
      '--generator',
      'legacy',
      '--sheet',
      'sheet2.txt',
      '--period',
      '202406',
    );
    expect(readFileSync(join(dir, 'sheet2.txt'), 'utf8')).toBe(readFileSync(join(dir, 'sheet.txt'), 'utf8'));
  });

  it('prints JSON Schemas generated from the zod schemas', () => {
    const all = json(['schema']);
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining(['individual', 'explicit', 'family', 'policy', 'record', 'sheet']),
    );
    const record = JSON.parse(yaohao('schema', 'record').stdout) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(record.required).toEqual(expect.arrayContaining(['format', 'seed', 'winners', 'digest']));
    const individual = JSON.parse(yaohao('schema', 'individual').stdout) as {
      properties: { code: { pattern: string } };
    };
    expect(individual.properties.code.pattern).toBe('^[0-9]{13}$');
  });

  it('demo (what npm run demo runs), at a small size', () => {
    const scripts = (
      JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['demo']).toContain('dist/cli.js demo');
    const demo = yaohao('demo', '--size', '20000', '--quota', '100');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/pool {7}20,000 individual applications/);
    expect(demo.stdout).toContain('verify     ok: replay reproduces all 100 winners');
  });

  it('--help everywhere, with examples', () => {
    for (const command of ['commit', 'draw', 'verify', 'check-sheet', 'export-zip', 'schema']) {
      const help = yaohao(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Example/);
    }
  });
});

describe.runIf(existsSync(CLI))(
  'yaohao CLI errors: a message naming the file, the line and the problem; no stack traces',
  () => {
    const expectBadInput = (result: ReturnType<typeof yaohao>, message: RegExp | string): void => {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    };
    it('a bad code in a CSV line', () => {
      const lines = readFileSync(join(dir, 'pool.csv'), 'utf8').split('\n');
      lines[17] = '12345,3,';
      write('bad.csv', lines.join('\n'));
      expectBadInput(
        yaohao('commit', 'bad.csv', '--policy', 'beijing2016'),
        'bad.csv:18: code "12345" is not 13 decimal digits',
      );
    });
    it('a line that is not JSON, and a duplicate code', () => {
      write(
        'bad.jsonl',
        ['{"code":"1111111111111","draws":1}', '{"code":"2222222222222",', '{"code":"1111111111111","draws":2}'].join(
          '\n',
        ),
      );
      const result = yaohao('commit', 'bad.jsonl', '--policy', 'beijing2016');
      expectBadInput(result, /bad\.jsonl:2: not a valid JSON line/);
      expect(result.stderr).toMatch(/bad\.jsonl:3: code 1111111111111 appears twice \(first at line 1\)/);
    });
    it('weights missing without --policy gets a hint', () => {
      expectBadInput(yaohao('commit', 'pool.jsonl'), /hint: .*--policy beijing2016/);
    });
    it('files and options', () => {
      expectBadInput(yaohao('commit', 'missing.jsonl'), 'missing.jsonl: cannot read the file (ENOENT)');
      expectBadInput(yaohao('commit', 'pool.jsonl', '--policy', 'beijing1999'), /"beijing1999" is neither a preset/);
      expectBadInput(
        yaohao('draw', 'pool.zip', '--quota', '10', '--seed', '12ab', '--generator', 'legacy'),
        /legacy generator takes a decimal integer seed/,
      );
      expectBadInput(
        yaohao('draw', 'pool.zip', '--quota', '0', '--seed', '1', '--generator', 'legacy'),
        /--quota: takes a whole number from 1/,
      );
      expectBadInput(yaohao('draw', 'pool.zip', '--quota', 'x', '--seed', '1'), /--quota: takes a whole number/);
      expectBadInput(
        yaohao('draw', 'pool.zip', '--quota', '1', '--seed', '1', '--generator', 'mt'),
        /Allowed choices are legacy, default/,
      );
      expectBadInput(yaohao('frobnicate'), /unknown command 'frobnicate'/);
      expectBadInput(yaohao('verify', 'pool.zip'), /missing required argument 'record'/);
      expectBadInput(yaohao('schema', 'nope'), /unknown schema "nope"/);
      write('pool.txt', 'x');
      expectBadInput(yaohao('commit', 'pool.txt'), /unknown pool format/);
    });
    it('never leaves a partly written output file', () => {
      const before = readdirSync(dir).length;
      expectBadInput(
        yaohao('draw', 'pool.zip', '--quota', '10', '--seed', 'x', '--generator', 'legacy', '--out', 'never.json'),
        /seed/,
      );
      expect(existsSync(join(dir, 'never.json'))).toBe(false);
      expect(
        yaohao(
          'draw',
          'pool.zip',
          '--quota',
          '10',
          '--seed',
          '1',
          '--generator',
          'legacy',
          '--out',
          'no/such/dir/r.json',
        ).code,
      ).toBe(2);
      expect(readdirSync(dir).length).toBe(before);
    });
    it('a broken official zip: wrong layout, missing part, bad header', () => {
      const zipped = (name: string, header: string, rows: string): string => {
        writeFileSync(
          join(dir, name),
          buildZip([
            { name: 'z/bjPersonCommonNumberPeriod202406.csv', content: header },
            { name: 'z/bjPersonCommonApplyNumber202406_0001.csv', content: rows },
          ]),
        );
        return name;
      };
      const rows = '1,2000000000000\n2,1000000000000\n3,3000000000000\n4,1000000000000\n';
      expectBadInput(
        yaohao('commit', zipped('layout.zip', officialHeader(4), rows)),
        /layout\.zip:bjPersonCommonApplyNumber202406_0001\.csv:2: .*not the official pass layout/,
      );
      expectBadInput(
        yaohao('commit', zipped('missing.zip', officialHeader(100001), rows)),
        /bjPersonCommonApplyNumber202406_0002\.csv is missing/,
      );
      expectBadInput(
        yaohao('commit', zipped('header.zip', officialHeader(4, { period: '2024-6' }), rows)),
        /line 2 must be the period YYYYMM/,
      );
      write('not.zip', 'not a zip');
      expectBadInput(yaohao('commit', 'not.zip'), /not\.zip: not a zip file/);
    });
    it('a tampered record fails verification with exit code 1, saying where', () => {
      yaohao('draw', 'pool.zip', '--quota', '30', '--seed', '033859', '--generator', 'legacy', '--out', 'r.json');
      const record = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { winners: { entry: number }[] };
      record.winners[4]!.entry += 1;
      write('tampered.json', JSON.stringify(record));
      const result = yaohao('verify', 'pool.zip', 'tampered.json');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('MISMATCH (winner-mismatch): winner #5 differs');
      expect(json(['verify', 'pool.zip', 'tampered.json'])).toMatchObject({
        ok: false,
        reason: 'winner-mismatch',
        position: 4,
      });
      write('garbage.json', '{"format":');
      expectBadInput(yaohao('verify', 'pool.zip', 'garbage.json'), /garbage\.json: not valid JSON/);
    });
    it('an inconsistent or malformed sheet', () => {
      const lines = readFileSync(join(dir, 'sheet.txt'), 'utf8').split('\n');
      const first = lines.findIndex((l) => /^\s+1\s/.test(l));
      [lines[first + 2], lines[first + 3]] = [
        lines[first + 3]!.replace(/^(\s+)4/, '$13'),
        lines[first + 2]!.replace(/^(\s+)3/, '$14'),
      ];
      write('swapped.txt', lines.join('\n'));
      const result = yaohao('check-sheet', 'swapped.txt');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/INCONSISTENT \(skipped-winner\) at row 3/);
      write('noseed.txt', readFileSync(join(dir, 'sheet.txt'), 'utf8').replace(/指标配置种子数：\d+\n/, ''));
      expectBadInput(yaohao('check-sheet', 'noseed.txt'), /the sheet has no seed line/);
    });
  },
);

describe.runIf(existsSync(CLI))('yaohao CLI on a 1,000,000-line file', () => {
  it('streams it in bounded memory', () => {
    const chunks: string[] = [];
    for (let i = 0; i < 1_000_000; i++) chunks.push(`{"code":"${1_000_000_000_000 + i * 7}","draws":${i % 60}}`);
    write('big.jsonl', `${chunks.join('\n')}\n`);
    const result = json(['commit', 'big.jsonl', '--policy', 'beijing2016']);
    expect(result).toMatchObject({ ok: true, items: 1_000_000, commitment: { size: 1_000_000 } });
    // Reading the file as one string and one object per line takes ~260 MB here; streaming ~140 MB.
    expect(result['maxRssMb']).toBeLessThan(200);
  });
});
