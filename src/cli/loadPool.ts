import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { YaohaoError } from '../errors/YaohaoError';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { presets, type PresetName } from '../policy/presets';
import type { Pool } from '../pool/Pool';
import { readCsvPool } from '../node/csvPool';
import { readOfficialZip, type OfficialPoolHeader } from '../node/officialZip';
import { readPoolFile } from '../node/readPoolFile';
import { readTextFile, unreadable } from '../node/readInput';
import { createProgress } from '../node/progress';

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

/** `--policy`: a preset name, or a policy JSON file. Without one, records must carry their own weight. */
export async function resolvePolicy(option: string | undefined): Promise<Policy> {
  if (option === undefined) return presets.explicit;
  if (Object.hasOwn(presets, option)) return presets[option as PresetName];
  let text: string;
  try {
    text = await readTextFile(option);
  } catch {
    throw new YaohaoError([
      {
        code: 'invalid_policy',
        path: ['--policy'],
        message: `"${option}" is neither a preset (${Object.keys(presets).join(', ')}) nor a readable policy file`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new YaohaoError([
      { code: 'invalid_syntax', path: [option], message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
  return checkPolicy(json, [option]);
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
