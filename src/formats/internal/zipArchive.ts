import { Inflate } from 'fflate';
import type { Issue } from '../../errors/Issue';
import { YaohaoError } from '../../errors/YaohaoError';
import type { RandomAccessSource } from '../ByteSource';
import { readExactly } from './byteSources';

// The zip container (PKWARE APPNOTE 6.3), read strictly: the central directory is the table of
// contents, every local header must agree with it, and the entries and the directory must tile
// the file exactly — no gaps, no overlaps (the classic tricks: hidden data, overlapping entries
// that turn a small file into a huge one). Decompression is fflate's; the container is ours
// (docs/spec.md §8.2 and §14 list every rule).

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DATA_DESCRIPTOR = 0x08074b50;

/** The central directory may hold at most this many bytes (an official zip with 2^31 entries needs ~2 MB). */
export const MAX_DIRECTORY_BYTES: number = 16 << 20;
/** Compressed bytes handed to the inflater at a time: bounds what one step can produce (≤ ~1032×). */
const INFLATE_STEP = 64 << 10;

const ZIP64 = 'a zip64 archive: not supported (official pool zips are far below 4 GiB)';
const SPLIT = 'a zip split across several disks: not supported';

const METHODS: Readonly<Record<number, string>> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
  99: 'AES encryption',
};

/** One file of a zip, as its central directory and local header describe it. */
export interface ZipEntry {
  /** The name as stored (folders separated by `/`). */
  readonly name: string;
  /** The name after the last folder separator. */
  readonly baseName: string;
  /** A folder entry (name ending in `/`, no data). */
  readonly isDirectory: boolean;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** General-purpose flags (bit 3: sizes in a data descriptor after the data). */
  readonly flags: number;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc32: number;
  /** Bytes of data in the file. */
  readonly compressedSize: number;
  /** Bytes once decompressed. */
  readonly size: number;
  /** Where its local header starts. */
  readonly headerOffset: number;
  /** Where its data starts and ends (set from the local header). */
  dataStart: number;
  dataEnd: number;
  /** Where its data descriptor (if any) ends: the next entry starts here. */
  spanEnd: number;
}

/** A problem with the zip as a container. */
export function zipProblem(message: string, entry?: string): YaohaoError {
  const issue: Issue = { code: 'invalid_syntax', path: entry === undefined ? [] : [entry], message };
  return new YaohaoError([issue]);
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');

/** True when `text` holds a C0 control character (U+0000–U+001F) or DEL. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

function unsafeName(name: string): string | undefined {
  if (name === '') return 'an empty name';
  if (hasControlCharacter(name)) return 'a control character in its name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split(/[/\\]/).includes('..')) return 'a ".." folder';
  return undefined;
}

/**
 * Reads and checks the directory of a zip: every entry's name, method, flags and sizes, its local
 * header, and that the entries and the directory tile the file. Reads no file data.
 */
export async function readZipDirectory(source: RandomAccessSource): Promise<ZipEntry[]> {
  const size = source.size;
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readExactly(source, size - tailLength, tailLength);
  let end = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (u32(tail, i) === END_OF_DIRECTORY && i + 22 + u16(tail, i + 20) === tailLength) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    const magic = size >= 4 ? u32(await readExactly(source, 0, 4), 0) : 0;
    throw zipProblem(
      magic === LOCAL_HEADER
        ? 'the zip is cut short or damaged: its end-of-directory record is missing'
        : 'not a zip file',
    );
  }
  const endOffset = size - tailLength + end;
  const disk = u16(tail, end + 4);
  const directoryDisk = u16(tail, end + 6);
  const entriesOnDisk = u16(tail, end + 8);
  const count = u16(tail, end + 10);
  const directorySize = u32(tail, end + 12);
  const directoryOffset = u32(tail, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw zipProblem(ZIP64);
  if (end >= 20 && u32(tail, end - 20) === ZIP64_LOCATOR) throw zipProblem(ZIP64);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== count) throw zipProblem(SPLIT);
  if (directoryOffset + directorySize !== endOffset)
    throw zipProblem(
      `the central directory (${directorySize} bytes at ${directoryOffset}) does not end where the end record starts (${endOffset}): damaged, or bytes hidden between them`,
    );
  if (directorySize > MAX_DIRECTORY_BYTES)
    throw zipProblem(`the central directory has ${directorySize} bytes, more than ${MAX_DIRECTORY_BYTES}`);
  const directory = await readExactly(source, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directorySize || u32(directory, at) !== CENTRAL_HEADER)
      throw zipProblem(`the central directory is damaged at entry ${index + 1} of ${count}`);
    const flags = u16(directory, at + 8);
    const method = u16(directory, at + 10);
    const crc32 = u32(directory, at + 16);
    const compressedSize = u32(directory, at + 20);
    const entrySize = u32(directory, at + 24);
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const startDisk = u16(directory, at + 34);
    const headerOffset = u32(directory, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directorySize) throw zipProblem(`the central directory is damaged at entry ${index + 1} of ${count}`);
    const name = utf8.decode(directory.subarray(at + 46, at + 46 + nameLength));
    at = next;
    const unsafe = unsafeName(name);
    if (unsafe !== undefined) throw zipProblem(`entry ${JSON.stringify(name)} has ${unsafe}: refused`);
    if (names.has(name)) throw zipProblem(`${name} appears twice in the zip`, name);
    names.add(name);
    if ((flags & 0x41) !== 0) throw zipProblem(`${name} is encrypted: not supported`, name);
    if (method !== 0 && method !== 8)
      throw zipProblem(
        `${name} is compressed with ${METHODS[method] ?? `method ${method}`}: only stored and deflated files are read`,
        name,
      );
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || headerOffset === 0xffffffff)
      throw zipProblem(ZIP64, name);
    if (startDisk !== 0) throw zipProblem(SPLIT, name);
    if (method === 0 && compressedSize !== entrySize)
      throw zipProblem(
        `${name} is stored (not compressed) but its directory entry declares ${compressedSize} bytes stored and ${entrySize} bytes of content`,
        name,
      );
    const isDirectory = name.endsWith('/');
    if (isDirectory && entrySize !== 0) throw zipProblem(`folder entry ${name} holds data`, name);
    const trimmed = isDirectory ? name.slice(0, -1) : name;
    entries.push({
      name,
      baseName: trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1),
      isDirectory,
      method,
      flags,
      crc32,
      compressedSize,
      size: entrySize,
      headerOffset,
      dataStart: 0,
      dataEnd: 0,
      spanEnd: 0,
    });
  }
  if (at !== directorySize)
    throw zipProblem(`the central directory has ${directorySize - at} bytes after its ${count} entries`);
  for (const entry of entries) await readLocalHeader(source, entry);
  checkTiling(entries, directoryOffset);
  return entries;
}

