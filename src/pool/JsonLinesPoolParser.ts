import { ByteOrderMarkSkipper } from '../encoding/byteOrderMark';
import { parse2021Line } from '../family/internal/parse2021Line';
import { readIndividualRun } from '../family/internal/readIndividualRun';
import type { Reader2021 } from '../family/read2021Record';
import type { Policy } from '../policy/Policy';
import { NOT_FAST, parseJsonLine } from './internal/parseJsonLine';
import { readTemplateRun, TemplateRun } from './internal/readTemplateRun';
import { RecordFields, weighFields, type FastShape } from './internal/RecordFields';
import type { Pool } from './Pool';
import { PoolBuilder } from './PoolBuilder';
import { fastShapeOf } from './recordReader';

const NEWLINE = 10;

/**
 * The longest line a JSON Lines pool file may hold, in bytes (line end excluded): a family of
 * eight is under 2 KB. A longer line ends the reading — such a file is not a pool file — without
 * being kept or read to its end (docs/spec.md §1.6).
 */
export const MAX_LINE_BYTES: number = 1 << 20;

/** Options of JsonLinesPoolParser. */
export interface JsonLinesPoolParserOptions {
  /** The policy that turns records into entries. */
  readonly policy: Policy;
  /** Expected number of records, to size buffers once (optional). */
  readonly expectedRecords?: number;
}

/**
 * Builds a pool from JSON Lines bytes fed in chunks of any size (one record object per line;
 * blank lines are ignored; a UTF-8 byte order mark is skipped). Isomorphic: feed it from a file
 * stream, `fetch`, or memory. Problems are reported with their 1-based line number.
 */
export class JsonLinesPoolParser {
  private readonly builder: PoolBuilder;
  private readonly shape: FastShape | undefined;
  private readonly reader2021: Reader2021 | undefined;
  private readonly fields = new RecordFields();
  // Lines of the commonest shapes are read in runs (2019-style files are all such lines, 2021– ones mostly).
  private readonly run: TemplateRun | undefined;
  // ignoreBOM: each line is decoded on its own, and a decoder would drop a mark at the start of every
  // one; only the file's is skipped (byteOrderMark), one anywhere else is not JSON (docs/spec.md §1.6).
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly byteOrderMark = new ByteOrderMarkSkipper();
  // An incomplete last line, kept as a list of pieces (joined once when its newline comes).
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  // A line was too long: the reading has ended.
  private halted = false;
  private line = 0;
  /** Bytes consumed so far. */
  bytes = 0;

  constructor(options: JsonLinesPoolParserOptions) {
    // Typed columns: the records of a byte stream are never all in memory (see ColumnStorage).
    this.builder = new PoolBuilder({
      policy: options.policy,
      expectedRecords: options.expectedRecords ?? 1 << 16,
      storage: 'typed',
    });
    this.shape = fastShapeOf(this.builder.policy);
    this.reader2021 = this.builder.reader2021;
    this.run = this.shape === undefined && this.reader2021 === undefined ? undefined : new TemplateRun();
  }

  /** Lines seen so far. */
  get lines(): number {
    return this.line;
  }

  /**
   * True once reading has stopped — a line longer than MAX_LINE_BYTES, or the first records all
   * refused for the same unknown field (PoolBuilder.stopped): further chunks are ignored, and a
   * caller may stop reading its source.
   */
  get stopped(): boolean {
    return this.halted || this.builder.stopped;
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.read(this.byteOrderMark.next(chunk));
  }

