import { open, type FileHandle } from 'node:fs/promises';
import { YaohaoError } from '../errors/YaohaoError';
import type { ByteSource, RandomAccessSource } from '../formats/ByteSource';
import { unreadable } from './readInput';

/** A pool file opened for the isomorphic readers: its bytes, its size when known, and close(). */
export interface PoolInput {
  /** A random-access source for a regular file; a stream for a pipe or device (and stdin). */
  readonly source: ByteSource;
  /** Size in bytes, for a regular file. */
  readonly size: number | undefined;
  /** Closes the file (safe to call twice). */
  close(): Promise<void>;
}

/**
 * Opens a pool file: a regular file is read at any offset (the zip reader needs its directory
 * first), a pipe or device as a stream. A missing file, a directory or one without permission is a
 * YaohaoError naming it; so is a read error later on.
 */
export async function openPoolInput(path: string): Promise<PoolInput> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  try {
    const stats = await handle.stat();
    if (stats.isDirectory())
      throw new YaohaoError([{ code: 'invalid_value', path: [path], message: 'is a directory, not a pool file' }]);
    // A pipe or device — or a file whose size says nothing (/proc): read it as it comes.
    if (!stats.isFile() || stats.size === 0) {
      const stream = handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false });
      return { source: guarded(stream, path), size: undefined, close };
    }
    const source: RandomAccessSource = {
      size: stats.size,
      read: async (offset, length) => {
        const buffer = Buffer.allocUnsafe(length);
        try {
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          return buffer.subarray(0, bytesRead);
        } catch (error) {
          throw unreadable(path, error);
        }
      },
      readInto: async (target, offset) => {
        try {
          return (await handle.read(target, 0, target.length, offset)).bytesRead;
        } catch (error) {
          throw unreadable(path, error);
        }
      },
    };
    return { source, size: stats.size, close };
  } catch (error) {
    await close();
    throw error instanceof YaohaoError ? error : unreadable(path, error);
  }
}

/** Standard input as a pool source (a stream; the format comes from its first bytes). */
export function stdinInput(): PoolInput {
  return { source: guarded(process.stdin, '-'), size: undefined, close: () => Promise.resolve() };
}

// A read error in the middle of a stream names the file.
async function* guarded(stream: AsyncIterable<unknown>, path: string): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw unreadable(path, error);
  }
}
