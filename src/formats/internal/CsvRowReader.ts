import { ByteOrderMarkSkipper } from '../../encoding/byteOrderMark';
import { YaohaoError } from '../../errors/YaohaoError';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The longest CSV record, in bytes (all its cells, quotes and separators). Pool rows are < 1 KB. */
export const MAX_CSV_ROW_BYTES: number = 64 << 10;

/**
 * RFC 4180 CSV from bytes in chunks of any size: cells separated by commas, records by LF or
 * CRLF; a quoted cell ("…", "" for a quote) may hold commas and line breaks. Strict where the RFC
 * is: a quote inside an unquoted cell, or anything but a separator after a closing quote, is an
 * error; so is a record longer than MAX_CSV_ROW_BYTES or a cell that is not UTF-8. Errors throw a
 * YaohaoError with the line; each record goes to `onRow` with the line it starts on.
 */
export class CsvRowReader {
  private row = new Uint8Array(1024);
  private rowLength = 0;
  private readonly cellEnds: number[] = [];
  private inQuotes = false;
  private afterQuote = false;
  private cellStart = 0;
  private line = 1;
  private rowLine = 1;
  private readonly byteOrderMark = new ByteOrderMarkSkipper();
  private lineHasBytes = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly onRow: (cells: string[], line: number) => void) {}

  /** Lines read so far (a last line without a line end counts). */
  get lines(): number {
    return this.line - 1 + (this.lineHasBytes ? 1 : 0);
  }

  /** The next bytes. */
  push(chunk: Uint8Array): void {
    const bytes = this.byteOrderMark.next(chunk);
    if (bytes.length > 0) this.lineHasBytes = bytes[bytes.length - 1] !== LF;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (this.inQuotes) {
        if (byte === QUOTE) {
          this.inQuotes = false;
          this.afterQuote = true;
          continue;
        }
        if (byte === LF) this.line++;
        this.append(byte);
        continue;
      }
      if (this.afterQuote) {
        if (byte === QUOTE) {
          // "" inside a quoted cell: one quote
          this.append(QUOTE);
          this.inQuotes = true;
          this.afterQuote = false;
          continue;
        }
        if (byte === CR) continue;
        if (byte !== COMMA && byte !== LF)
          this.fail(
            `${JSON.stringify(String.fromCharCode(byte))} after the closing quote of a cell (expected a comma or the end of the line)`,
          );
        this.afterQuote = false;
      }
      if (byte === COMMA) this.endCell();
      else if (byte === LF) {
        this.endCell();
        this.endRow();
        this.line++;
        this.rowLine = this.line;
      } else if (byte === QUOTE) {
        if (this.rowLength !== this.cellStart)
          this.fail('a quote inside an unquoted cell (quote the whole cell and double the quote: "a""b")');
        this.inQuotes = true;
      } else this.append(byte);
    }
  }

  /** The input has ended. */
  end(): void {
    this.push(this.byteOrderMark.end());
    if (this.inQuotes) this.fail('a quoted cell is not closed before the end of the file');
    if (this.rowLength > 0 || this.cellEnds.length > 0 || this.afterQuote) {
      this.afterQuote = false;
      this.endCell();
      this.endRow();
    }
  }

  private append(byte: number): void {
    if (this.rowLength === this.row.length) {
      if (this.rowLength >= MAX_CSV_ROW_BYTES) this.fail(`the record is longer than ${MAX_CSV_ROW_BYTES} bytes`);
      const grown = new Uint8Array(this.row.length * 2);
      grown.set(this.row);
      this.row = grown;
    }
    this.row[this.rowLength++] = byte;
  }

  private endCell(): void {
    this.cellEnds.push(this.rowLength);
    this.cellStart = this.rowLength;
  }

  private endRow(): void {
    const cells: string[] = [];
    let start = 0;
    for (const end of this.cellEnds) {
      try {
        cells.push(this.decoder.decode(this.row.subarray(start, end)));
      } catch {
        this.fail(`cell ${cells.length + 1} is not valid UTF-8`);
      }
      start = end;
    }
    this.cellEnds.length = 0;
    this.rowLength = 0;
    this.cellStart = 0;
    this.onRow(cells, this.rowLine);
  }

  private fail(message: string): never {
    throw new YaohaoError([
      { code: 'invalid_syntax', path: [], line: this.rowLine, message: `not valid CSV: ${message}` },
    ]);
  }
}
