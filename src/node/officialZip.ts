import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { YaohaoError } from '../errors/YaohaoError';
import { EntrySequenceReader } from '../pool/EntrySequenceReader';
import { numberToCode } from '../pool/applicationCode';
import { commitPool } from '../pool/commitPool';
import { codeValueAt, poolColumns, type Pool } from '../pool/Pool';

/** Rows per ApplyNumber part file, as the official program writes and reads them. */
export const ROWS_PER_PART = 100_000;

/** The period types of the official files: person/unit, common (ordinary) / new (new-energy). */
export const PERIOD_TYPES: Readonly<Record<string, { prefix: string; kind: 'individual' | 'unit' }>> = {
  PERSONCOMMON: { prefix: 'bjPersonCommon', kind: 'individual' },
  PERSONNEW: { prefix: 'bjPersonNew', kind: 'individual' },
  UNITCOMMON: { prefix: 'bjUnitCommon', kind: 'unit' },
  UNITNEW: { prefix: 'bjUnitNew', kind: 'unit' },
};

/** The header (…NumberPeriodYYYYMM.csv) of an official pool: seven lines. */
export interface OfficialPoolHeader {
  /** Line 1: PERSONCOMMON, PERSONNEW, UNITCOMMON or UNITNEW. */
  readonly periodType: string;
  /** Line 2: the period number, YYYYMM. */
  readonly period: string;
  /** Line 3: the period title. */
  readonly title: string;
  /** Lines 4 and 5: free text. */
  readonly notes: readonly [string, string];
  /** Line 6: total entries T. */
  readonly totalEntries: number;
  /** Line 7: the quota. */
  readonly quota: number;
}

/** A pool read from an official zip, with its header and the zip's MD5 (compare it with the published one). */
export interface OfficialPool {
  readonly pool: Pool;
  readonly header: OfficialPoolHeader;
  /** Lowercase hex MD5 of the zip file's bytes. */
  readonly md5: string;
  /** Entries read. */
  readonly entries: number;
}

const fail = (file: string, message: string, line?: number): never => {
  throw new YaohaoError([{ code: 'invalid_record', path: [file], message, ...(line === undefined ? {} : { line }) }]);
};

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

async function md5Of(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/**
 * Reads an official Beijing pool zip (docs/spec.md §8.2): the header file …NumberPeriodYYYYMM.csv
 * (line 6 total entries, line 7 quota) and the parts …ApplyNumberYYYYMM_NNNN.csv of 100,000 rows
 * `index,code` in entry order. Streams every part, checks the running index and that the entries
 * are exactly the official pass layout, rebuilds each code's weight from its number of entries,
 * and reports the zip's MD5. Problems name the file inside the zip and the line.
 */
export async function readOfficialZip(
  path: string,
  onEntries?: (entries: number, total: number) => void,
): Promise<OfficialPool> {
  const md5 = md5Of(path);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return fail(path, `not a readable zip file (${(error as Error).message})`);
  }
  try {
    const entries = (await listEntries(zip)).filter((e) => !e.fileName.endsWith('/'));
    const headers = entries.filter((e) => /NumberPeriod\d{6}\.csv$/.test(baseName(e.fileName)));
    if (headers.length !== 1)
      return fail(path, `expected one …NumberPeriodYYYYMM.csv header file, found ${headers.length}`);
    const headerEntry = headers[0]!;
    const headerName = baseName(headerEntry.fileName);
    const lines: string[] = [];
    for await (const line of createInterface({ input: await openEntry(zip, headerEntry), crlfDelay: Infinity }))
      lines.push(line.replace(/^\uFEFF/, ''));
    const header = parseHeader(lines, headerName);
    const type = PERIOD_TYPES[header.periodType]!;
    const partCount = Math.ceil(header.totalEntries / ROWS_PER_PART);
    const byName = new Map(entries.map((e) => [baseName(e.fileName), e]));
    const partName = (part: number): string =>
      `${type.prefix}ApplyNumber${header.period}_${String(part).padStart(4, '0')}.csv`;
    // Every part must be there before any is read (a missing part is the likeliest damage).
    for (let part = 1; part <= partCount; part++) {
      if (!byName.has(partName(part)))
        fail(
          path,
          `${partName(part)} is missing (T = ${header.totalEntries} needs ${partCount} parts of ${ROWS_PER_PART})`,
        );
    }
    const reader = new EntrySequenceReader({ kind: type.kind });
    for (let part = 1; part <= partCount; part++) {
      const name = partName(part);
      const entry = byName.get(name)!;
      const expectedRows = part < partCount ? ROWS_PER_PART : header.totalEntries - (partCount - 1) * ROWS_PER_PART;
      let rows = 0;
      let line = 0;
      for await (const text of createInterface({ input: await openEntry(zip, entry), crlfDelay: Infinity })) {
        line++;
        const row = text.replace(/^\uFEFF/, '').trim();
        if (row === '') continue;
        const comma = row.indexOf(',');
        const index = comma < 0 ? Number.NaN : Number(row.slice(0, comma));
        const expectedIndex = (part - 1) * ROWS_PER_PART + rows + 1;
        if (index !== expectedIndex)
          fail(
            name,
            `expected row "${expectedIndex},<13-digit code>", found ${JSON.stringify(row.slice(0, 40))}`,
            line,
          );
        rows++;
        if (!reader.push(row.slice(comma + 1).trim(), { file: name, line })) throw new YaohaoError(reader.problems);
        if (reader.count % 1_000_000 === 0) onEntries?.(reader.count, header.totalEntries);
      }
      if (rows !== expectedRows) fail(name, `has ${rows} rows, expected ${expectedRows}`);
    }
    const extra = entries.filter(
      (e) =>
        /ApplyNumber\d{6}_\d{4}\.csv$/.test(baseName(e.fileName)) &&
        Number(/_(\d{4})\.csv$/.exec(e.fileName)![1]) > partCount,
    );
    if (extra.length > 0)
      fail(path, `${baseName(extra[0]!.fileName)} is beyond the ${partCount} parts T = ${header.totalEntries} needs`);
    return {
      pool: reader.finish(`official-${header.periodType.toLowerCase()}`),
      header,
      md5: await md5,
      entries: reader.count,
    };
  } finally {
    zip.close();
  }
}

