// A reader that goes away (`yaohao … | head -c1`) ends every command quietly: exit 0 (all was
// written before it went) or 141, and never a stack trace.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, CLI, scratch, STACK, yaohao, yaohaoIntoClosedPipe } from './support/cli';

let files: ReturnType<typeof scratch>;
const pool = (n: number): string =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ code: String(1_000_000_000_000 + i * 13), draws: i % 30 })).join(
    '\n',
  );

beforeAll(() => {
  files = scratch('yaohao-pipes-');
  files.write('pool.jsonl', `${pool(20_000)}\n`);
  const made = yaohao(files.dir, [
    'draw',
    'pool.jsonl',
    '--policy',
    'beijing2016',
    '--quota',
    '3000',
    '--seed',
    '033859',
    '--generator',
    'legacy',
    '--out',
    'record.json',
    '--sheet',
    'sheet.txt',
  ]);
  expect(made.code).toBe(0);
});
afterAll(() => files.done());

const COMMANDS: [string, string[]][] = [
  ['commit', ['commit', 'pool.jsonl', '--policy', 'beijing2016']],
  ['draw', ['draw', 'pool.jsonl', '--policy', 'beijing2016', '--quota', '10', '--seed', 's']],
  [
    'draw --json (record inline)',
    ['draw', 'pool.jsonl', '--policy', 'beijing2016', '--quota', '3000', '--seed', 's', '--json'],
  ],
  ['draw --out -', ['draw', 'pool.jsonl', '--policy', 'beijing2016', '--quota', '3000', '--seed', 's', '--out', '-']],
  [
    'draw --sheet -',
    ['draw', 'pool.jsonl', '--policy', 'beijing2016', '--quota', '3000', '--seed', 's', '--sheet', '-'],
  ],
  ['verify', ['verify', 'pool.jsonl', 'record.json', '--policy', 'beijing2016']],
  ['check-sheet', ['check-sheet', 'sheet.txt']],
  [
    'export-zip --out -',
    ['export-zip', 'pool.jsonl', '--policy', 'beijing2016', '--period', '202406', '--quota', '9', '--out', '-'],
  ],
  ['schema', ['schema']],
  ['demo', ['demo', '--size', '20000', '--quota', '100']],
  ['--help', ['--help']],
  ['a bad input, reported on stderr', ['commit', 'missing.jsonl']],
];

describe.runIf(built)('a closed pipe', () => {
  for (const [name, args] of COMMANDS) {
    it.concurrent(`${name}: ends quietly with 0 or 141`, async () => {
      const run = await yaohaoIntoClosedPipe(files.dir, args);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.signal).toBeNull();
      expect(name.startsWith('a bad input') ? [2] : [0, 141]).toContain(run.code);
    });
  }

  it('ends with 141 when the output goes on after the reader left (the demo prints for seconds)', async () => {
    const run = await yaohaoIntoClosedPipe(files.dir, ['demo', '--size', '20000', '--quota', '100']);
    expect(run.code).toBe(141);
    expect(run.stderr).toBe('');
  });

  it('ends quietly when stderr is closed too', async () => {
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'commit', 'missing.jsonl'], {
        cwd: files.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr.destroy();
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect([2, 141]).toContain(run.code);
    expect(run.stdout).toBe('');
  });
});
