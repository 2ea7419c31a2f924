import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import { JsonLinesPoolParser } from '../pool/JsonLinesPoolParser';
import type { Pool } from '../pool/Pool';

/** Options of readPoolFile. */
export interface ReadPoolFileOptions {
  /** The policy that turns records into entries. */
  readonly policy: Policy;
  /** Called as bytes are read, with bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** A pool read from a file, with what was read. */
export interface PoolFile {
  readonly pool: Pool;
  /** Lines in the file. */
  readonly lines: number;
  /** Bytes in the file. */
  readonly bytes: number;
}

// 4 MiB reads: fewer calls and iterations than the 64 KiB default, measurably faster at 100 MB.
const CHUNK_BYTES = 4 << 20;

/**
 * Streams a JSON Lines pool file (one record per line) into a canonical pool, in bounded memory:
 * the file is never held as one string. Bad lines are reported with their 1-based line number;
 * a missing or unreadable file as an issue on `file`.
 */
export async function readPoolFile(path: string, options: ReadPoolFileOptions): Promise<PoolFile> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['file'],
        message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      },
    ]);
  }
  // ~36 bytes per typical record: size the columns once instead of doubling many times.
  const parser = new JsonLinesPoolParser({ policy: options.policy, expectedRecords: Math.ceil(size / 32) + 16 });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    parser.push(chunk);
    options.onProgress?.(parser.bytes, size);
  }
  return { pool: parser.finish(), lines: parser.lines, bytes: size };
}
