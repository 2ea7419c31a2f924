// Runs the built `yaohao` bin (npm test builds first) for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built command line. */
export const CLI: string = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** What a run of the command line gave. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `yaohao <args>` in `cwd`. */
export function runCli(cwd: string, args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `yaohao <args> --json` in `cwd` and parses its result. */
export function runCliJson(cwd: string, args: readonly string[]): Record<string, unknown> {
  return JSON.parse(runCli(cwd, [...args, '--json']).stdout) as Record<string, unknown>;
}