async function readLocalHeader(source: RandomAccessSource, entry: ZipEntry): Promise<void> {
  const flags = entry.flags;
  const nameBytes = new TextEncoder().encode(entry.name).length;
  if (entry.headerOffset + 30 > source.size)
    throw zipProblem(`${entry.name}: its local header is past the end of the file`, entry.name);
  const header = await readExactly(source, entry.headerOffset, 30);
  if (u32(header, 0) !== LOCAL_HEADER)
    throw zipProblem(`${entry.name}: no local header where the directory says`, entry.name);
  const localFlags = u16(header, 6);
  const nameLength = u16(header, 26);
  const extraLength = u16(header, 28);
  const dataStart = entry.headerOffset + 30 + nameLength + extraLength;
  if (dataStart > source.size)
    throw zipProblem(`${entry.name}: its local header is past the end of the file`, entry.name);
  const localName = utf8.decode(await readExactly(source, entry.headerOffset + 30, nameLength));
  const disagree = (what: string): never => {
    throw zipProblem(`${entry.name}: the local header and the central directory disagree on ${what}`, entry.name);
  };
  if (localName !== entry.name || nameLength !== nameBytes) disagree(`the name (${JSON.stringify(localName)})`);
  if (u16(header, 8) !== entry.method) disagree('the compression method');
  if ((localFlags & 0x49) !== (flags & 0x49)) disagree('the flags');
  entry.dataStart = dataStart;
  entry.dataEnd = dataStart + entry.compressedSize;
  entry.spanEnd = entry.dataEnd;
  if (entry.dataEnd > source.size)
    throw zipProblem(`${entry.name}: its data runs past the end of the file`, entry.name);
  let crc = u32(header, 14);
  let compressed = u32(header, 18);
  let size = u32(header, 22);
  if ((flags & 0x08) !== 0) {
    // Sizes after the data (a streaming writer): a descriptor, with or without its signature.
    const descriptor = await readExactly(source, entry.dataEnd, Math.min(16, source.size - entry.dataEnd));
    const signed = descriptor.length >= 16 && u32(descriptor, 0) === DATA_DESCRIPTOR;
    const base = signed ? 4 : 0;
    if (descriptor.length < base + 12) throw zipProblem(`${entry.name}: its data descriptor is cut short`, entry.name);
    crc = u32(descriptor, base);
    compressed = u32(descriptor, base + 4);
    size = u32(descriptor, base + 8);
    entry.spanEnd = entry.dataEnd + base + 12;
  }
  if (crc !== entry.crc32) disagree('the CRC-32');
  if (compressed !== entry.compressedSize) disagree('the compressed size');
  if (size !== entry.size) disagree('the size');
}

