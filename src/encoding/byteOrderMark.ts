/**
 * Drops a UTF-8 byte order mark (EF BB BF) at the start of a byte stream, however its first bytes
 * are chunked: bytes that might begin one are held back until the next chunk decides.
 */
export class ByteOrderMarkSkipper {
  private held: Uint8Array | undefined = new Uint8Array(0);

  /** The chunk, without the mark's bytes (held-back bytes that were not a mark come out in front). */
  next(chunk: Uint8Array): Uint8Array {
    const held = this.held;
    if (held === undefined) return chunk;
    const bytes = held.length === 0 ? chunk : concat(held, chunk);
    const k = Math.min(3, bytes.length);
    if (bytes.subarray(0, k).every((byte, i) => byte === MARK[i])) {
      if (k === 3) {
        this.held = undefined;
        return bytes.subarray(3);
      }
      this.held = bytes.slice(); // a mark's start: wait for more
      return new Uint8Array(0);
    }
    this.held = undefined;
    return bytes;
  }

  /** At the end of the stream: bytes held back (the start of a mark that never finished). */
  end(): Uint8Array {
    const held = this.held ?? new Uint8Array(0);
    this.held = undefined;
    return held;
  }
}

const MARK = [0xef, 0xbb, 0xbf];

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
