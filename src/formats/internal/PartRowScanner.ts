import { YaohaoError } from '../../errors/YaohaoError';
import type { EntrySequenceReader } from '../../pool/EntrySequenceReader';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const ZERO = 0x30;

/** The longest row of a part file, in bytes, line end excluded (a real row has at most 24). */
export const MAX_PART_ROW_BYTES: number = 64;

const latin1 = new TextDecoder('latin1');
const BATCH = 4096;

/**
 * Reads the rows `<index>,<code>` of one …ApplyNumber…_NNNN.csv part straight from its bytes, fed
 * in chunks of any size: no lines, no strings. A row is read on the fast path when it is exactly
 * the expected index, a comma, 13 digits and LF or CRLF; anything else (a byte order mark, spaces,
 * a blank line, a damaged row) goes through the careful path, which explains what is wrong. A
 * row longer than MAX_PART_ROW_BYTES stops the reading at once, so one huge line costs nothing.
 */
export class PartRowScanner {
  // The next row's index, its number of digits, and the first index with one digit more.
  private index: number;
  private width: number;
  private nextWidthAt: number;
  private rows = 0;
  private line = 0;
  private readonly carry = new Uint8Array(MAX_PART_ROW_BYTES + 2);
  private carryLength = 0;
  // Codes read but not yet handed to the entry reader (one call per batch, not per row).
  private readonly values = new Float64Array(BATCH);
  private readonly lines = new Uint32Array(BATCH);
  private batched = 0;

  constructor(
    private readonly reader: EntrySequenceReader,
    private readonly name: string,
    firstIndex: number,
    private readonly rowCount: number,
  ) {
    this.index = firstIndex;
    this.width = String(firstIndex).length;
    this.nextWidthAt = 10 ** this.width;
  }

