import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { YaohaoError } from '../errors/YaohaoError';
import type { Pool } from '../pool/Pool';
import { readCsvPool } from '../node/csvPool';
import { readOfficialZip, type OfficialPoolHeader } from '../node/officialZip';
import { readPoolFile } from '../node/readPoolFile';
import { unreadable } from '../node/readInput';
import { createProgress } from '../node/progress';
import { resolvePolicy } from './resolvePolicy';

/** A pool file as the CLI loaded it. */
export interface LoadedPool {
  readonly pool: Pool;
  /** jsonl, csv or zip. */
  readonly format: 'jsonl' | 'csv' | 'zip';
  /** Records (JSON Lines, CSV) or entries (zip) read. */
  readonly items: number;
  readonly bytes: number;
  /** Official zip only. */
  readonly md5?: string;
  readonly header?: OfficialPoolHeader;
  readonly elapsedMs: number;
}

/** Loads a pool file by its extension: .jsonl/.ndjson (JSON Lines), .csv, .zip (official Beijing pool). */
export async function loadPool(path: string, policyOption: string | undefined): Promise<LoadedPool> {
  const started = performance.now();
  let bytes: number;
  try {
    bytes = (await stat(path)).size;
  } catch (error) {
    throw unreadable(path, error);
  }
  const extension = extname(path).toLowerCase();
  const progress = createProgress(`reading ${path}`);
  try {
    if (extension === '.zip') {
      if (policyOption !== undefined) {
        throw new YaohaoError([
          {
            code: 'invalid_policy',
            path: ['--policy'],
            message: 'an official pool zip carries its weights (entries per code): leave out --policy',
          },
        ]);
      }
      const official = await readOfficialZip(path, (entries, total) => progress.update(entries, total, 'entries'));
      return {
        pool: official.pool,
        format: 'zip',
        items: official.entries,
        bytes,
        md5: official.md5,
        header: official.header,
        elapsedMs: performance.now() - started,
      };
    }
    const policy = await resolvePolicy(policyOption);
    if (extension === '.csv') {
      const { pool, rows } = await readCsvPool(path, policy, (rows) => progress.update(rows, 0, 'rows'));
      return { pool, format: 'csv', items: rows, bytes, elapsedMs: performance.now() - started };
    }
    if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') {
      const file = await readPoolFile(path, {
        policy,
        onProgress: (read, total) => progress.update(read, total, 'bytes'),
      });
      return { pool: file.pool, format: 'jsonl', items: file.lines, bytes, elapsedMs: performance.now() - started };
    }
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: [path],
        message: 'unknown pool format: use .jsonl (JSON Lines), .csv or .zip (official pool)',
      },
    ]);
  } finally {
    progress.done();
  }
}
