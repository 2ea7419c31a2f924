// Zips built byte by byte for tests (APPNOTE 6.3), independent of src/: every field can be set,
// so damaged and hostile zips are made exactly. CRC-32 and deflate come from node:zlib.
import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test zip; every field the reader checks can be overridden. */
export interface ZipFileSpec {
  readonly name: string;
  readonly content: string | Uint8Array;
  /** 0 stored (default), 8 deflated, or any other method number (the data is then stored as is). */
  readonly method?: number;
  readonly flags?: number;
  /** Override the CRC-32 (both headers). */
  readonly crc?: number;
  /** Override the uncompressed size (both headers). */
  readonly size?: number;
  /** Override the compressed size (both headers). */
  readonly compressedSize?: number;
  /** The name in the local header, when it should differ. */
  readonly localName?: string;
  /** Sizes and CRC in a data descriptor after the data (flag bit 3), with its signature. */
  readonly dataDescriptor?: boolean;
  /** Raw data to store instead of the (compressed) content. */
  readonly rawData?: Uint8Array;
}

/** Options of a whole test zip. */
export interface ZipSpec {
  /** Bytes before the first entry. */
  readonly prefix?: Uint8Array;
  /** Bytes between the last entry and the central directory. */
  readonly gap?: Uint8Array;
  /** Central directory entries point at these local header offsets instead (by file index). */
  readonly offsets?: Readonly<Record<number, number>>;
  /** Write the files' data in this order (indexes), directory order unchanged. */
  readonly order?: readonly number[];
}

const bytesOf = (content: string | Uint8Array): Uint8Array =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content;

/** The bytes of a zip holding `files`. */
export function buildZip(files: readonly ZipFileSpec[], spec: ZipSpec = {}): Uint8Array {
  const out: number[] = [...(spec.prefix ?? [])];
  const u16 = (target: number[], value: number): void => void target.push(value & 0xff, (value >>> 8) & 0xff);
  const u32 = (target: number[], value: number): void =>
    void target.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
  const offsets: number[] = [];
  const prepared = files.map((file) => {
    const content = bytesOf(file.content);
    const method = file.method ?? 0;
    const data = file.rawData ?? (method === 8 ? new Uint8Array(deflateRawSync(content)) : content);
    return {
      file,
      name: new TextEncoder().encode(file.name),
      localName: new TextEncoder().encode(file.localName ?? file.name),
      method,
      flags: (file.flags ?? 0x0800) | (file.dataDescriptor === true ? 0x08 : 0),
      crc: file.crc ?? crc32(content),
      size: file.size ?? content.length,
      compressedSize: file.compressedSize ?? data.length,
      data,
    };
  });
  const order = spec.order ?? prepared.map((_, i) => i);
  for (const i of order) {
    const p = prepared[i]!;
    offsets[i] = out.length;
    u32(out, 0x04034b50);
    u16(out, 20);
    u16(out, p.flags);
    u16(out, p.method);
    u16(out, 0);
    u16(out, 0x2821);
    const descriptor = p.file.dataDescriptor === true;
    u32(out, descriptor ? 0 : p.crc);
    u32(out, descriptor ? 0 : p.compressedSize);
    u32(out, descriptor ? 0 : p.size);
    u16(out, p.localName.length);
    u16(out, 0);
    out.push(...p.localName);
    for (const byte of p.data) out.push(byte);
    if (descriptor) {
      u32(out, 0x08074b50);
      u32(out, p.crc);
      u32(out, p.compressedSize);
      u32(out, p.size);
    }
  }
  out.push(...(spec.gap ?? []));
  const directoryStart = out.length;
  prepared.forEach((p, i) => {
    u32(out, 0x02014b50);
    u16(out, 0x033f);
    u16(out, 20);
    u16(out, p.flags);
    u16(out, p.method);
    u16(out, 0);
    u16(out, 0x2821);
    u32(out, p.crc);
    u32(out, p.compressedSize);
    u32(out, p.size);
    u16(out, p.name.length);
    u16(out, 0);
    u16(out, 0);
    u16(out, 0);
    u16(out, 0);
    u32(out, 0x81a40000);
    u32(out, spec.offsets?.[i] ?? offsets[i]!);
    out.push(...p.name);
  });
  const directorySize = out.length - directoryStart;
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, files.length);
  u16(out, files.length);
  u32(out, directorySize);
  u32(out, directoryStart);
  u16(out, 0);
  return new Uint8Array(out);
}

/** The seven header lines of an official pool. */
export function officialHeader(
  total: number,
  options: { period?: string; type?: string; quota?: number } = {},
): string {
  return `${options.type ?? 'PERSONCOMMON'}\n${options.period ?? '202406'}\ntitle\n\n\n${total}\n${options.quota ?? 1}\n`;
}

/** Rows "index,code" of an entry sequence, starting at `first`. */
export function partRows(codes: readonly string[], first = 1): string {
  return codes.map((code, i) => `${first + i},${code}\n`).join('');
}

/** An official zip of a sequence of entry codes (one part when ≤ 100,000). */
export function officialZip(
  codes: readonly string[],
  override: { header?: string; files?: ZipFileSpec[]; method?: number } = {},
): Uint8Array {
  return buildZip(
    override.files ?? [
      { name: 'bjPersonCommonNumberPeriod202406.csv', content: override.header ?? officialHeader(codes.length) },
      {
        name: 'bjPersonCommonApplyNumber202406_0001.csv',
        content: partRows(codes),
        ...(override.method === undefined ? {} : { method: override.method }),
      },
    ],
  );
}
