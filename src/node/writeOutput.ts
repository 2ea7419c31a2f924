import { constants } from 'node:fs';
import { access, chmod, lstat, open, readlink, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
  // resolve('') is the working folder: say what is wrong, not "it is a directory".
  if (path === '') throw outputError(path, option, 'the file name is empty');
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

/** What an output is written from: all at once, or chunk by chunk as a producer makes them. */
export type OutputData = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Writes `data` to the output `path` (option names it in errors): whole or not at all where it can be.
 * Chunks are written as they come, so a large output (an official zip) is never held whole.
 */
export async function writeOutput(path: string, data: OutputData, option: string): Promise<void> {
  const target = await resolveOutput(path, option);
  if (target.kind === 'stdout') {
    for await (const chunk of chunksOf(data)) await writeStdout(chunk);
    return;
  }
  if (target.kind === 'direct') {
    try {
      await writeChunks(target.path, 'w', data, false);
    } catch (error) {
      throw error instanceof YaohaoError ? error : fileError(error, path, option, 'write');
    }
    return;
  }
  await replaceFile(target, path, option, (temporary) => writeChunks(temporary, 'wx', data, true));
}

async function* chunksOf(data: OutputData): AsyncIterable<Uint8Array> {
  if (typeof data === 'string') yield new TextEncoder().encode(data);
  else if (data instanceof Uint8Array) yield data;
  else yield* data;
}

// One chunk is written while the producer makes the next one.
async function writeChunks(file: string, flags: string, data: OutputData, sync: boolean): Promise<void> {
  const handle = await open(file, flags);
  try {
    let writing: Promise<void> = Promise.resolve();
    for await (const chunk of chunksOf(data)) {
      await writing;
      writing = writeAll(handle, chunk);
    }
    await writing;
    if (sync) await handle.sync(); // on disk before the rename makes it the file
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
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

function writeStdout(data: Uint8Array): Promise<void> {
  // A closed or failing stdout ends the command where the CLI guards its streams.
  return new Promise((done) => process.stdout.write(data, () => done()));
}

function outputError(path: string, option: string, why: string): YaohaoError {
  return new YaohaoError([{ code: 'invalid_value', path: [option], file: path, message: `cannot write it: ${why}` }]);
}