function parseHeader(lines: readonly string[], file: string): OfficialPoolHeader {
  if (lines.length < 7) fail(file, `the header file has ${lines.length} lines, expected 7`);
  const [periodType, period, title, note1, note2, total, quota] = lines.map((l) => l.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (PERIOD_TYPES[periodType] === undefined)
    fail(file, `line 1 must be one of ${Object.keys(PERIOD_TYPES).join(', ')}, found ${JSON.stringify(periodType)}`, 1);
  if (!/^\d{6}$/.test(period) || !file.includes(period))
    fail(file, `line 2 must be the period YYYYMM of the file name, found ${JSON.stringify(period)}`, 2);
  if (!file.startsWith(`${PERIOD_TYPES[periodType]!.prefix}NumberPeriod`))
    fail(file, `the file name does not match the period type ${periodType}`, 1);
  if (!/^[1-9]\d*$/.test(total) || Number(total) > 2147483647)
    fail(file, `line 6 must be the total number of entries, found ${JSON.stringify(total)}`, 6);
  if (!/^\d+$/.test(quota)) fail(file, `line 7 must be the quota, found ${JSON.stringify(quota)}`, 7);
  return { periodType, period, title, notes: [note1, note2], totalEntries: Number(total), quota: Number(quota) };
}

/** Options of writeOfficialZip. */
export interface WriteOfficialZipOptions {
  /** PERSONCOMMON (default), PERSONNEW, UNITCOMMON or UNITNEW. */
  readonly periodType?: string;
  /** YYYYMM. */
  readonly period: string;
  /** Line 3: the period title. */
  readonly title?: string;
  /** Line 7: the quota. */
  readonly quota: number;
  /** Lines 4 and 5 (default: the number of codes, and the pool digest). */
  readonly notes?: readonly [string, string];
  /**
   * Deflate the files (level 9). Off by default: stored files make the zip byte-identical on every
   * machine; deflated bytes depend on the zlib version (the content never does).
   */
  readonly deflate?: boolean;
}

// Fixed times in the zip's directory: the same pool gives the same bytes (and MD5). Not a clock reading.
// eslint-disable-next-line no-restricted-syntax
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * Writes a pool in the official zip layout to `path`: the seven-line header file and parts of
 * 100,000 `index,code` rows in entry order, UTF-8 with LF, entries in a fixed order with fixed
 * times. Streams part by part to a temporary file renamed over `path` at the end, so a failure
 * never leaves a partial zip. Returns the zip's MD5.
 */
export async function writeOfficialZip(pool: Pool, path: string, options: WriteOfficialZipOptions): Promise<string> {
  const periodType = options.periodType ?? 'PERSONCOMMON';
  const type = PERIOD_TYPES[periodType];
  if (type === undefined)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['periodType'],
        message: `period type must be one of ${Object.keys(PERIOD_TYPES).join(', ')}`,
      },
    ]);
  if (!/^\d{6}$/.test(options.period))
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['period'],
        message: `period must be YYYYMM, e.g. 202406, got ${JSON.stringify(options.period)}`,
      },
    ]);
  if (pool.totalEntries > 2147483647 || pool.totalEntries === 0)
    throw new YaohaoError([
      { code: 'too_many_entries', path: ['pool'], message: 'the official layout holds 1 to 2147483647 entries' },
    ]);
  const zip = new yazl.ZipFile();
  const notes = options.notes ?? [`${pool.size} codes`, `yaohao-pool/1 ${commitPool(pool).digest}`];
  const fileOptions = {
    mtime: ZIP_TIME,
    mode: 0o100644,
    compress: options.deflate === true,
    ...(options.deflate === true ? { compressionLevel: 9 } : {}),
  };
  const add = (name: string, text: string): void => zip.addBuffer(Buffer.from(`${text}\n`, 'utf8'), name, fileOptions);
  add(
    `${type.prefix}NumberPeriod${options.period}.csv`,
    [
      periodType,
      options.period,
      options.title ?? options.period,
      notes[0],
      notes[1],
      String(pool.totalEntries),
      String(options.quota),
    ].join('\n'),
  );
  const temporary = `${path}.${process.pid}.tmp`;
  const output = createWriteStream(temporary);
  const written = pipeline(zip.outputStream, output);
  try {
    const columns = poolColumns(pool);
    let part = 1;
    let rows: string[] = [];
    for (let entry = 1; entry <= pool.totalEntries; entry++) {
      rows.push(`${entry},${numberToCode(codeValueAt(columns, columns.layout.indexAt(entry - 1)))}`);
      if (rows.length === ROWS_PER_PART || entry === pool.totalEntries) {
        add(`${type.prefix}ApplyNumber${options.period}_${String(part++).padStart(4, '0')}.csv`, rows.join('\n'));
        rows = [];
      }
    }
    zip.end();
    await written;
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return md5Of(path);
}
