import { isYaohaoError, YaohaoError } from '../../errors/YaohaoError';
import type { BlobLike, ByteSource, RandomAccessSource, ReadableStreamLike } from '../ByteSource';

/** Bytes per read from a Blob or a random-access source: few calls, bounded memory. */
export const CHUNK_BYTES: number = 4 << 20;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// By tag, not instanceof: bytes from another realm (an iframe, a vm context) are bytes too.
const tagOf = (value: unknown): string => Object.prototype.toString.call(value);
const isBytes = (value: unknown): value is Uint8Array => tagOf(value) === '[object Uint8Array]';
const isArrayBuffer = (value: unknown): value is ArrayBuffer => tagOf(value) === '[object ArrayBuffer]';

function isBlob(source: unknown): source is BlobLike {
  return isObject(source) && typeof source['size'] === 'number' && typeof source['slice'] === 'function';
}

function isRandomAccess(source: unknown): source is RandomAccessSource {
  return isObject(source) && typeof source['size'] === 'number' && typeof source['read'] === 'function';
}

function isReadableStream(source: unknown): source is ReadableStreamLike {
  return isObject(source) && typeof source['getReader'] === 'function';
}

/** The source's size in bytes, when it knows it without reading. */
export function sizeOf(source: ByteSource): number | undefined {
  if (isBytes(source) || isArrayBuffer(source)) return source.byteLength;
  if (isRandomAccess(source) || isBlob(source)) return source.size;
  return undefined;
}

function badSource(message: string): YaohaoError {
  return new YaohaoError([{ code: 'invalid_type', path: ['source'], message }]);
}

// An error from the caller's stream or file becomes a YaohaoError (an adapter may already have
// made one that names the file): every reader throws only YaohaoError.
function readFailure(error: unknown): YaohaoError {
  if (isYaohaoError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new YaohaoError([{ code: 'invalid_value', path: ['source'], message: `cannot read the input (${reason})` }]);
}

function asBytes(chunk: unknown): Uint8Array {
  if (isBytes(chunk)) return chunk;
  if (isArrayBuffer(chunk)) return new Uint8Array(chunk);
  throw badSource(`the input stream gave a ${typeof chunk} chunk; expected Uint8Array chunks`);
}

async function readRange(source: BlobLike | RandomAccessSource, offset: number, length: number): Promise<Uint8Array> {
  try {
    if (isRandomAccess(source)) return asBytes(await source.read(offset, length));
    return new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
  } catch (error) {
    throw readFailure(error);
  }
}

/** The source's bytes in order, as chunks (memory is never copied; other sources are read 4 MiB at a time). */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (isBytes(source) || isArrayBuffer(source)) {
    const bytes = asBytes(source);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    return;
  }
  if (isRandomAccess(source) || isBlob(source)) {
    yield* rangeChunks(source, 0, source.size);
    return;
  }
  if (isReadableStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        let next: { done: boolean; value?: Uint8Array | undefined };
        try {
          next = await reader.read();
        } catch (error) {
          throw readFailure(error);
        }
        if (next.done) return;
        yield asBytes(next.value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (!isObject(source) || (!(Symbol.asyncIterator in source) && !(Symbol.iterator in source)))
    throw badSource('the input must be bytes, a Blob, a ReadableStream or an iterable of Uint8Array chunks');
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (source as Iterable<unknown>)[Symbol.iterator]();
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw readFailure(error);
      }
      if (next.done === true) return;
      yield asBytes(next.value);
    }
  } finally {
    // Stop the caller's stream when we stop early (an error, or a reader that has seen enough).
    await iterator.return?.();
  }
}

/**
 * Bytes [start, end) of a random-access source or Blob, in chunks. The next read is started
 * before a chunk is handed over, so a file's reads (Node's thread pool) overlap the work on it.
 * With `readInto`, two buffers take turns: a chunk stays valid until the next one is asked for
 * (every reader here is done with a chunk by then, or copies what it keeps).
 */
export async function* rangeChunks(
  source: BlobLike | RandomAccessSource,
  start: number,
  end: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  const into = isRandomAccess(source) && source.readInto !== undefined ? source : undefined;
  const buffers = into === undefined ? [] : [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
  let turn = 0;
  let at = start;
  const readNext = (): Promise<Uint8Array> | undefined => {
    if (at >= end) return undefined;
    const length = Math.min(CHUNK_BYTES, end - at);
    const read =
      into === undefined ? readRange(source, at, length) : readIntoBuffer(into, buffers[turn++ & 1]!, at, length);
    read.catch(() => undefined); // a read still pending when the consumer stops must not go unhandled
    return read;
  };
  let pending = readNext();
  while (pending !== undefined) {
    const chunk = await pending;
    if (chunk.length === 0) throw readFailure(new Error(`the input ended at byte ${at}, before its size ${end}`));
    at += chunk.length;
    pending = readNext();
    yield chunk;
  }
}

async function readIntoBuffer(
  source: RandomAccessSource,
  buffer: Uint8Array,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  try {
    return buffer.subarray(0, await source.readInto!(buffer.subarray(0, length), offset));
  } catch (error) {
    throw readFailure(error);
  }
}

/** Exactly `length` bytes from `offset` (or an error: the input ended early). */
export async function readExactly(source: RandomAccessSource, offset: number, length: number): Promise<Uint8Array> {
  if (length === 0) return new Uint8Array(0);
  const first = await readRange(source, offset, length);
  if (first.length === length) return first;
  const out = new Uint8Array(length);
  let filled = 0;
  for await (const chunk of rangeChunks(source, offset, offset + length)) {
    out.set(chunk, filled);
    filled += chunk.length;
  }
  return out;
}

/**
 * A random-access view of the source: memory, Blobs and random-access sources as they are; a
 * stream is read whole into memory first (a zip's directory is at its end).
 */
export async function randomAccessOf(source: ByteSource): Promise<RandomAccessSource> {
  if (isBytes(source) || isArrayBuffer(source)) return memorySource(asBytes(source));
  if (isRandomAccess(source)) return source;
  if (isBlob(source)) return { size: source.size, read: (offset, length) => readRange(source, offset, length) };
  // Copied as it arrives (a stream may reuse its buffers), into a buffer grown by doubling.
  let whole = new Uint8Array(1 << 16);
  let total = 0;
  for await (const chunk of chunksOf(source)) {
    if (total + chunk.length > whole.length) {
      const grown = new Uint8Array(Math.max(whole.length * 2, total + chunk.length));
      grown.set(whole.subarray(0, total));
      whole = grown;
    }
    whole.set(chunk, total);
    total += chunk.length;
  }
  whole = whole.subarray(0, total);
  return memorySource(whole);
}

function memorySource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}