  private read(chunk: Uint8Array): void {
    if (this.stopped) return;
    // A plain Uint8Array view (a Node Buffer is a subclass): the fast readers then see one kind of array.
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.carryBytes > 0) {
      // Finish the line the previous chunks began.
      const newline = bytes.indexOf(NEWLINE);
      this.keep(newline < 0 ? bytes : bytes.subarray(0, newline));
      if (newline < 0 || this.halted) return;
      const joined = this.takeCarry();
      this.parseLine(joined, dataView(joined), 0, joined.length);
      start = newline + 1;
    }
    const length = bytes.length;
    const view = dataView(bytes);
    while (start < length) {
      if (this.stopped) return;
      if (this.run !== undefined) {
        const next =
          this.reader2021 === undefined
            ? readTemplateRun(bytes, view, start, length, this.shape!, this.run)
            : readIndividualRun(bytes, view, start, length, this.reader2021, this.run);
        if (this.run.count > 0) {
          this.builder.addRun(this.run, this.line + 1);
          this.line += this.run.count;
          start = next;
          continue;
        }
      }
      // The fast parsers find the newline themselves; only other lines pay for a separate search.
      const stop = this.scan(bytes, view, start, length);
      if (stop !== NOT_FAST && stop < length && stop - start <= MAX_LINE_BYTES) {
        const line = ++this.line;
        if (!this.acceptFast(line)) this.slowLine(bytes, start, stop, line);
        start = stop + 1;
        continue;
      }
      const newline = stop === NOT_FAST ? bytes.indexOf(NEWLINE, start) : stop < length ? stop : -1;
      if (newline < 0) {
        this.keep(bytes.subarray(start)); // an incomplete last line: finish it with the next chunk
        return;
      }
      this.parseLine(bytes, view, start, newline);
      start = newline + 1;
    }
  }

  /** Ends the input and returns the canonical pool, or throws a YaohaoError listing every bad line. */
  finish(): Pool {
    this.read(this.byteOrderMark.end());
    if (this.carryBytes > 0 && !this.stopped) {
      const last = this.takeCarry();
      this.parseLine(last, dataView(last), 0, last.length);
    }
    return this.builder.finish();
  }

  // Keeps the start of an unfinished line; one longer than MAX_LINE_BYTES ends the reading at once,
  // so a huge line (or a sparse file of zeros) costs one chunk and no memory.
  private keep(piece: Uint8Array): void {
    if (this.carryBytes + piece.length > MAX_LINE_BYTES) {
      this.carry = [];
      this.carryBytes = 0;
      this.tooLong(++this.line);
      return;
    }
    this.carry.push(Uint8Array.prototype.slice.call(piece)); // a copy: the caller may reuse its chunk
    this.carryBytes += piece.length;
  }

  private takeCarry(): Uint8Array {
    const pieces = this.carry;
    const total = this.carryBytes;
    this.carry = [];
    this.carryBytes = 0;
    if (pieces.length === 1) return pieces[0]!;
    const joined = new Uint8Array(total);
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    return joined;
  }

  private tooLong(line: number): void {
    this.halted = true;
    this.builder.reject(
      'invalid_syntax',
      `the line is longer than ${MAX_LINE_BYTES} bytes: not a pool file (reading stopped here)`,
      line,
    );
  }

  // Reads a line of a fast shape into the fields; the index of its newline (or `end`), or NOT_FAST.
  private scan(bytes: Uint8Array, view: DataView, start: number, end: number): number {
    if (this.reader2021 !== undefined) return parse2021Line(bytes, view, start, end, this.reader2021.fields);
    return parseJsonLine(bytes, view, start, end, this.fields);
  }

  private acceptFast(line: number): boolean {
    if (this.reader2021 !== undefined) return this.builder.addFields(line);
    const fields = this.fields;
    if (this.shape === undefined || !weighFields(fields, this.shape)) return false;
    this.builder.addWeighed(fields.code, fields.weight, fields.kind, line);
    return true;
  }

  private parseLine(bytes: Uint8Array, view: DataView, start: number, end: number): void {
    const line = ++this.line;
    if (end - start > MAX_LINE_BYTES) return this.tooLong(line);
    if (this.scan(bytes, view, start, end) !== NOT_FAST && this.acceptFast(line)) return;
    this.slowLine(bytes, start, end, line);
  }

  // JSON.parse and the record reader (fast object path, then zod): the definition of a valid line.
  private slowLine(bytes: Uint8Array, start: number, end: number, line: number): void {
    if (isBlank(bytes, start, end)) return;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end));
    } catch {
      // Our own words: the decoder's message differs from one JavaScript engine to another.
      this.builder.reject('invalid_syntax', 'not a valid JSON line (bytes that are not UTF-8)', line);
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : String(error);
      this.builder.reject('invalid_syntax', `not a valid JSON line (${reason})`, line);
      return;
    }
    this.builder.add(record, line);
  }
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}
