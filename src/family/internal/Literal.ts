import { asciiWord } from '../../pool/internal/asciiWord';

/**
 * Bytes to match (at most 16), compared as up to four little-endian words read at fixed offsets —
 * the last one ending where the literal ends, overlapping the one before when the length is not a
 * multiple of four — without a loop; literals shorter than a word are compared byte by byte.
 */
export class Literal {
  readonly bytes: Uint8Array;
  /** bytes.length, kept as a number. */
  readonly length: number;
  private readonly w0: number;
  private readonly w1: number;
  private readonly w2: number;
  private readonly w3: number;
  private readonly o1: number;
  private readonly o2: number;
  private readonly o3: number;

  constructor(
    text: string,
    /** What it stands for (a key's bit, a kind or role id). */
    readonly id: number,
  ) {
    this.bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const length = this.bytes.length;
    if (length > 16) throw new Error(`literal too long: ${text}`);
    this.length = length;
    const offset = (k: number): number => Math.max(0, Math.min(4 * k, length - 4));
    const word = (k: number): number => (length < 4 ? 0 : asciiWord(text, offset(k)));
    this.o1 = offset(1);
    this.o2 = offset(2);
    this.o3 = offset(3);
    this.w0 = word(0);
    this.w1 = word(1);
    this.w2 = word(2);
    this.w3 = word(3);
  }

  /** Whether bytes[at…] start with this literal. */
  isAt(bytes: Uint8Array, view: DataView, at: number, end: number): boolean {
    const length = this.length;
    if (at + length > end) return false;
    if (length < 4) {
      for (let k = 0; k < length; k++) if (bytes[at + k] !== this.bytes[k]) return false;
      return true;
    }
    return (
      view.getInt32(at, true) === this.w0 &&
      (length <= 4 || view.getInt32(at + this.o1, true) === this.w1) &&
      (length <= 8 || view.getInt32(at + this.o2, true) === this.w2) &&
      (length <= 12 || view.getInt32(at + this.o3, true) === this.w3)
    );
  }
}
