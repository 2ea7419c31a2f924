import { inFile, isYaohaoError } from '../errors/YaohaoError';
import { readJsonLinesPool, type PoolFileRead, type ReadPoolOptions } from '../formats/readJsonLinesPool';
import { openPoolInput } from './poolInput';

/** Options of readPoolFile. */
export type ReadPoolFileOptions = ReadPoolOptions;

/** A pool read from a file, with what was read. */
export type PoolFile = PoolFileRead;

/**
 * Streams a JSON Lines pool file (one record per line) into a canonical pool, in bounded memory:
 * the file is never held as one string. Problems name the file and the line; a missing file, a
 * directory or an unreadable one is an issue naming it.
 */
export async function readPoolFile(path: string, options: ReadPoolFileOptions): Promise<PoolFile> {
  const input = await openPoolInput(path);
  try {
    return await readJsonLinesPool(input.source, options);
  } catch (error) {
    throw isYaohaoError(error) ? inFile(error, path) : error;
  } finally {
    await input.close();
  }
}
