// Bad input always exits 2 with a message naming the right file and place — never 70, never a
// stack — and a verification that fails says what differs.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, scratch, STACK, yaohao, yaohaoAsync } from './support/cli';

let files: ReturnType<typeof scratch>;
const run = (...args: string[]): ReturnType<typeof yaohao> => yaohao(files.dir, args);
const runAsync = (...args: string[]): ReturnType<typeof yaohaoAsync> => yaohaoAsync(files.dir, args);
const read = (name: string): string => readFileSync(join(files.dir, name), 'utf8');
const badInput = (result: ReturnType<typeof yaohao>, where: RegExp): void => {
  expect(result.stderr).toMatch(where);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.code).toBe(2);
};

beforeAll(() => {
  files = scratch('yaohao-inputs-');
  files.write(
    'pool.jsonl',
    `${Array.from({ length: 30 }, (_, i) => JSON.stringify({ code: String(3_000_000_000_000 + i), weight: 1 + (i % 3) })).join('\n')}\n`,
  );
  expect(
    run('draw', 'pool.jsonl', '--quota', '4', '--seed', 's', '--out', 'record.json', '--sheet', 'sheet.txt').code,
  ).toBe(0);
});
afterAll(() => files.done());

describe.runIf(built)('arguments', () => {
  it('schema: names on Object.prototype are unknown names, not crashes', async () => {
    const runs = await Promise.all(['constructor', '__proto__', 'toString'].map((name) => runAsync('schema', name)));
    for (const result of runs) badInput(result, /unknown schema/);
    expect(JSON.parse(run('schema', 'record').stdout)).toMatchObject({ type: 'object' });
  });

  it('demo: a size of 0 or beyond 20,000,000, a quota of 0, are refused with a message', async () => {
    const [zero, huge, exponent, noQuota] = await Promise.all([
      runAsync('demo', '--size', '0'),
      runAsync('demo', '--size', '99999999999'),
      runAsync('demo', '--size', '1e6'),
      runAsync('demo', '--size', '100', '--quota', '0'),
    ]);
    badInput(zero, /--size: takes a whole number from 1 to 20000000/);
    badInput(huge, /--size/);
    badInput(exponent, /--size/);
    badInput(noQuota, /--quota/);
  });

  it('demo --json prints one JSON result', () => {
    const demo = run('demo', '--size', '2000', '--quota', '10', '--json');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({
      ok: true,
      verified: true,
      draw: { winners: 10 },
      pool: { size: 2000 },
    });
  });

  it('refuses text that is not UTF-8 on the command line, and a zip title that a header cannot carry', async () => {
    badInput(run('draw', 'pool.jsonl', '--quota', '1', '--seed', 'a\uFFFDb'), /--seed: contains U\+FFFD/);
    badInput(run('draw', 'pool.jsonl', '--quota', '1', '--seed', 's', '--label', '\uFFFD'), /--label/);
    const titles = await Promise.all(
      [' x', 'x ', 'a\nb', '\t'].map((title) =>
        runAsync('export-zip', 'pool.jsonl', '--period', '202406', '--quota', '1', '--out', 'x.zip', '--title', title),
      ),
    );
    for (const result of titles) badInput(result, /--title: must be one line/);
  });

  it('never exits 70 on any combination of bad arguments', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        '',
        '-',
        '0',
        '-1',
        '1e3',
        '0x10',
        'NaN',
        '99999999999999999999',
        'constructor',
        'pool.jsonl',
        'nope.csv',
        'sheet.txt',
        'record.json',
        '/dev/null',
        '.',
        '\uFFFD',
      ),
      fc.string({ maxLength: 8 }),
    );
    const option = fc.constantFrom(
      '--quota',
      '--seed',
      '--generator',
      '--label',
      '--policy',
      '--period',
      '--type',
      '--flat',
      '--json',
      '--published-digest',
      '--size',
      '--title',
      '--out',
      '--sheet',
    );
    const command = fc.constantFrom(
      'commit',
      'draw',
      'verify',
      'check-sheet',
      'export-zip',
      'schema',
      'demo',
      'nonsense',
    );
    // Demo sizes stay small: the point is the arguments, not a 3-million-code draw.
    const argvs = fc
      .sample(fc.tuple(command, fc.array(fc.oneof(value, option), { maxLength: 7 })), 16)
      .map(([name, args]) =>
        name === 'demo' ? [name, '--size', '500', ...args.filter((a) => a !== '--size')] : [name, ...args],
      );
    for (let i = 0; i < argvs.length; i += 4) {
      const results = await Promise.all(argvs.slice(i, i + 4).map((argv) => yaohaoAsync(files.dir, argv)));
      results.forEach((result, k) => {
        const argv = JSON.stringify(argvs[i + k]);
        expect(result.stderr, argv).not.toMatch(STACK);
        expect([0, 1, 2], argv).toContain(result.code);
      });
    }
  });
});

