import * as z from 'zod/mini';
import type { Issue } from '../errors/Issue';
import type { SafeResult } from '../errors/SafeResult';
import { safelyAsync } from '../errors/safely';
import { isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import { Individual2021RecordSchema } from '../family/familyRecords';
import type { Policy } from '../policy/Policy';
import { PoolBuilder } from '../pool/PoolBuilder';
import { recordSchemaFor } from '../pool/recordSchemas';
import type { ByteSource } from './ByteSource';
import { chunksOf, sizeOf } from './internal/byteSources';
import { checkReaderOptions } from './internal/checkReaderOptions';
import { CsvRowReader } from './internal/CsvRowReader';
import { createMd5 } from './md5';
import type { PoolFileRead, ReadPoolOptions } from './readJsonLinesPool';

const TEXT_COLUMNS = new Set(['code', 'personId', 'kind', 'queueSince', 'registeredAt']);

/**
 * Reads a CSV pool (docs/spec.md §1.7): a header row naming the columns — each a field the
 * policy's records take, each once — then one record per row (RFC 4180). A cell of digits is a
 * number (except in `code`, `personId`, `kind` and timestamps), `true`/`false` a boolean, an empty
 * cell an absent field. Families do not fit a flat row: give them as JSON Lines. Rows stream into
 * the pool's typed columns; problems name the line. Takes the same sources as readJsonLinesPool.
 */
export async function readCsvPool(source: ByteSource, options: ReadPoolOptions): Promise<PoolFileRead> {
  options = checkReaderOptions<ReadPoolOptions>(options, true);
  const size = sizeOf(source);
  const builder = new PoolBuilder({
    policy: options.policy,
    ...(size === undefined ? {} : { expectedRecords: Math.min(Math.ceil(size / 24) + 16, 1 << 22) }),
  });
  const { known, required } = csvColumns(builder.policy);
  let columns: string[] | undefined;
  const reader = new CsvRowReader((cells, line) => {
    if (cells.length === 1 && cells[0]!.trim() === '') return; // an empty line
    if (columns === undefined) {
      columns = checkHeader(cells, known, required, builder.policy.id, line);
      return;
    }
    if (cells.length !== columns.length) {
      builder.reject('invalid_syntax', `the row has ${cells.length} cells, the header ${columns.length}`, line);
      return;
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < cells.length; i++) {
      const key = columns[i]!;
      const cell = cells[i]!.trim();
      if (cell === '') continue;
      if (TEXT_COLUMNS.has(key)) record[key] = cell;
      else if (/^\d+$/.test(cell)) record[key] = Number(cell);
      else if (cell === 'true' || cell === 'false') record[key] = cell === 'true';
      else record[key] = cell; // the schema says what is wrong with it
    }
    builder.add(record, line);
  });
  const md5 = options.md5 === true ? createMd5() : undefined;
  let bytes = 0;
  try {
    for await (const chunk of chunksOf(source)) {
      md5?.update(chunk);
      reader.push(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes, size);
      if (builder.stopped) break;
    }
    reader.end();
  } catch (error) {
    // A CSV syntax error ends the reading; it is reported after the records read before it.
    if (!isYaohaoError(error) || error.issues[0]?.path.length !== 0) throw error;
    const issue = error.issues[0];
    builder.reject(issue.code, issue.message, issue.line);
  }
  if (columns === undefined && builder.records === 0)
    throw new YaohaoError([{ code: 'missing_field', path: [], message: 'the CSV file is empty: no header row' }]);
  const pool = builder.finish();
  return { pool, lines: reader.lines, bytes, ...(md5 === undefined ? {} : { md5: md5.digest() }) };
}

/** readCsvPool, returning `{ success, value | issues }` instead of throwing. */
export function safeReadCsvPool(source: ByteSource, options: ReadPoolOptions): Promise<SafeResult<PoolFileRead>> {
  return safelyAsync(() => readCsvPool(source, options));
}

// The header: every column a field of the policy's records, none twice, every required one there.
function checkHeader(
  cells: readonly string[],
  known: readonly string[],
  required: readonly string[],
  policyId: string,
  line: number,
): string[] {
  const names = cells.map((cell) => cell.trim());
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.includes(name))
      issues.push({
        code: 'unknown_field',
        path: ['columns', name],
        line,
        message: `unknown column ${JSON.stringify(name.slice(0, 40))}: records under policy ${policyId} take ${known.join(', ')}`,
      });
    else if (seen.has(name))
      issues.push({ code: 'invalid_value', path: ['columns', name], line, message: `column "${name}" appears twice` });
    seen.add(name);
  }
  for (const name of required)
    if (!seen.has(name))
      issues.push({
        code: 'missing_field',
        path: ['columns', name],
        line,
        message: `no "${name}" column: records under policy ${policyId} need it`,
      });
  if (issues.length > 0) throw new YaohaoError(issues);
  return names;
}

/** The columns a CSV pool may have under a policy: the fields of its flat records, and those it needs. */
function csvColumns(policy: Policy): { known: string[]; required: string[] } {
  let schema: unknown = policy.weights.rule === 'beijing2021' ? Individual2021RecordSchema : recordSchemaFor(policy);
  while (schema instanceof z.ZodMiniReadonly) schema = schema.def.innerType;
  const shape = (schema as z.ZodMiniObject).shape as Record<string, z.ZodMiniType>;
  const known = Object.keys(shape);
  return { known, required: known.filter((key) => !shape[key]!.safeParse(undefined).success) };
}