function checkTiling(entries: readonly ZipEntry[], directoryOffset: number): void {
  const ordered = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  let expected = 0;
  let previous: ZipEntry | undefined;
  for (const entry of ordered) {
    if (entry.headerOffset < expected)
      throw zipProblem(`${entry.name} overlaps ${previous!.name}: refused`, entry.name);
    if (entry.headerOffset > expected)
      throw zipProblem(
        `${entry.headerOffset - expected} bytes ${previous === undefined ? 'before the first entry' : `after ${previous.name}`} belong to no entry: damaged, or data hidden in the zip`,
      );
    expected = entry.spanEnd;
    previous = entry;
  }
  if (expected > directoryOffset)
    throw zipProblem(`${previous!.name} runs into the central directory: damaged`, previous!.name);
  if (expected < directoryOffset)
    throw zipProblem(
      `${directoryOffset - expected} bytes ${previous === undefined ? 'before the central directory' : `after ${previous.name}`} belong to no entry: damaged, or data hidden in the zip`,
    );
}

/**
 * Decompresses one entry pushed in order (compressed chunks of any size), hands the bytes on, and
 * checks them: never more than the declared size (a zip bomb stops at its first excess block),
 * exactly the declared size at the end, and the CRC-32.
 */
export class EntryDecoder {
  private readonly inflater: Inflate | undefined;
  // Compressed bytes go to the inflater in blocks of INFLATE_STEP counted from the entry's start,
  // whatever the source's chunks: the same zip gives the same answer (and message) from any source.
  private readonly block = new Uint8Array(INFLATE_STEP);
  private blockLength = 0;
  private produced = 0;
  private crc = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly onData: (bytes: Uint8Array) => void,
    private readonly crc32: (data: Uint8Array, crc: number) => number,
  ) {
    if (entry.method === 8) this.inflater = new Inflate((data) => this.emit(data));
  }

  /** The next compressed bytes. */
  push(compressed: Uint8Array): void {
    if (this.inflater === undefined) {
      this.emit(compressed);
      return;
    }
    for (let at = 0; at < compressed.length;) {
      if (this.blockLength === 0 && compressed.length - at >= INFLATE_STEP) {
        this.inflate(compressed.subarray(at, at + INFLATE_STEP), false);
        at += INFLATE_STEP;
        continue;
      }
      const take = Math.min(INFLATE_STEP - this.blockLength, compressed.length - at);
      this.block.set(compressed.subarray(at, at + take), this.blockLength);
      this.blockLength += take;
      at += take;
      if (this.blockLength === INFLATE_STEP) {
        this.blockLength = 0;
        this.inflate(this.block, false); // fflate copies what it keeps: the block can be refilled
      }
    }
  }

  /** The entry's compressed data has ended: final checks. */
  end(): void {
    if (this.inflater !== undefined) this.inflate(this.block.subarray(0, this.blockLength), true);
    const name = this.entry.name;
    if (this.produced !== this.entry.size)
      throw zipProblem(
        `${name} holds ${this.produced} bytes, but its directory entry declares ${this.entry.size}`,
        name,
      );
    if (this.crc !== this.entry.crc32)
      throw zipProblem(
        `${name} is damaged: its CRC-32 is ${hex8(this.crc)}, its directory entry declares ${hex8(this.entry.crc32)}`,
        name,
      );
  }

  private inflate(compressed: Uint8Array, final: boolean): void {
    try {
      this.inflater!.push(compressed, final);
    } catch (error) {
      if (error instanceof YaohaoError) throw error;
      throw zipProblem(
        `${this.entry.name}: its compressed data is damaged (${(error as Error).message})`,
        this.entry.name,
      );
    }
  }

  private emit(data: Uint8Array): void {
    if (data.length === 0) return;
    this.produced += data.length;
    if (this.produced > this.entry.size)
      throw zipProblem(
        `${this.entry.name} holds more than the ${this.entry.size} bytes its directory entry declares: refused`,
        this.entry.name,
      );
    this.crc = this.crc32(data, this.crc);
    this.onData(data);
  }
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');
