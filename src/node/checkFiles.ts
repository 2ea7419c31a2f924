import { stat } from 'node:fs/promises';
import type { Issue } from '../errors/Issue';
import { YaohaoError } from '../errors/YaohaoError';
import { resolveOutput } from './writeOutput';

/** A file a command reads or writes, with the option (or argument) that names it. */
export interface NamedFile {
  /** `--out`, `--sheet`, `--policy`, `<pool>`, `<record>`, … */
  readonly option: string;
  /** The path as given; `-` is stdin (inputs) or stdout (outputs). */
  readonly path: string;
}

/**
 * Before a command does anything (docs/spec.md §15): stdin is read by one input at most, stdout
 * written by one output at most; no output is an input file — compared as the files they are (the
 * same device and inode), so symlinks and hard links cannot hide it; no two outputs are the same
 * file; every output can be written where it is (not a directory, its folder exists).
 */
export async function checkFiles(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): Promise<void> {
  const issues: Issue[] = [];
  const problem = (file: NamedFile, message: string, stream = 'stdin'): void => {
    issues.push({ code: 'invalid_value', path: [file.option], file: file.path === '-' ? stream : file.path, message });
  };
  const given = (files: readonly NamedFile[]): NamedFile[] => files.filter((f) => f.path !== '');
  for (const [files, stream] of [
    [given(inputs), 'stdin'],
    [given(outputs), 'stdout'],
  ] as const) {
    const dashes = files.filter((f) => f.path === '-');
    if (dashes.length > 1)
      problem(
        dashes[1]!,
        `${dashes.map((f) => f.option).join(' and ')} are both ${stream} (-): only one may be`,
        stream,
      );
  }
  // The same file is the same device and inode, whatever path, link or hard link leads to it.
  const identities = new Map<string, NamedFile>();
  for (const input of given(inputs)) {
    if (input.path === '-') continue;
    const info = await stat(input.path).catch(() => undefined);
    if (info?.isFile() === true) identities.set(`${info.dev}:${info.ino}`, input);
  }
  const written = new Map<string, NamedFile>();
  for (const output of given(outputs)) {
    if (output.path === '-') continue;
    let target;
    try {
      target = await resolveOutput(output.path, output.option);
    } catch (error) {
      if (!(error instanceof YaohaoError)) throw error;
      issues.push(...error.issues);
      continue;
    }
    if (target.kind === 'stdout') continue;
    const info = await stat(target.path).catch(() => undefined);
    const identity = info === undefined ? `path:${target.path}` : `${info.dev}:${info.ino}`;
    const input = identities.get(identity);
    if (input !== undefined && target.kind === 'replace')
      problem(
        output,
        `${output.option} would overwrite the input ${input.option} (${input.path}${input.path === output.path ? '' : ': the same file'}); write the output elsewhere`,
      );
    const other = written.get(identity);
    if (other !== undefined && target.kind === 'replace')
      problem(output, `${other.option} and ${output.option} name the same file: each output needs its own`);
    written.set(identity, output);
  }
  if (issues.length > 0) throw new YaohaoError(issues);
}
