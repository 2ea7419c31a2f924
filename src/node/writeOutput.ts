import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, lstat, open, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { YaohaoError } from '../errors/YaohaoError';
import { fileError } from './fileErrors';

/**
 * Where an output goes (docs/spec.md §15):
 * - `stdout`: the path `-`;
 * - `replace`: a regular file, or none yet — written to a temporary file next to it and renamed over
 *   it, so it is whole or untouched; through symlinks, the final target is replaced and the links kept;
 * - `direct`: a device, FIFO or socket (`/dev/stdout`, `/dev/null`, `/dev/full`, a pipe) — written as
 *   it stands (a device node is never replaced), and its errors reported.
 */
export type OutputTarget =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'replace'; readonly path: string; readonly mode: number | undefined }
  | { readonly kind: 'direct'; readonly path: string };

// Symlink chains longer than this are a loop (Linux gives up at 40 too).
const MAX_LINKS = 40;

/** Where `path` writes to: symlinks followed to their final target, which need not exist yet. */
export async function resolveOutput(path: string, option: string): Promise<OutputTarget> {
  if (path === '-') return { kind: 'stdout' };
  let current = resolve(path);
  for (let links = 0; ; links++) {
    let info;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, path, option, 'write');
      // Nothing there yet: the folder must exist, or the output could not be written at the end.
      const folder = await stat(dirname(current)).catch(() => undefined);
      if (folder?.isDirectory() !== true)
        throw outputError(path, option, `its folder ${dirname(current)} does not exist`);
      return { kind: 'replace', path: current, mode: undefined };
    }
    if (info.isSymbolicLink()) {
      if (links === MAX_LINKS) throw outputError(path, option, 'it is a loop of symbolic links');
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (info.isDirectory()) throw outputError(path, option, 'it is a directory');
    if (info.isFile()) {
      // Replacing by rename needs only the folder's permission: a file its owner made read-only must
      // still refuse to be written, as it would to any other program.
      await access(current, constants.W_OK).catch((error: unknown) => {
        throw fileError(error, path, option, 'write');
      });
      return { kind: 'replace', path: current, mode: info.mode & 0o7777 };
    }
    return { kind: 'direct', path: current };
  }
}

/** Writes `data` to the output `path` (option names it in errors): whole or not at all where it can be. */
export async function writeOutput(path: string, data: string | Uint8Array, option: string): Promise<void> {
  const target = await resolveOutput(path, option);
  if (target.kind === 'stdout') return writeStdout(data);
  if (target.kind === 'direct') {
    try {
      await writeFile(target.path, data);
    } catch (error) {
      throw fileError(error, path, option, 'write');
    }
    return;
  }
  await replaceFile(target, path, option, async (temporary) => {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync(); // on disk before the rename makes it the file
    } finally {
      await handle.close();
    }
  });
}

/**
 * Writes an output that a producer writes as a file (the official zip writer): into a temporary
 * file renamed over the target, or, for stdout and devices, into a temporary file copied there.
 */
export async function writeOutputVia(
  path: string,
  option: string,
  produce: (file: string) => Promise<void>,
): Promise<void> {
  const target = await resolveOutput(path, option);
  if (target.kind === 'replace') return replaceFile(target, path, option, produce);
  const temporary = join(tmpdir(), `yaohao-${process.pid}-${++counter}.tmp`);
  try {
    await produce(temporary);
    if (target.kind === 'stdout') await pipeline(createReadStream(temporary), process.stdout, { end: false });
    else await pipeline(createReadStream(temporary), createWriteStream(target.path));
  } catch (error) {
    throw fileError(error, path, option, 'write');
  } finally {
    await rm(temporary, { force: true });
  }
}

let counter = 0;

async function replaceFile(
  target: Extract<OutputTarget, { kind: 'replace' }>,
  path: string,
  option: string,
  produce: (file: string) => Promise<void>,
): Promise<void> {
  // Next to the target (same file system, so the rename is atomic), hidden, and never an existing file.
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${++counter}.tmp`);
  try {
    await produce(temporary);
    if (target.mode !== undefined) await chmod(temporary, target.mode);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error instanceof YaohaoError ? error : fileError(error, path, option, 'write');
  }
}

function writeStdout(data: string | Uint8Array): Promise<void> {
  // A closed or failing stdout ends the command where the CLI guards its streams.
  return new Promise((done) => process.stdout.write(data, () => done()));
}

function outputError(path: string, option: string, why: string): YaohaoError {
  return new YaohaoError([{ code: 'invalid_value', path: [option], file: path, message: `cannot write it: ${why}` }]);
}
