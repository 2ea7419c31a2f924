// No data loss: an output never overwrites an input (by path, symlink or hard link), two outputs
// are never one file, a regular file is replaced whole or not at all, a symlink is written
// through, a device or FIFO is written as it stands and its errors reported; `-` is stdin or
// stdout wherever a path is taken.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, canRunAsNobody, CLI, scratch, STACK, yaohao, yaohaoUnprivileged } from './support/cli';

let files: ReturnType<typeof scratch>;
const POOL = `${Array.from({ length: 50 }, (_, i) => JSON.stringify({ code: String(2_000_000_000_000 + i), weight: 1 + (i % 4) })).join('\n')}\n`;
const run = (...args: string[]): ReturnType<typeof yaohao> => yaohao(files.dir, args);
const draw = (...extra: string[]): string[] => ['draw', 'pool.jsonl', '--quota', '5', '--seed', 's', ...extra];
const read = (name: string): string => readFileSync(join(files.dir, name), 'utf8');
const refused = (result: ReturnType<typeof yaohao>, message: RegExp): void => {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK);
};
/** Nothing but the named files in the folder: no temporary file was left behind. */
const onlyFiles = (): string[] => readdirSync(files.dir).filter((name) => name.endsWith('.tmp'));

beforeAll(() => {
  files = scratch('yaohao-outputs-');
  files.write('pool.jsonl', POOL);
  files.write(
    'policy.json',
    JSON.stringify({ id: 'mine', title: 't', weights: { rule: 'explicit' }, c5ExtraSteps: 0, sources: [] }),
  );
  expect(run(...draw('--out', 'record.json', '--sheet', 'sheet.txt')).code).toBe(0);
});
afterAll(() => files.done());

describe.runIf(built)('outputs never overwrite inputs', () => {
  it('refuses --out or --sheet naming an input, by path, symlink or hard link, before reading anything', () => {
    symlinkSync('pool.jsonl', join(files.dir, 'pool-link.jsonl'));
    linkSync(join(files.dir, 'pool.jsonl'), join(files.dir, 'pool-hard.jsonl'));
    for (const [option, target] of [
      ['--out', 'pool.jsonl'],
      ['--sheet', './pool.jsonl'],
      ['--out', 'pool-link.jsonl'],
      ['--sheet', 'pool-hard.jsonl'],
      ['--out', join(files.dir, 'pool.jsonl')],
    ] as const)
      refused(run(...draw(option, target)), /would overwrite the input <pool>/);
    refused(run(...draw('--policy', 'policy.json', '--out', 'policy.json')), /would overwrite the input --policy/);
    refused(
      run('export-zip', 'pool.jsonl', '--period', '202406', '--quota', '1', '--out', 'pool-link.jsonl'),
      /would overwrite the input <pool>/,
    );
    expect(read('pool.jsonl')).toBe(POOL);
    expect(onlyFiles()).toEqual([]);
  });

  it('refuses --out and --sheet naming one file (also through a link), and both on stdout', () => {
    refused(run(...draw('--out', 'same.txt', '--sheet', 'same.txt')), /--out and --sheet name the same file/);
    symlinkSync('record.json', join(files.dir, 'record-link.json'));
    refused(run(...draw('--out', 'record.json', '--sheet', 'record-link.json')), /name the same file/);
    refused(run(...draw('--out', '-', '--sheet', '-')), /both stdout/);
    expect(existsSync(join(files.dir, 'same.txt'))).toBe(false);
  });

  it('refuses an output in a folder that does not exist, or that is a folder, before drawing', () => {
    mkdirSync(join(files.dir, 'folder'));
    refused(run(...draw('--out', 'folder')), /folder \(--out\): cannot write it: it is a directory/);
    refused(run(...draw('--sheet', 'no/such/sheet.txt')), /does not exist/);
  });
});

