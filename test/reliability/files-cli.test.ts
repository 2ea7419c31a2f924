// Issue 8 §1, §4, §5, §7 at the command line: every pool file problem exits 2 with a message
// naming the file, never a stack trace; `-` reads a pool from stdin. Runs the built CLI.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, officialHeader, officialZip, partRows } from '../support/zipBytes';
import { canRunAsNobody, CLI, yaohao as run } from './support/cli';

let dir: string;

// The built yaohao in this file's scratch folder (stdin empty unless given).
function yaohao(
  args: string[],
  options: { input?: Uint8Array | string; asNobody?: boolean; env?: NodeJS.ProcessEnv } = {},
) {
  return run(dir, args, options.input ?? '', options);
}
const badInput = (result: ReturnType<typeof yaohao>, message: RegExp): void => {
  expect(result.stderr).toMatch(message);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
};
const write = (name: string, content: string | Uint8Array): string => {
  writeFileSync(join(dir, name), content);
  return name;
};
const CODES = ['1000000000001', '1000000000002', '1000000000003', '1000000000001', '1000000000003'];
const JSONL =
  '{"code":"1000000000001","draws":7}\n{"code":"1000000000002","draws":0}\n{"code":"1000000000003","draws":6}\n';
const CSV = 'code,draws\n1000000000001,7\n1000000000002,0\n1000000000003,6\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-files-'));
  chmodSync(dir, 0o755); // other users may enter (the unreadable-file case runs as nobody)
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(CLI))('pool files that cannot be read (issue 8 §1, §5)', () => {
  it('a directory, for every format, is named', () => {
    for (const name of ['pool.jsonl', 'pool.csv', 'pool.zip']) {
      mkdirSync(join(dir, `dir-${name}`));
      badInput(
        yaohao(['commit', `dir-${name}`, ...(name.endsWith('.zip') ? [] : ['--policy', 'beijing2016'])]),
        new RegExp(`dir-${name.replace('.', '\\.')}: is a directory, not a pool file`),
      );
    }
  });
  it('a missing file, for every format, is named', () => {
    for (const name of ['gone.jsonl', 'gone.csv', 'gone.zip'])
      badInput(yaohao(['commit', name]), new RegExp(`${name.replace('.', '\\.')}: cannot read the file \\(ENOENT\\)`));
  });
  // chmod does not stop root: as root the case runs as the user nobody (setpriv); it is skipped
  // only when the tests run as root and nobody cannot run yaohao here.
  const root = process.getuid?.() === 0;
  it.runIf(!root || canRunAsNobody())('an unreadable file (chmod 000), for every format, is named', () => {
    for (const [name, content] of [
      ['locked.jsonl', JSONL],
      ['locked.csv', CSV],
      ['locked.zip', officialZip(CODES)],
    ] as const) {
      write(name, content);
      chmodSync(join(dir, name), 0o000);
      const args = ['commit', name, ...(name.endsWith('.zip') ? [] : ['--policy', 'beijing2016'])];
      badInput(
        yaohao(args, { asNobody: root }),
        new RegExp(`${name.replace('.', '\\.')}: cannot read the file \\(EACCES\\)`),
      );
    }
  });
  it.runIf(process.platform === 'linux')('a read error in the middle of the file is named', () => {
    // /proc/self/mem cannot be read at offset 0 (EIO): a file that opens but fails when read.
    for (const name of ['mem.jsonl', 'mem.csv', 'mem.zip']) {
      symlinkSync('/proc/self/mem', join(dir, name));
      badInput(
        yaohao(['commit', name, ...(name.endsWith('.zip') ? [] : ['--policy', 'beijing2016'])]),
        new RegExp(`${name.replace('.', '\\.')}: cannot read the file \\(EIO\\)`),
      );
    }
  });
  it('a sparse huge JSON Lines file is not sized from its length (no allocation, stops after one long line)', () => {
    const name = write('sparse.jsonl', '');
    spawnSync('truncate', ['-s', '64G', join(dir, name)]);
    const result = yaohao(['commit', name, '--policy', 'beijing2016', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      issues: [{ file: 'sparse.jsonl', line: 1, message: expect.stringMatching(/longer than 1048576 bytes/) }],
    });
    rmSync(join(dir, name));
  });
});

describe.runIf(existsSync(CLI))('problems name the right file (issue 8 §5)', () => {
  it('commit --policy p.json bad.jsonl blames bad.jsonl', () => {
    write(
      'p.json',
      JSON.stringify(
        {
          id: 'p',
          title: 'p',
          weights: { rule: 'ladder', drawsAtFirstStep: 6, drawsPerStep: 6 },
          c5ExtraSteps: 1,
          sources: [],
        },
        null,
        2,
      ),
    );
    write('bad.jsonl', '{"code":"1000000000001","draws":1}\n{"code":"1000000000002","draws":-1}\n');
    const result = yaohao(['commit', '--policy', 'p.json', 'bad.jsonl']);
    badInput(result, /bad\.jsonl:2: draws must be ≥ 0/);
    expect(result.stderr).not.toMatch(/p\.json:2/);
  });
  it('a zip problem names the zip and the file inside it', () => {
    write(
      'crc.zip',
      buildZip([
        { name: 'bjPersonCommonNumberPeriod202406.csv', content: officialHeader(5) },
        { name: 'bjPersonCommonApplyNumber202406_0001.csv', content: partRows(CODES), crc: 7 },
      ]),
    );
    badInput(
      yaohao(['commit', 'crc.zip']),
      /crc\.zip:bjPersonCommonApplyNumber202406_0001\.csv: bjPersonCommonApplyNumber202406_0001\.csv is damaged: its CRC-32/,
    );
    write(
      'other.zip',
      buildZip([
        { name: 'readme.txt', content: 'x' },
        { name: 'bjPersonCommonNumberPeriod202406.csv', content: officialHeader(5) },
        { name: 'bjPersonCommonApplyNumber202406_0001.csv', content: partRows(CODES) },
      ]),
    );
    const listed = yaohao(['commit', 'other.zip']);
    expect(listed.stdout).toMatch(/note {7}the zip holds 1 other file, not read: readme\.txt/);
    write('nozip.zip', 'PK\u0003\u0004 and then nothing');
    badInput(yaohao(['commit', 'nozip.zip']), /^yaohao: nozip\.zip: the zip is cut short or damaged/m);
  });
  it('CSV header problems name the column and line 1', () => {
    write('cols.csv', 'code,draws,draws,__proto__\n1000000000001,1,1,x\n');
    const result = yaohao(['commit', 'cols.csv', '--policy', 'beijing2016']);
    badInput(result, /cols\.csv:1: column "draws" appears twice/);
    expect(result.stderr).toMatch(
      /cols\.csv:1: unknown column "__proto__": records under policy beijing2016 take kind, code, draws, c5/,
    );
  });
});

