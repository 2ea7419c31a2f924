import { deflateSync } from 'fflate';
import { isWellFormedString } from '../encoding/utf8';
import { YaohaoError } from '../errors/YaohaoError';
import { writeCodeDigits } from '../pool/applicationCode';
import { commitPool } from '../pool/commitPool';
import { codeValueAt, poolColumns, type Pool, type WeightColumn } from '../pool/Pool';
import { crc32Function } from './internal/crc32';
import { hasControlCharacter } from './internal/zipArchive';
import { ZipWriter } from './internal/zipWriter';
import { headerFileName, PERIOD_TYPES, partCount, partFileName, ROWS_PER_PART } from './officialPool';

/** Options of writeOfficialZip. */
export interface WriteOfficialZipOptions {
  /** PERSONCOMMON (default), PERSONNEW, UNITCOMMON or UNITNEW. */
  readonly periodType?: string;
  /** YYYYMM. */
  readonly period: string;
  /** Line 3: the period title (default: the period). */
  readonly title?: string;
  /** Line 7: the quota. */
  readonly quota: number;
  /** Lines 4 and 5 (default: the number of codes, and the pool digest). */
  readonly notes?: readonly [string, string];
  /**
   * Deflate the files (level 9, fflate). Off by default: stored files make the zip byte-identical
   * everywhere and forever; deflated bytes depend on the compressor's version (the content never does).
   */
  readonly deflate?: boolean;
}

const ZIP_LIMIT = 0xffff_ffff;

/**
 * The official zip layout of a pool (docs/spec.md §8.2), as byte chunks to write in order: the
 * seven-line header file, then parts of 100,000 `index,code` rows in entry order, UTF-8 with LF,
 * every field of the zip fixed, so the same pool gives the same bytes (and MD5) on every machine.
 * One part is in memory at a time. Checks the options up front (a YaohaoError before any byte).
 */
export function writeOfficialZip(pool: Pool, options: WriteOfficialZipOptions): Iterable<Uint8Array> {
  if (typeof pool !== 'object' || pool === null || poolColumns(pool) === undefined)
    throw new YaohaoError([{ code: 'invalid_type', path: ['pool'], message: 'pool must be a Pool (createPool)' }]);
  if (typeof options !== 'object' || options === null)
    throw new YaohaoError([{ code: 'invalid_type', path: ['options'], message: 'options must be an object' }]);
  const periodType = options.periodType ?? 'PERSONCOMMON';
  const problems: { path: string; message: string }[] = [];
  const type = Object.hasOwn(PERIOD_TYPES, periodType) ? PERIOD_TYPES[periodType] : undefined;
  if (type === undefined)
    problems.push({
      path: 'periodType',
      message: `period type must be one of ${Object.keys(PERIOD_TYPES).join(', ')}`,
    });
  if (typeof options.period !== 'string' || !/^\d{6}$/.test(options.period))
    problems.push({
      path: 'period',
      message: `period must be YYYYMM, e.g. 202406, got ${JSON.stringify(options.period)}`,
    });
  if (!Number.isSafeInteger(options.quota) || options.quota < 0)
    problems.push({ path: 'quota', message: `quota must be a whole number, got ${String(options.quota)}` });
  const notes = options.notes ?? [`${pool.size} codes`, `yaohao-pool/1 ${commitPool(pool).digest}`];
  const title = options.title ?? options.period;
  for (const [path, text] of [
    ['title', title],
    ['notes', notes[0]],
    ['notes', notes[1]],
  ] as const) {
    const problem = headerLineProblem(text);
    if (problem !== undefined) problems.push({ path, message: `${path} ${problem}` });
  }
  if (problems.length > 0)
    throw new YaohaoError(problems.map(({ path, message }) => ({ code: 'invalid_value', path: [path], message })));
  if (pool.totalEntries > 2147483647 || pool.totalEntries === 0)
    throw new YaohaoError([
      { code: 'too_many_entries', path: ['pool'], message: 'the official layout holds 1 to 2147483647 entries' },
    ]);
  if (rowBytes(pool.totalEntries) + 200 * (partCount(pool.totalEntries) + 1) > ZIP_LIMIT)
    throw new YaohaoError([
      { code: 'too_many_entries', path: ['pool'], message: 'the zip would exceed 4 GiB (zip64 is not written)' },
    ]);
  const lines = [
    periodType,
    options.period,
    title,
    notes[0],
    notes[1],
    String(pool.totalEntries),
    String(options.quota),
  ];
  return zipChunks(pool, type!.prefix, options.period, `${lines.join('\n')}\n`, options.deflate === true);
}

