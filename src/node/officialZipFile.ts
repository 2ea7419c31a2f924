import { open, rename, rm, stat } from 'node:fs/promises';
import { inFile, isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import { createMd5 } from '../formats/md5';
import type { OfficialPool } from '../formats/officialPool';
import { readOfficialZip, readOfficialZipWith, type ReadOfficialZipOptions } from '../formats/readOfficialZip';
import { writeOfficialZip, type WriteOfficialZipOptions } from '../formats/writeOfficialZip';
import type { Pool } from '../pool/Pool';
import { md5OfFile } from './md5OfFile';
import { openPoolInput } from './poolInput';

/** Options of readOfficialZipFile. */
export interface ReadOfficialZipFileOptions extends ReadOfficialZipOptions {
  /** Compute the zip's MD5 (default true; a replay that prints no MD5 saves its cost). */
  readonly md5?: boolean;
}

/**
 * Reads an official pool zip from a file: readOfficialZip over the file (read at any offset), its
 * MD5 computed on another thread meanwhile. The file must not change while it is read (its size
 * and modification time are compared before and after). Problems name the file.
 */
export async function readOfficialZipFile(
  path: string,
  options: ReadOfficialZipFileOptions = {},
): Promise<Omit<OfficialPool, 'md5'> & { readonly md5?: string }> {
  const input = await openPoolInput(path);
  try {
    if (options.md5 === false) return await readOfficialZipWith(input.source, options, undefined);
    if (input.size === undefined) return await readOfficialZip(input.source, options);
    const before = await stamp(path);
    const md5 = md5OfFile(path);
    md5.catch(() => undefined); // awaited below, unless the read fails first
    const read = await readOfficialZipWith(input.source, options, undefined);
    const digest = await md5;
    if ((await stamp(path)) !== before)
      throw new YaohaoError([{ code: 'invalid_value', path: [path], message: 'the file changed while it was read' }]);
    return { ...read, md5: digest };
  } catch (error) {
    throw isYaohaoError(error) ? inFile(error, path) : error;
  } finally {
    await input.close();
  }
}

async function stamp(path: string): Promise<string> {
  const { size, mtimeMs, ino } = await stat(path);
  return `${size}/${mtimeMs}/${ino}`;
}

/**
 * Writes a pool in the official zip layout to `path` (writeOfficialZip's chunks), streaming: one
 * part in memory at a time, written while the next is made. Goes to a temporary file renamed over
 * `path` at the end, so a failure never leaves a partial zip. Returns the zip's MD5.
 */
export async function writeOfficialZipFile(
  pool: Pool,
  path: string,
  options: WriteOfficialZipOptions,
): Promise<string> {
  const chunks = writeOfficialZip(pool, options); // options are checked before any file is touched
  const temporary = `${path}.${process.pid}.tmp`;
  const md5 = createMd5();
  let handle;
  try {
    handle = await open(temporary, 'w');
  } catch (error) {
    throw cannotWrite(path, error);
  }
  try {
    let writing: Promise<void> = Promise.resolve();
    for (const chunk of chunks) {
      md5.update(chunk);
      await writing;
      writing = writeAll(handle, chunk);
    }
    await writing;
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw isYaohaoError(error) ? error : cannotWrite(path, error);
  }
  return md5.digest();
}

async function writeAll(
  handle: { write(b: Uint8Array, o: number, l: number): Promise<{ bytesWritten: number }> },
  chunk: Uint8Array,
): Promise<void> {
  for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
}

function cannotWrite(path: string, error: unknown): YaohaoError {
  return new YaohaoError([
    {
      code: 'invalid_value',
      path: [path],
      message: `cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    },
  ]);
}
