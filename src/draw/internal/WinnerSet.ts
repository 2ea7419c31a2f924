/**
 * The codes that have won so far in one draw, by pool index: an open-addressing hash table sized
 * for the quota (at most half full, linear probing), which stays in cache where a JavaScript Set
 * of thousands of numbers does not. Very large quotas use a Set.
 */
export class WinnerSet {
  private readonly slots: Uint32Array | undefined;
  private readonly shift: number;
  private readonly mask: number;
  private readonly fallback: Set<number> | undefined;

  constructor(quota: number) {
    if (quota > LARGEST_TABLE_QUOTA) {
      this.slots = undefined;
      this.fallback = new Set();
      this.shift = 0;
      this.mask = 0;
      return;
    }
    let bits = 4;
    while (1 << bits < 2 * quota) bits++;
    // Slots hold index + 1 (0 = empty); pool indexes are below 2^32 − 1.
    this.slots = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.fallback = undefined;
  }

  /** Adds `index`; false when it was already there (the code has already won). */
  add(index: number): boolean {
    const slots = this.slots;
    if (slots === undefined) {
      if (this.fallback!.has(index)) return false;
      this.fallback!.add(index);
      return true;
    }
    const key = index + 1;
    // Fibonacci hashing: the top bits of index × 2^32/φ.
    let slot = Math.imul(index, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const held = slots[slot]!;
      if (held === 0) {
        slots[slot] = key;
        return true;
      }
      if (held === key) return false;
      slot = (slot + 1) & this.mask;
    }
  }
}

// Up to 2^22 winners the table takes at most 32 MiB.
const LARGEST_TABLE_QUOTA = 1 << 22;
