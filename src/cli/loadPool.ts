import { inFile, isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import type { ByteSource } from '../formats/ByteSource';
import { detectPoolFormat, type PoolFormat } from '../formats/detectPoolFormat';
import type { OfficialPoolHeader } from '../formats/officialPool';
import { readCsvPool } from '../formats/readCsvPool';
import { readJsonLinesPool } from '../formats/readJsonLinesPool';
import { readOfficialZip } from '../formats/readOfficialZip';
import type { Pool } from '../pool/Pool';
import { readOfficialZipFile } from '../node/officialZipFile';
import { openPoolInput, stdinInput } from '../node/poolInput';
import { createProgress } from '../node/progress';
import { resolvePolicy } from './resolvePolicy';
import { fileLabel } from './blameFile';

/** A pool file as the CLI loaded it. */
export interface LoadedPool {
  readonly pool: Pool;
  /** jsonl, csv or zip. */
  readonly format: 'jsonl' | 'csv' | 'zip';
  /** Lines (JSON Lines, CSV) or entries (zip) read. */
  readonly items: number;
  readonly bytes: number;
  /** Official zip only. */
  readonly md5?: string;
  readonly header?: OfficialPoolHeader;
  /** Official zip only: files in it that are neither the header nor a part. */
  readonly otherFiles?: readonly string[];
  readonly elapsedMs: number;
}

/**
 * Loads a pool file: by its extension — .jsonl/.ndjson/.json (JSON Lines), .csv, .zip (official
 * Beijing pool) — or, for `-` (standard input), by its first bytes (detectPoolFormat). Every
 * problem names the file (`-` is named "stdin"). A zip's MD5 only with `md5: true` (`commit`).
 */
export async function loadPool(
  path: string,
  policyOption: string | undefined,
  options: { readonly md5?: boolean } = {},
): Promise<LoadedPool> {
  const started = performance.now();
  const name = fileLabel(path);
  let format = detectPoolFormat(path === '-' ? undefined : path);
  if (format === undefined && path !== '-')
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: [path],
        message: 'unknown pool format: use .jsonl (JSON Lines), .csv or .zip (official pool), or - for stdin',
      },
    ]);
  if (format === 'zip' && policyOption !== undefined) throw zipTakesNoPolicy();
  const policy = format === 'zip' ? undefined : await resolvePolicy(policyOption);
  const progress = createProgress(`reading ${name}`);
  const onProgress = (read: number, total: number | undefined): void => progress.update(read, total ?? 0, 'bytes');
  const input = format === 'zip' ? undefined : path === '-' ? stdinInput() : await openPoolInput(path);
  try {
    let source = input?.source;
    if (format === undefined) {
      const sniffed = await sniff(source!);
      source = sniffed.source;
      format = sniffed.format;
      if (format === 'zip' && policyOption !== undefined) throw zipTakesNoPolicy();
    }
    if (format === 'zip') {
      const official =
        source === undefined
          ? await readOfficialZipFile(path, { onProgress, md5: options.md5 === true })
          : await readOfficialZip(source, { onProgress });
      return {
        pool: official.pool,
        format,
        items: official.entries,
        bytes: official.bytes,
        ...(official.md5 === undefined ? {} : { md5: official.md5 }),
        header: official.header,
        otherFiles: official.otherFiles,
        elapsedMs: performance.now() - started,
      };
    }
    const reading = { policy: policy!, onProgress };
    const read = format === 'csv' ? await readCsvPool(source!, reading) : await readJsonLinesPool(source!, reading);
    return { pool: read.pool, format, items: read.lines, bytes: read.bytes, elapsedMs: performance.now() - started };
  } catch (error) {
    throw isYaohaoError(error) ? inFile(error, name) : error;
  } finally {
    progress.done();
    await input?.close();
  }
}

function zipTakesNoPolicy(): YaohaoError {
  return new YaohaoError([
    {
      code: 'invalid_policy',
      path: ['--policy'],
      message: 'an official pool zip carries its weights (entries per code): leave out --policy',
    },
  ]);
}

// The format of a stream from its first bytes; the bytes read to tell are put back in front.
async function sniff(source: ByteSource): Promise<{ format: PoolFormat; source: ByteSource }> {
  const iterator = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let format: PoolFormat | undefined;
  for (let seen = 0; format === undefined;) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    seen += next.value.length;
    format = detectPoolFormat(undefined, Buffer.concat(head));
    if (seen > 1 << 20 && format === undefined) break;
  }
  async function* replay(): AsyncGenerator<Uint8Array, void, undefined> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  // Nothing but blank lines (or nothing at all): an empty JSON Lines pool says so best.
  return { format: format ?? 'jsonl', source: replay() };
}