describe.runIf(built)('how outputs are written', () => {
  it('writes through a symlink: the target is replaced, the link and the mode kept', () => {
    files.write('target.json', 'old');
    chmodSync(join(files.dir, 'target.json'), 0o640);
    symlinkSync('target.json', join(files.dir, 'link.json'));
    expect(run(...draw('--out', 'link.json')).code).toBe(0);
    expect(lstatSync(join(files.dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(files.dir, 'link.json'))).toBe('target.json');
    expect(read('target.json')).toBe(read('record.json'));
    expect(statSync(join(files.dir, 'target.json')).mode & 0o777).toBe(0o640);
    // A dangling link gets its target created.
    symlinkSync('created.json', join(files.dir, 'dangling.json'));
    expect(run(...draw('--out', 'dangling.json')).code).toBe(0);
    expect(read('created.json')).toBe(read('record.json'));
  });

  it('writes a device as it stands: /dev/null stays a device, /dev/full is a reported error (exit 2)', () => {
    expect(run(...draw('--out', '/dev/null')).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    refused(
      run(...draw('--out', '/dev/full')),
      /\/dev\/full \(--out\): cannot write it: no space left on the device \(ENOSPC\)/,
    );
    refused(run('export-zip', 'pool.jsonl', '--period', '202406', '--quota', '1', '--out', '/dev/full'), /ENOSPC/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(onlyFiles()).toEqual([]);
  });

  it('writes a FIFO directly, to whoever reads it', async () => {
    const fifo = join(files.dir, 'out.fifo');
    expect(spawn('mkfifo', [fifo]).pid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reader = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      cat.on('close', () => resolve(text));
    });
    const writer = new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...draw('--out', fifo)], { cwd: files.dir, stdio: 'ignore' });
      child.on('close', resolve);
    });
    expect(await writer).toBe(0);
    expect(await reader).toBe(read('record.json'));
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('replaces a regular file whole, or leaves it untouched when the command fails', () => {
    files.write('keep.json', 'precious');
    // The draw fails (quota too costly is not it; a bad seed for legacy is): nothing is written.
    refused(run(...draw('--generator', 'legacy', '--out', 'keep.json')), /legacy generator takes a decimal/);
    expect(read('keep.json')).toBe('precious');
    expect(onlyFiles()).toEqual([]);
  });

  // Permissions, as a user they apply to (as nobody when the tests run as root; skipped only when
  // root cannot become nobody here).
  it.runIf(process.getuid?.() !== 0 || canRunAsNobody())(
    'refuses to replace a read-only file, and reports a folder it may not write to, leaving nothing',
    () => {
      chmodSync(files.dir, 0o777);
      files.write('readonly.json', 'kept');
      chmodSync(join(files.dir, 'readonly.json'), 0o444);
      refused(
        yaohaoUnprivileged(files.dir, draw('--out', 'readonly.json'))!,
        /readonly\.json \(--out\): cannot write it: permission denied \(EACCES\)/,
      );
      expect(read('readonly.json')).toBe('kept');
      mkdirSync(join(files.dir, 'locked'));
      chmodSync(join(files.dir, 'locked'), 0o555);
      refused(yaohaoUnprivileged(files.dir, draw('--out', 'locked/record.json'))!, /permission denied \(EACCES\)/);
      expect(readdirSync(join(files.dir, 'locked'))).toEqual([]);
      chmodSync(join(files.dir, 'locked'), 0o755);
    },
  );
});

describe.runIf(built)('- is stdin and stdout', () => {
  it('--out - and --sheet - write to stdout, and the report moves to stderr', () => {
    const out = run(...draw('--out', '-'));
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(read('record.json'));
    expect(out.stderr).toContain('record     digest');
    const sheet = run(...draw('--sheet', '-', '--json'));
    expect(sheet.stdout).toBe(read('sheet.txt'));
    expect(JSON.parse(sheet.stderr)).toMatchObject({ ok: true, sheet: '-' });
  });

  it('reads a record, a sheet and a policy from stdin', () => {
    expect(run('verify', 'pool.jsonl', '-').code).toBe(2); // nothing on stdin: not JSON
    expect(yaohao(files.dir, ['verify', 'pool.jsonl', '-'], read('record.json')).stdout).toMatch(/^ok: /);
    expect(yaohao(files.dir, ['check-sheet', '-'], read('sheet.txt')).stdout).toMatch(/\nok: consistent/);
    expect(yaohao(files.dir, ['commit', 'pool.jsonl', '--policy', '-'], read('policy.json')).code).toBe(0);
  });

  it('refuses two inputs on stdin', () => {
    refused(run('verify', '-', '-'), /<pool> and <record> are both stdin/);
    refused(yaohao(files.dir, ['verify', 'pool.jsonl', '-', '--policy', '-']), /both stdin/);
  });

  it('export-zip --out - writes the zip to stdout, the same bytes as a file', () => {
    const args = ['export-zip', 'pool.jsonl', '--period', '202406', '--quota', '3'];
    expect(run(...args, '--out', 'pool.zip').code).toBe(0);
    const piped = spawnSync(process.execPath, [CLI, ...args, '--out', '-'], { cwd: files.dir });
    expect(piped.status).toBe(0);
    expect(piped.stdout.equals(readFileSync(join(files.dir, 'pool.zip')))).toBe(true);
    expect(piped.stderr.toString('utf8')).toContain('zip md5');
  });
});
