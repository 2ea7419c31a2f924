/** A source of uniformly distributed unsigned 32-bit integers. */
export interface WordSource {
  /** The next word, an integer in [0, 2^32). */
  nextUint32(): number;
}
