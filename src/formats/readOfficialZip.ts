import type { SafeResult } from '../errors/SafeResult';
import { safelyAsync } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { EntrySequenceReader } from '../pool/EntrySequenceReader';
import type { ByteSource, RandomAccessSource, ReadProgress } from './ByteSource';
import { randomAccessOf, rangeChunks } from './internal/byteSources';
import { checkReaderOptions } from './internal/checkReaderOptions';
import { crc32Function } from './internal/crc32';
import { MAX_HEADER_BYTES, parseOfficialHeader } from './internal/officialHeader';
import { MAX_PART_ROW_BYTES, PartRowScanner } from './internal/PartRowScanner';
import { EntryDecoder, readZipDirectory, zipProblem, type ZipEntry } from './internal/zipArchive';
import { createMd5, type Md5Hasher } from './md5';
import {
  PERIOD_TYPES,
  ROWS_PER_PART,
  partCount,
  partFileName,
  type OfficialPool,
  type OfficialPoolHeader,
} from './officialPool';

/** Options of readOfficialZip. */
export interface ReadOfficialZipOptions {
  /** Called after each chunk read, with the bytes read so far and the zip's size. */
  readonly onProgress?: ReadProgress;
}

const HEADER_NAME = /^[A-Za-z]*NumberPeriod\d{6}\.csv$/;
const PART_NAME = /^[A-Za-z]*ApplyNumber\d{6}_\d{4}\.csv$/;

const contentProblem = (message: string, file?: string): YaohaoError =>
  new YaohaoError([{ code: 'invalid_record', path: file === undefined ? [] : [file], message }]);

/**
 * Reads an official Beijing pool zip (docs/spec.md §8.2, §14): the header file
 * …NumberPeriodYYYYMM.csv (line 6 total entries, line 7 quota) and the parts
 * …ApplyNumberYYYYMM_NNNN.csv of 100,000 rows `index,code` in entry order. Checks the zip
 * strictly (names, methods, sizes, CRC-32, no hidden or overlapping data), every row, and that the
 * entries are exactly the official pass layout; rebuilds each code's weight from its number of
 * entries; reports the zip's MD5. Isomorphic: give it a Blob or File (a page), bytes, a
 * random-access file (Node), or a stream (read whole first: a zip's directory is at its end).
 * Stops at the first problem, with the file inside the zip and the line.
 */
export async function readOfficialZip(source: ByteSource, options: ReadOfficialZipOptions = {}): Promise<OfficialPool> {
  const read = await readOfficialZipWith(source, options, createMd5());
  return { ...read, md5: read.md5! };
}

/**
 * @internal readOfficialZip with the MD5 left to the caller when `md5` is undefined (the Node
 * adapter hashes the file on another thread while this one reads it).
 */
export async function readOfficialZipWith(
  source: ByteSource,
  options: ReadOfficialZipOptions,
  md5: Md5Hasher | undefined,
): Promise<Omit<OfficialPool, 'md5'> & { readonly md5?: string }> {
  options = checkReaderOptions<ReadOfficialZipOptions>(options, false);
  const input = await randomAccessOf(source);
  const entries = await readZipDirectory(input);
  const files = entries.filter((entry) => !entry.isDirectory);
  const headers = files.filter((entry) => HEADER_NAME.test(entry.baseName));
  if (headers.length !== 1)
    throw contentProblem(
      `expected one …NumberPeriodYYYYMM.csv header file, found ${headers.length === 0 ? 'none' : headers.map((h) => h.name).join(', ')}`,
    );
  const headerEntry = headers[0]!;
  if (headerEntry.size > MAX_HEADER_BYTES)
    throw contentProblem(
      `the header file declares ${headerEntry.size} bytes, more than ${MAX_HEADER_BYTES}: not seven short lines`,
      headerEntry.baseName,
    );
  const header = parseOfficialHeader(await entryBytes(input, headerEntry), headerEntry.baseName);
  const parts = expectedParts(files, header);
  const otherFiles = files
    .filter((entry) => entry !== headerEntry && !PART_NAME.test(entry.baseName))
    .map((e) => e.name);

  const reader = new EntrySequenceReader({ kind: PERIOD_TYPES[header.periodType]!.kind });
  const crc32 = crc32Function();
  const progress = options.onProgress;
  const open = (part: number): { decoder: EntryDecoder; scanner: PartRowScanner } => {
    const entry = parts[part]!;
    const rows = rowsOf(part, header.totalEntries);
    const scanner = new PartRowScanner(reader, entry.baseName, part * ROWS_PER_PART + 1, rows);
    return { decoder: new EntryDecoder(entry, (bytes) => scanner.push(bytes), crc32), scanner };
  };
  const close = (reading: { decoder: EntryDecoder; scanner: PartRowScanner }): void => {
    reading.decoder.end();
    reading.scanner.end();
  };

  if (parts.every((entry, i) => i === 0 || entry.headerOffset > parts[i - 1]!.headerOffset)) {
    // One pass over the file: every byte into the MD5, each part's bytes to its reader as they pass.
    let next = 0;
    let reading = parts.length > 0 ? open(0) : undefined;
    let position = 0;
    for await (const chunk of rangeChunks(input, 0, input.size)) {
      md5?.update(chunk);
      const chunkEnd = position + chunk.length;
      while (reading !== undefined) {
        const entry = parts[next]!;
        if (entry.dataStart >= chunkEnd && entry.compressedSize > 0) break;
        const from = Math.max(position, entry.dataStart);
        const to = Math.min(chunkEnd, entry.dataEnd);
        if (to > from) reading.decoder.push(chunk.subarray(from - position, to - position));
        if (entry.dataEnd > chunkEnd) break;
        close(reading);
        reading = ++next < parts.length ? open(next) : undefined;
      }
      position = chunkEnd;
      progress?.(position, input.size);
    }
    if (reading !== undefined) close(reading); // cannot happen in a tiled zip; then it says what is wrong
  } else {
    // Parts stored out of order: read each where it is, then the MD5 in a second pass.
    const work = input.size + parts.reduce((sum, entry) => sum + entry.compressedSize, 0);
    let done = 0;
    for (let part = 0; part < parts.length; part++) {
      const reading = open(part);
      for await (const chunk of rangeChunks(input, parts[part]!.dataStart, parts[part]!.dataEnd)) {
        reading.decoder.push(chunk);
        progress?.((done += chunk.length), work);
      }
      close(reading);
    }
    if (md5 !== undefined)
      for await (const chunk of rangeChunks(input, 0, input.size)) {
        md5.update(chunk);
        progress?.((done += chunk.length), work);
      }
  }
  return {
    pool: reader.finish(`official-${header.periodType.toLowerCase()}`),
    header,
    ...(md5 === undefined ? {} : { md5: md5.digest() }),
    entries: reader.count,
    bytes: input.size,
    otherFiles,
  };
}