describe.runIf(existsSync(CLI))('a missing --policy on a step pool fails fast, with the hint (issue 8 §7)', () => {
  it('stops after the first records instead of collecting an issue per line', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `{"code":"${1_000_000_000_000 + i}","draws":${i % 50}}`);
    write('steps.jsonl', `${lines.join('\n')}\n`);
    const result = yaohao(['commit', 'steps.jsonl']);
    badInput(
      result,
      /steps\.jsonl:20: the first 20 records all have the field "draws", which policy explicit does not take: reading stopped here/,
    );
    expect(result.stderr).toMatch(/hint: .*--policy beijing2016/);
    expect(result.stderr).toMatch(/… and \d+ more problems/);
  });
});

describe.runIf(existsSync(CLI))('`-` reads a pool from stdin, its format from its first bytes', () => {
  it('JSON Lines, CSV and the official zip give what their files give', () => {
    write('same.jsonl', JSONL);
    const fromFile = JSON.parse(yaohao(['commit', 'same.jsonl', '--policy', 'beijing2016', '--json']).stdout) as {
      commitment: unknown;
    };
    for (const input of [JSONL, CSV, `\uFEFF${CSV}`]) {
      const result = yaohao(['commit', '-', '--policy', 'beijing2016', '--json'], { input });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ commitment: fromFile.commitment });
    }
    const zip = officialZip(CODES);
    write('same.zip', zip);
    const zipFile = JSON.parse(yaohao(['commit', 'same.zip', '--json']).stdout) as { md5: string; commitment: unknown };
    const fromStdin = JSON.parse(yaohao(['commit', '-', '--json'], { input: zip }).stdout) as unknown;
    expect(fromStdin).toMatchObject({ md5: zipFile.md5, commitment: zipFile.commitment });
  });
  it('problems are blamed on stdin', () => {
    badInput(yaohao(['commit', '-', '--policy', 'beijing2016'], { input: '{"code":"1"}\n' }), /stdin:1: /);
    badInput(yaohao(['commit', '-', '--policy', 'beijing2016'], { input: officialZip(CODES) }), /leave out --policy/);
  });
});

describe.runIf(existsSync(CLI))('hostile inputs of 1 MB or less run in bounded memory (issue 8 §4)', () => {
  const rss = (result: ReturnType<typeof yaohao>): number => {
    expect(result.code, result.stderr).toBe(2);
    return (JSON.parse(result.stdout) as { maxRssMb?: number; issues: unknown[] }).issues.length;
  };
  it('each stops early and says why', () => {
    // A 1 MB line, a CSV cell of 1 MB, a zip whose part is 1 MB of blank lines, a deflate bomb.
    write('line.jsonl', `{"code":"${'1'.repeat(1 << 20)}"}\n`);
    write('cell.csv', `code,draws\n"${'1'.repeat(1 << 20)}",1\n`);
    write(
      'blank.zip',
      buildZip([
        { name: 'bjPersonCommonNumberPeriod202406.csv', content: officialHeader(100_000) },
        { name: 'bjPersonCommonApplyNumber202406_0001.csv', content: '\n'.repeat(1 << 20), method: 8 },
      ]),
    );
    for (const [name, message] of [
      ['line.jsonl', /longer than 1048576 bytes/],
      ['cell.csv', /record is longer than 65536 bytes/],
      ['blank.zip', /has 0 rows, expected 100000/],
    ] as const) {
      const result = yaohao(
        ['commit', name, '--policy', 'beijing2016', '--json'].filter(
          (a, i) => !(name.endsWith('.zip') && i >= 2 && i <= 3),
        ),
      );
      expect(rss(result)).toBeGreaterThan(0);
      expect(result.stdout).toMatch(message);
    }
    expect(readFileSync(join(dir, 'blank.zip')).length).toBeLessThan(1 << 20);
  });
});

describe.runIf(existsSync(CLI))('export-zip writes the same bytes in every time zone', () => {
  it('the example pool re-exports to the published zip under UTC and under Asia/Shanghai', () => {
    const example = join(import.meta.dirname, '..', '..', 'examples', 'auditor', 'bjPersonCommon202406.zip');
    const published = readFileSync(example);
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
      const out = join(dir, `tz-${zone.replace('/', '-')}.zip`);
      const args = [
        'export-zip',
        example,
        '--period',
        '202406',
        '--quota',
        '40',
        '--title',
        '2024年第3期个人普通指标配置',
        '--out',
        out,
      ];
      const result = yaohao(args, { env: { ...process.env, TZ: zone } });
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(out).equals(published), zone).toBe(true);
    }
  });
});