// A header line must read back as written: the reader splits lines and trims them.
function headerLineProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'must be a string';
  if (hasControlCharacter(text)) return 'must be one line without control characters';
  if (text.trim() !== text) return 'must not start or end with white space';
  if (!isWellFormedString(text)) return 'must be well-formed Unicode (a lone surrogate cannot be written as UTF-8)';
  return undefined;
}

// Bytes of T rows "<index>,<13 digits>\n".
function rowBytes(totalEntries: number): number {
  let bytes = 0;
  for (let digits = 1, low = 1; low <= totalEntries; digits++, low *= 10)
    bytes += (Math.min(totalEntries, low * 10 - 1) - low + 1) * (digits + 15);
  return bytes;
}

function* zipChunks(
  pool: Pool,
  prefix: string,
  period: string,
  headerText: string,
  deflate: boolean,
): Generator<Uint8Array, void, undefined> {
  const crc32 = crc32Function();
  const zip = new ZipWriter();
  const file = (name: string, content: Uint8Array): Uint8Array[] =>
    deflate
      ? zip.entry(name, deflateSync(content, { level: 9 }), crc32(content, 0), content.length, 8)
      : zip.entry(name, content, crc32(content, 0), content.length, 0);
  yield* file(headerFileName(prefix, period), new TextEncoder().encode(headerText));
  const entries = new EntryWalker(pool);
  // Every code's 13 digits, written once: an entry copies them (a code appears up to w times).
  const columns = poolColumns(pool);
  const digits = new Uint8Array(pool.size * 13);
  for (let i = 0; i < pool.size; i++) writeCodeDigits(codeValueAt(columns, i), digits, i * 13);
  const total = pool.totalEntries;
  const width = String(total).length + 15;
  const index = new Uint8Array(16);
  let indexWidth = 1;
  index[0] = 0x30;
  for (let part = 1; part <= partCount(total); part++) {
    const rows = Math.min(ROWS_PER_PART, total - (part - 1) * ROWS_PER_PART);
    const buffer = new Uint8Array(rows * width);
    let at = 0;
    for (let row = 0; row < rows; row++) {
      // index + 1, in ASCII digits
      let k = indexWidth - 1;
      while (k >= 0 && index[k] === 0x39) index[k--] = 0x30;
      if (k >= 0) index[k]!++;
      else {
        index[0] = 0x31;
        index[indexWidth++] = 0x30;
      }
      for (let d = 0; d < indexWidth; d++) buffer[at++] = index[d]!;
      buffer[at++] = 0x2c;
      for (let from = entries.next() * 13, to = from + 13; from < to;) buffer[at++] = digits[from++]!;
      buffer[at++] = 0x0a;
    }
    yield* file(partFileName(prefix, period, part), buffer.subarray(0, at));
  }
  yield zip.end();
}

/**
 * The applications (0-based, in code order) in entry order — pass 1: every one; pass k: those with
 * weight ≥ k — from one list of those still in play, compacted in place as passes go: O(T + n)
 * time, 4 bytes per code.
 */
class EntryWalker {
  private readonly weights: WeightColumn;
  private readonly active: Uint32Array;
  private length: number;
  private position = 0;
  private kept = 0;
  private pass = 1;

  constructor(pool: Pool) {
    this.weights = poolColumns(pool).weights;
    this.length = pool.size;
    this.active = new Uint32Array(pool.size);
    for (let i = 0; i < pool.size; i++) this.active[i] = i;
  }

  next(): number {
    if (this.position === this.length) {
      this.length = this.kept;
      this.position = 0;
      this.kept = 0;
      this.pass++;
    }
    const index = this.active[this.position++]!;
    if (this.weights[index]! > this.pass) this.active[this.kept++] = index;
    return index;
  }
}