/** readOfficialZip, returning `{ success, value | issues }` instead of throwing. */
export function safeReadOfficialZip(
  source: ByteSource,
  options: ReadOfficialZipOptions = {},
): Promise<SafeResult<OfficialPool>> {
  return safelyAsync(() => readOfficialZip(source, options));
}

const rowsOf = (part: number, totalEntries: number): number =>
  Math.min(ROWS_PER_PART, totalEntries - part * ROWS_PER_PART);

// The parts T needs, in order: each present once, nothing beyond, no part of another period or
// type, and none declaring more bytes than its rows can take.
function expectedParts(files: readonly ZipEntry[], header: OfficialPoolHeader): ZipEntry[] {
  const prefix = PERIOD_TYPES[header.periodType]!.prefix;
  const count = partCount(header.totalEntries);
  const byName = new Map<string, ZipEntry>();
  for (const entry of files) {
    if (!PART_NAME.test(entry.baseName)) continue;
    const number = Number(entry.baseName.slice(-8, -4));
    if (entry.baseName !== partFileName(prefix, header.period, number) || number < 1)
      throw contentProblem(
        `${entry.name} is not a part of ${prefix} period ${header.period}: refused (one pool per zip)`,
        entry.baseName,
      );
    if (number > count)
      throw contentProblem(
        `${entry.name} is beyond the ${count} parts T = ${header.totalEntries} needs`,
        entry.baseName,
      );
    const twin = byName.get(entry.baseName);
    if (twin !== undefined)
      throw contentProblem(
        `the zip holds two copies of ${entry.baseName}: ${twin.name} and ${entry.name}`,
        entry.baseName,
      );
    byName.set(entry.baseName, entry);
  }
  const parts: ZipEntry[] = [];
  for (let part = 0; part < count; part++) {
    const name = partFileName(prefix, header.period, part + 1);
    const entry = byName.get(name);
    if (entry === undefined)
      throw contentProblem(`${name} is missing (T = ${header.totalEntries} needs ${count} parts of ${ROWS_PER_PART})`);
    const limit = rowsOf(part, header.totalEntries) * (MAX_PART_ROW_BYTES + 2) + 3;
    if (entry.size > limit)
      throw zipProblem(
        `${name} declares ${entry.size} bytes, more than its ${rowsOf(part, header.totalEntries)} rows can hold (${limit}): refused`,
        name,
      );
    parts.push(entry);
  }
  return parts;
}

async function entryBytes(input: RandomAccessSource, entry: ZipEntry): Promise<Uint8Array> {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const decoder = new EntryDecoder(
    entry,
    (bytes) => {
      out.set(bytes, filled);
      filled += bytes.length;
    },
    crc32Function(),
  );
  for await (const chunk of rangeChunks(input, entry.dataStart, entry.dataEnd)) decoder.push(chunk);
  decoder.end();
  return out;
}
