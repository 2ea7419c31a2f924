import { stat } from 'node:fs/promises';
import { inFile, isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import { createMd5 } from '../formats/md5';
import type { OfficialPool } from '../formats/officialPool';
import { readOfficialZip, readOfficialZipWith, type ReadOfficialZipOptions } from '../formats/readOfficialZip';
import { writeOfficialZip, type WriteOfficialZipOptions } from '../formats/writeOfficialZip';
import type { Pool } from '../pool/Pool';
import { md5OfFile } from './md5OfFile';
import { writeOutput } from './writeOutput';
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
 * Writes a pool in the official zip layout to the output `path` (writeOfficialZip's chunks, one part
 * in memory at a time), as every output is written (writeOutput: a regular file whole or untouched,
 * symlinks written through, devices and `-` directly). Returns the zip's MD5.
 */
export async function writeOfficialZipFile(
  pool: Pool,
  path: string,
  options: WriteOfficialZipOptions,
  option = '--out',
): Promise<string> {
  const chunks = writeOfficialZip(pool, options); // options are checked before any file is touched
  const md5 = createMd5();
  await writeOutput(
    path,
    (function* hashed() {
      for (const chunk of chunks) {
        md5.update(chunk);
        yield chunk;
      }
    })(),
    option,
  );
  return md5.digest();
}