  /** The next bytes of the part. */
  push(bytes: Uint8Array): void {
    const n = bytes.length;
    let i = 0;
    if (this.carryLength > 0) {
      // Finish the row the previous chunk began.
      const room = this.carry.length - this.carryLength;
      const newline = bytes.subarray(0, room).indexOf(LF);
      if (newline < 0) {
        if (n >= room) this.tooLong(this.line + 1);
        this.carry.set(bytes, this.carryLength);
        this.carryLength += n;
        return;
      }
      this.carry.set(bytes.subarray(0, newline), this.carryLength);
      this.carryLength += newline;
      this.carefulRow(this.carry, 0, this.carryLength);
      this.carryLength = 0;
      i = newline + 1;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    while (i < n) {
      i = this.fastRows(bytes, view, i);
      if (i >= n) break;
      if (bytes[i] === LF) {
        this.line++; // a blank line
        i++;
        continue;
      }
      const limit = Math.min(n, i + this.carry.length);
      const found = bytes.subarray(i, limit).indexOf(LF);
      if (found < 0) {
        if (n - i >= this.carry.length) this.tooLong(this.line + 1);
        this.carry.set(bytes.subarray(i), 0);
        this.carryLength = n - i;
        return;
      }
      this.carefulRow(bytes, i, i + found);
      i += found + 1;
    }
  }

  /** The part has ended: its last row (without a line end) and the row count. */
  end(): void {
    if (this.carryLength > 0) {
      this.carefulRow(this.carry, 0, this.carryLength);
      this.carryLength = 0;
    }
    this.flush();
    if (this.rows !== this.rowCount) this.fail(`has ${this.rows} rows, expected ${this.rowCount}`, undefined);
  }

  /**
   * Reads rows "<expected index>,<13 digits>\n" (or \r\n) lying wholly in `bytes` from `i` on, four
   * digits at a time (SWAR: one 32-bit load checks and converts four ASCII digits); returns where
   * the first other row (or the chunk's end) begins. State is kept in locals in this hot loop.
   */
  private fastRows(bytes: Uint8Array, view: DataView, i: number): number {
    const n = bytes.length;
    const values = this.values;
    const lines = this.lines;
    let index = this.index;
    let width = this.width;
    let line = this.line;
    let batched = this.batched;
    const room = this.rowCount - this.rows; // rows still allowed in this part
    let taken = 0;
    for (;;) {
      const comma = i + width;
      const end = comma + 14;
      if (end >= n || bytes[comma] !== COMMA || taken === room) break;
      let found = 0;
      let k = i;
      const lead = i + (width & 3);
      for (; k < lead; k++) {
        const digit = bytes[k]! - ZERO;
        if (digit >>> 0 > 9) found = -1;
        found = found * 10 + digit;
      }
      for (; k < comma; k += 4) {
        const four = digits4(view.getUint32(k, true));
        if (four < 0) found = -1;
        found = found * 10_000 + four;
      }
      if (found !== index) break;
      const a = digits4(view.getUint32(comma + 1, true));
      const b = digits4(view.getUint32(comma + 5, true));
      const c = digits4(view.getUint32(comma + 9, true));
      const d = bytes[comma + 13]! - ZERO;
      if ((a | b | c) < 0 || d >>> 0 > 9) break;
      let next = end;
      if (bytes[next] === CR) next++;
      if (next >= n || bytes[next] !== LF) break;
      values[batched] = ((a * 10_000 + b) * 10_000 + c) * 10 + d;
      lines[batched] = ++line;
      if (++batched === BATCH) {
        this.batched = batched;
        this.line = line;
        this.flush();
        batched = 0;
      }
      taken++;
      if (++index === this.nextWidthAt) {
        width++;
        this.nextWidthAt *= 10;
      }
      i = next + 1;
    }
    this.index = index;
    this.width = width;
    this.line = line;
    this.batched = batched;
    this.rows += taken;
    return i;
  }

  private accept(value: number): void {
    if (this.rows === this.rowCount) this.fail(`has more than the ${this.rowCount} rows expected`, this.line);
    this.rows++;
    if (++this.index === this.nextWidthAt) {
      this.width++;
      this.nextWidthAt *= 10;
    }
    this.values[this.batched] = value;
    this.lines[this.batched] = this.line;
    if (++this.batched === BATCH) this.flush();
  }

  private flush(): void {
    const count = this.batched;
    this.batched = 0;
    if (count > 0 && !this.reader.pushValues(this.values, this.lines, count, this.name))
      throw new YaohaoError(this.reader.problems);
  }

  // A row the fast path did not take: [start, end) without its LF.
  private carefulRow(bytes: Uint8Array, start: number, end: number): void {
    const line = ++this.line;
    if (end - (bytes[end - 1] === CR && end > start ? 1 : 0) - start > MAX_PART_ROW_BYTES) this.tooLong(line);
    let text = latin1.decode(bytes.subarray(start, end));
    if (line === 1 && text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3); // UTF-8 byte order mark
    const row = text.replace(/^[ \t]+|[ \t\r]+$/g, '');
    if (row === '') return; // a blank line
    const match = /^(\d{1,12})[ \t]*,[ \t]*(\d{13})$/.exec(row);
    if (match === null || Number(match[1]) !== this.index)
      return this.fail(`expected row "${this.index},<13-digit code>", found ${JSON.stringify(row.slice(0, 40))}`, line);
    this.accept(Number(match[2]));
  }

  private tooLong(line: number): never {
    return this.fail(`the line is longer than ${MAX_PART_ROW_BYTES} bytes: not a row "<index>,<code>"`, line);
  }

  // The entries before the bad row are checked first: the first problem in the file is the one reported.
  private fail(message: string, line: number | undefined): never {
    this.flush();
    throw new YaohaoError([
      { code: 'invalid_record', path: [this.name], message, ...(line === undefined ? {} : { line }) },
    ]);
  }
}

/**
 * The value of four ASCII digits read as a little-endian 32-bit word (first digit in the low
 * byte), or −1 if any byte is not a digit. Each byte must have high nibble 3 and stay there when
 * 6 is added (0x30–0x39); then pairs are combined without carries between bytes.
 */
function digits4(word: number): number {
  if ((word & 0xf0f0f0f0) !== 0x30303030 || ((word + 0x06060606) & 0xf0f0f0f0) !== 0x30303030) return -1;
  const d = word - 0x30303030;
  const pairs = (Math.imul(d, 10) + (d >>> 8)) & 0x00ff00ff;
  return (pairs & 0xff) * 100 + (pairs >>> 16);
}
