// Writes a zip container byte for byte as yaohao always has (the layout yazl wrote), with every
// field fixed: the same files give the same bytes on every machine, in every time zone.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20;
const VERSION_MADE_BY = (3 << 8) | 63; // Unix, APPNOTE 6.3
const REGULAR_FILE_0644 = 0o100644 << 16;
// 2000-01-01 00:00:00 as MS-DOS date and time fields, and as Unix time for the "UT" extra field.
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UNIX_TIME = 946_684_800;

const encoder = new TextEncoder();

/** Writes entries one after another and then the central directory, tracking offsets. */
export class ZipWriter {
  private offset = 0;
  private readonly directory: Uint8Array[] = [];
  private directoryBytes = 0;

  /**
   * The bytes of one file entry: local header, then the data as stored (`method` 0) or deflated
   * (8, `data` already compressed). `crc` and `size` describe the uncompressed content.
   */
  entry(name: string, data: Uint8Array, crc: number, size: number, method: 0 | 8): Uint8Array[] {
    const nameBytes = encoder.encode(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, LOCAL_HEADER, true);
    l.setUint16(4, VERSION_NEEDED, true);
    l.setUint16(6, UTF8_NAMES, true);
    l.setUint16(8, method, true);
    l.setUint16(10, DOS_TIME, true);
    l.setUint16(12, DOS_DATE, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, nameBytes.length, true);
    l.setUint16(28, 0, true);
    local.set(nameBytes, 30);

    const central = new Uint8Array(46 + nameBytes.length + 9);
    const c = new DataView(central.buffer);
    c.setUint32(0, CENTRAL_HEADER, true);
    c.setUint16(4, VERSION_MADE_BY, true);
    c.setUint16(6, VERSION_NEEDED, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, method, true);
    c.setUint16(12, DOS_TIME, true);
    c.setUint16(14, DOS_DATE, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint16(30, 9, true);
    c.setUint32(38, REGULAR_FILE_0644, true);
    c.setUint32(42, this.offset, true);
    central.set(nameBytes, 46);
    // The Info-ZIP "UT" extra field: modification time (flags 3, as yazl wrote it).
    const extra = 46 + nameBytes.length;
    c.setUint16(extra, 0x5455, true);
    c.setUint16(extra + 2, 5, true);
    c.setUint8(extra + 4, 3);
    c.setUint32(extra + 5, UNIX_TIME, true);

    this.directory.push(central);
    this.directoryBytes += central.length;
    this.offset += local.length + data.length;
    return [local, data];
  }

  /** The central directory and its end record. */
  end(): Uint8Array {
    const out = new Uint8Array(this.directoryBytes + 22);
    let at = 0;
    for (const central of this.directory) {
      out.set(central, at);
      at += central.length;
    }
    const e = new DataView(out.buffer, at);
    e.setUint32(0, END_OF_DIRECTORY, true);
    e.setUint16(8, this.directory.length, true);
    e.setUint16(10, this.directory.length, true);
    e.setUint32(12, this.directoryBytes, true);
    e.setUint32(16, this.offset, true);
    return out;
  }
}
