import type { SafeResult } from '../errors/SafeResult';
import { safelyAsync } from '../errors/safely';
import type { Policy } from '../policy/Policy';
import { JsonLinesPoolParser } from '../pool/JsonLinesPoolParser';
import type { Pool } from '../pool/Pool';
import type { ByteSource, ReadProgress } from './ByteSource';
import { chunksOf, sizeOf } from './internal/byteSources';
import { checkReaderOptions } from './internal/checkReaderOptions';
import { createMd5 } from './md5';

/** Options of the JSON Lines and CSV pool readers. */
export interface ReadPoolOptions {
  /** The policy that turns records into entries. */
  readonly policy: Policy;
  /** Called after each chunk read, with the bytes read so far and the total when known. */
  readonly onProgress?: ReadProgress;
  /** Also compute the MD5 of the bytes (to compare with a published one). */
  readonly md5?: boolean;
}

/** A pool read from a JSON Lines or CSV file, with what was read. */
export interface PoolFileRead {
  /** The canonical pool. */
  readonly pool: Pool;
  /** Lines in the file. */
  readonly lines: number;
  /** Bytes read. */
  readonly bytes: number;
  /** Lowercase hex MD5 of the bytes, when asked for. */
  readonly md5?: string;
}

// Columns are sized once from the file size (≥ 32 bytes per record: ~36 for a 2019 record, ~140
// for a 2024 one), but never beyond this: a sparse or lying size must not reserve gigabytes up
// front (the columns grow as records come). Room is reserved, not used: pages are only taken as
// they are written. 2^23 rather than 2^22, so that a 6-million-application pool is read without
// copying its columns (and its persons' ids, 2 per record) once more at 4 million.
const MAX_PRESIZED_RECORDS = 1 << 23;

/**
 * Reads a JSON Lines pool (docs/spec.md §1.6): one record per line, streamed in bounded memory,
 * every bad line reported with its number. Takes bytes, a Blob or File, a Web ReadableStream, or
 * any (async) iterable of chunks. Stops reading early when the first records are all refused for
 * the same unknown field (§14).
 */
export async function readJsonLinesPool(source: ByteSource, options: ReadPoolOptions): Promise<PoolFileRead> {
  options = checkReaderOptions<ReadPoolOptions>(options, true);
  const size = sizeOf(source);
  const parser = new JsonLinesPoolParser({
    policy: options.policy,
    ...(size === undefined ? {} : { expectedRecords: Math.min(Math.ceil(size / 32) + 16, MAX_PRESIZED_RECORDS) }),
  });
  const md5 = options.md5 === true ? createMd5() : undefined;
  for await (const chunk of chunksOf(source)) {
    md5?.update(chunk);
    parser.push(chunk);
    options.onProgress?.(parser.bytes, size);
    if (parser.stopped) break;
  }
  const pool = parser.finish();
  return { pool, lines: parser.lines, bytes: parser.bytes, ...(md5 === undefined ? {} : { md5: md5.digest() }) };
}

/** readJsonLinesPool, returning `{ success, value | issues }` instead of throwing. */
export function safeReadJsonLinesPool(source: ByteSource, options: ReadPoolOptions): Promise<SafeResult<PoolFileRead>> {
  return safelyAsync(() => readJsonLinesPool(source, options));
}