describe.runIf(built)('messages name the right file', () => {
  it('a bad policy file is blamed, with its field, not the pool', () => {
    files.write(
      'policy.json',
      JSON.stringify({ id: 'p', title: 't', weights: { rule: 'ladder' }, c5ExtraSteps: 0, sources: [] }),
    );
    const result = run('commit', 'pool.jsonl', '--policy', 'policy.json');
    badInput(result, /^yaohao: policy\.json: weights/m);
    expect(result.stderr).not.toMatch(/pool\.jsonl/);
    files.write('broken-policy.json', '{ "id": ');
    badInput(
      run('commit', 'pool.jsonl', '--policy', 'broken-policy.json'),
      /^yaohao: broken-policy\.json: not valid JSON/m,
    );
  });

  it('a broken record file is blamed, not the pool', () => {
    files.write('broken.json', '{\n  "format": "yaohao-record/1",\n  oops\n}');
    const result = run('verify', 'pool.jsonl', 'broken.json');
    badInput(result, /^yaohao: broken\.json.*: not valid JSON/m);
    expect(result.stderr).not.toMatch(/pool\.jsonl/);
    badInput(
      run('verify', 'pool.jsonl', 'missing.json'),
      /^yaohao: missing\.json \(<record>\): cannot read it: no such file \(ENOENT\)/m,
    );
    badInput(run('verify', 'pool.jsonl', '.'), /it is a directory/);
  });

  it('a record with a bad field is blamed, by every command that reads one; a bad code typed is not', () => {
    const record = JSON.parse(read('record.json')) as { seed: string };
    record.seed = '';
    files.write('no-seed.json', JSON.stringify(record));
    badInput(run('selfcheck', 'pool.jsonl', 'no-seed.json'), /^yaohao: no-seed\.json: record\.seed: /m);
    badInput(run('lookup', 'pool.jsonl', 'no-seed.json', '3000000000001'), /^yaohao: no-seed\.json: record\.seed: /m);
    const verified = run('verify', 'pool.jsonl', 'no-seed.json');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/^ {2}no-seed\.json: record\.seed: /m);
    const badCode = run('lookup', 'pool.jsonl', 'record.json', '12x');
    badInput(badCode, /^yaohao: code: /m);
    expect(badCode.stderr).not.toMatch(/record\.json/);
  });

  it('a bad sheet is blamed at its line', () => {
    files.write('bad-sheet.txt', read('sheet.txt').replace(/基数序号总数：\d+/, '基数序号总数：0x2add'));
    badInput(
      run('check-sheet', 'bad-sheet.txt'),
      /^yaohao: bad-sheet\.txt:3: total entries must be a plain decimal integer/m,
    );
    badInput(yaohao(files.dir, ['check-sheet', '-'], '基数序号总数：5\n'), /^yaohao: stdin/m);
  });
});

describe.runIf(built)('verify says what differs', () => {
  it('names the kind when the code and entry are the same', () => {
    const record = JSON.parse(read('record.json')) as { winners: { kind: string }[] };
    record.winners[1]!.kind = 'unit';
    files.write('kind.json', JSON.stringify(record));
    const result = run('verify', 'pool.jsonl', 'kind.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/winner #2 differs in its kind: .*\(individual\).*\(unit\)/);
    const json = JSON.parse(run('verify', 'pool.jsonl', 'kind.json', '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: false, reason: 'winner-mismatch', fields: ['kind'], position: 1 });
  });
});
