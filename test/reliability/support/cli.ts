// Running the built `yaohao` (npm test builds first) on inputs the tests make, with pipes the tests
// hold or close.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI: string = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');
export const built: boolean = existsSync(CLI);

/** The result of one run. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder, removed by `done()`. */
export function scratch(prefix: string): {
  dir: string;
  write: (name: string, text: string) => string;
  done: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, text) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** How to run yaohao: as the user nobody (see AS_NOBODY), with another environment. */
export interface RunOptions {
  readonly asNobody?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs yaohao to the end; `input` goes to stdin. */
export function yaohao(
  cwd: string,
  args: readonly string[],
  input?: string | Uint8Array,
  options: RunOptions = {},
): Run {
  const [command, prefix] =
    options.asNobody === true ? ['setpriv', [...AS_NOBODY, process.execPath]] : [process.execPath, []];
  const result = spawnSync(command, [...prefix, CLI, ...args], {
    cwd,
    ...(input === undefined ? {} : { input }),
    ...(options.env === undefined ? {} : { env: options.env }),
    maxBuffer: 1 << 28,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
  };
}

/** Runs yaohao and closes its stdout after the first bytes, as `yaohao … | head -c1` does. */
export function yaohaoIntoClosedPipe(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8').slice(0, 1);
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A stack trace or an internal error in what yaohao printed (never allowed). */
export const STACK: RegExp = /\n\s+at |internal error|Unhandled|node:internal/;

/** Runs yaohao to the end without blocking (several at once on a 2-core machine). */
export function yaohaoAsync(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** setpriv's arguments that drop root to the user and group nobody. */
export const AS_NOBODY: readonly string[] = ['--reuid=65534', '--regid=65534', '--clear-groups'];

let nobodyRuns: boolean | undefined;

/**
 * Whether root can run the built yaohao as nobody: setpriv is there and nobody may reach the checkout
 * (a clone inside a folder only root may enter, such as one made by mktemp, cannot be run so).
 */
export function canRunAsNobody(): boolean {
  nobodyRuns ??= spawnSync('setpriv', [...AS_NOBODY, process.execPath, CLI, '--version']).status === 0;
  return nobodyRuns;
}

/**
 * Runs yaohao as an unprivileged user: itself when not root, else `nobody` through setpriv (root may
 * write anything, so permission errors can only be seen this way). Undefined when neither is possible.
 */
export function yaohaoUnprivileged(cwd: string, args: readonly string[]): Run | undefined {
  if (process.getuid?.() !== 0) return yaohao(cwd, args);
  if (!canRunAsNobody()) return undefined;
  return yaohao(cwd, args, undefined, { asNobody: true });
}
