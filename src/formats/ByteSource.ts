/** Bytes that can be read at any offset: a file opened by an adapter, a Blob, memory. */
export interface RandomAccessSource {
  /** Size in bytes. */
  readonly size: number;
  /** Reads the bytes [offset, offset + length); fewer only where the source ends. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: fills `target` with the bytes from `offset` and resolves to how many it read (fewer
   * only where the source ends). Lets a reader reuse two buffers instead of allocating each chunk.
   */
  readInto?(target: Uint8Array, offset: number): Promise<number>;
}

/** A Blob or File (browsers, Node): read by slices, never whole. */
export interface BlobLike {
  /** Size in bytes. */
  readonly size: number;
  /** The bytes [start, end). */
  slice(start: number, end: number): BlobSlice;
}

/** A slice of a Blob: its bytes are read on demand. */
export interface BlobSlice {
  /** The slice's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A Web ReadableStream of byte chunks (fetch bodies, Blob.stream(), Node's web streams). */
export interface ReadableStreamLike {
  /** A reader of its chunks. */
  getReader(): ByteStreamReader;
}

/** The reader of a ReadableStreamLike. */
export interface ByteStreamReader {
  /** The next chunk, or `done` at the end of the stream. */
  read(): Promise<ByteStreamChunk>;
  /** Lets go of the stream (it can then be cancelled or read by another reader). */
  releaseLock(): void;
}

/** One read of a ByteStreamReader. */
export interface ByteStreamChunk {
  /** True once the stream has ended (then `value` is absent). */
  done: boolean;
  /** The chunk's bytes. */
  value?: Uint8Array | undefined;
}

/**
 * Where a reader takes its bytes from: memory, a Blob or File, a random-access source, a Web
 * ReadableStream, or any (async) iterable of Uint8Array chunks (a Node file stream, stdin).
 */
export type ByteSource =
  | Uint8Array
  | ArrayBuffer
  | BlobLike
  | RandomAccessSource
  | ReadableStreamLike
  | Iterable<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** Progress of a reader: bytes read so far, and the total when the source knows it. */
export type ReadProgress = (bytesRead: number, totalBytes: number | undefined) => void;
