// PersonRegistry finds repeated persons by hash, then by exact id: ids made to share one hash (FNV-1a
// multicollisions, cheap to build) must cost linear work, not a comparison with every earlier id.
import { describe, expect, it } from 'vitest';
import { hashId, ID_HASH_START, idHashStep, PersonRegistry } from '../../src/family/PersonRegistry';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

// Two different 5-letter blocks taking the hash state `from` to the same state (a birthday search).
function collidingBlocks(from: number): { blocks: [string, string]; to: number } {
  const seen = new Map<number, string>();
  for (let x = 1; ; x = (Math.imul(x, 1103515245) + 12345) >>> 0) {
    let block = '';
    let state = from;
    for (let k = 0; k < 5; k++) {
      const unit = LETTERS.charCodeAt(((x >>> (6 * k)) & 63) % LETTERS.length);
      block += String.fromCharCode(unit);
      state = idHashStep(state, unit);
    }
    const other = seen.get(state);
    if (other !== undefined && other !== block) return { blocks: [other, block], to: state };
    seen.set(state, block);
  }
}

// 2^n different ids with one hash state after every one of them (Joux's multicollisions).
function collidingIds(n: number): string[] {
  const pairs: [string, string][] = [];
  let state = ID_HASH_START;
  for (let i = 0; i < n; i++) {
    const { blocks, to } = collidingBlocks(state);
    pairs.push(blocks);
    state = to;
  }
  return Array.from({ length: 2 ** n }, (_, m) => pairs.map((pair, i) => pair[(m >> i) & 1]).join(''));
}

describe('PersonRegistry', () => {
  it('ids sharing one hash: the right repeats, with a linear number of comparisons', () => {
    const ids = collidingIds(10);
    expect(new Set(ids.map(hashId)).size).toBe(1);
    expect(new Set(ids).size).toBe(1024);
    // Every id, then the first 100 again (as strings and as bytes alike).
    const order = [...ids, ...ids.slice(0, 100)];
    const registry = new PersonRegistry('typed', order.length);
    const bytes = new TextEncoder();
    order.forEach((id, i) => {
      if (i % 2 === 0) registry.addString(id, hashId(id), true);
      else {
        const encoded = bytes.encode(id);
        registry.addBytes(encoded, 0, encoded.length, hashId(id), true);
      }
    });
    const compare = PersonRegistry.prototype as unknown as { sameId: (a: number, b: number) => boolean };
    const sameId = compare.sameId;
    let comparisons = 0;
    compare.sameId = function (this: unknown, a: number, b: number): boolean {
      comparisons++;
      return sameId.call(this, a, b);
    };
    try {
      const repeats = registry.repeats({ recordOf: (row) => row, lineOf: () => 0, isFamily: () => false });
      expect(repeats.records).toEqual(Array.from({ length: 100 }, (_, i) => 1024 + i));
      expect(repeats.issues.map((issue) => issue.relatedPath)).toEqual(
        Array.from({ length: 100 }, (_, i) => [i, 'personId']),
      );
    } finally {
      compare.sameId = sameId;
    }
    expect(comparisons).toBeLessThan(4 * order.length);
  });

  it('past 2^21 persons (gathered in rounds), finds exactly the repeats a map finds, in input order', () => {
    const count = 2 ** 21 + 60_000;
    const registry = new PersonRegistry('heap');
    const expected: number[] = [];
    const related: number[] = [];
    const firstOf = new Map<string, number>();
    for (let person = 0; person < count; person++) {
      // Every 97th person takes the id of an earlier one, anywhere before (so in any partition and round).
      const id = person % 97 === 96 ? `p${(person * 7919 + 13) % person}` : `p${person}`;
      registry.addString(id, hashId(id), true);
      const first = firstOf.get(id);
      if (first === undefined) firstOf.set(id, person);
      else {
        expected.push(person);
        related.push(first);
      }
    }
    const repeats = registry.repeats({ recordOf: (row) => row, lineOf: () => 0, isFamily: () => false });
    expect(expected.length).toBeGreaterThan(20_000);
    expect(repeats.records).toEqual(expected);
    expect(repeats.issues.map((issue) => issue.relatedPath![0])).toEqual(related.slice(0, repeats.issues.length));
  });
});
