import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WinnerSet } from '../../src/draw/internal/WinnerSet';

describe('WinnerSet (who has won in a draw)', () => {
  it('adds each index once, like a Set, at any quota (hash table, or a Set beyond 2^22)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 2 }), { maxLength: 300 }),
        fc.constantFrom(1, 7, 300, 2 ** 22 + 1),
        (indexes, quota) => {
          const won = new WinnerSet(quota);
          const reference = new Set<number>();
          for (const index of indexes) {
            // The table is sized for `quota` distinct winners; a draw never adds more.
            if (!reference.has(index) && reference.size === quota) break;
            expect(won.add(index)).toBe(!reference.has(index));
            reference.add(index);
          }
        },
      ),
    );
  });
});
