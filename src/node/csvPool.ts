import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import type { Pool } from '../pool/Pool';
import { PoolBuilder } from '../pool/PoolBuilder';

/**
 * Reads a CSV pool file: a header row naming the columns, then one record per row. Columns are
 * record fields (docs/spec.md §1.7): `code` and `draws`, `c5`, `weight`, `kind`, `personId`,
 * `drawsTo2020`, `drawsSince2021`, `steps`, `queueYears`, `queueSince`, `registeredAt`, as the
 * policy takes them. A cell of digits is a number (except in `code`, `personId` and timestamps),
 * `true`/`false` a boolean, an empty cell an absent field. Families do not fit a flat row: give
 * them in JSON Lines. csv-parse does the CSV (quotes, CRLF, BOM); rows stream into a PoolBuilder,
 * so memory stays at the pool's typed columns. Problems name the file line.
 */
export async function readCsvPool(
  path: string,
  policy: Policy,
  onRows?: (rows: number) => void,
): Promise<{ pool: Pool; rows: number }> {
  const builder = new PoolBuilder({ policy });
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      builder.add(toRecord(record), info.lines);
      if (builder.records % 100_000 === 0) onRows?.(builder.records);
    }
  } catch (error) {
    if (
      !(error instanceof Error) ||
      !('code' in error) ||
      typeof error.code !== 'string' ||
      !error.code.startsWith('CSV_')
    )
      throw error;
    const line = (error as { lines?: number }).lines;
    throw new YaohaoError([
      {
        code: 'invalid_syntax',
        path: [path],
        ...(line === undefined ? {} : { line }),
        message: `not valid CSV: ${error.message}`,
      },
    ]);
  }
  return { pool: builder.finish(), rows: builder.records };
}

const TEXT_COLUMNS = new Set(['code', 'personId', 'kind', 'queueSince', 'registeredAt']);

function toRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row)) {
    const cell = raw.trim();
    if (cell === '') continue;
    if (TEXT_COLUMNS.has(key)) record[key] = cell;
    else if (/^\d+$/.test(cell)) record[key] = Number(cell);
    else if (cell === 'true' || cell === 'false') record[key] = cell === 'true';
    else record[key] = cell; // the schema says what is wrong with it
  }
  return record;
}
