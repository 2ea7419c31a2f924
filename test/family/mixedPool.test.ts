// A mixed ordinary pool: families and individuals win in proportion to their entries, and the
// record says which kind each winner is. Fixed seeds: deterministic, never flaky.
import { describe, expect, it } from 'vitest';
import { createPool, drawLottery, JsonLinesPoolParser, commitPool, presets, type Policy } from '../../src/index';

const records: unknown[] = [];
for (let i = 0; i < 60; i++) {
  records.push({
    kind: 'family',
    code: String(1_000_000_000_000 + i * 104_729).padStart(13, '0'),
    members: [
      { personId: `f${i}-main`, role: 'main', steps: i % 5 },
      { personId: `f${i}-child`, role: 'child' },
    ],
  });
}
for (let i = 0; i < 600; i++)
  records.push({
    code: String(2_000_000_000_000 + i * 7_919).padStart(13, '0'),
    personId: `i${i}`,
    drawsTo2020: (i * 7) % 60,
    drawsSince2021: i % 6,
  });
// A policy typed as Policy takes records of any shape (they are checked at run time).
const beijing2024: Policy = presets.beijing2024;
const pool = createPool(records, { policy: beijing2024 });

describe('mixed family + individual pool', () => {
  it('weighs families by points and individuals by steps, in one pass layout', () => {
    const families = [...pool.applications()].filter((a) => a.kind === 'family');
    expect(families).toHaveLength(60);
    // main 2 + steps, child 1, two generations: (3 + steps) × 2
    expect(families.every((f) => f.weight >= 6 && f.weight <= 14)).toBe(true);
  });

  it.each(['legacy', 'default'] as const)(
    'families and individuals win in proportion to their entries (%s)',
    (generator) => {
      const familyEntries = [...pool.applications()]
        .filter((a) => a.kind === 'family')
        .reduce((s, a) => s + a.weight, 0);
      const share = familyEntries / pool.totalEntries;
      const seeds = Array.from({ length: 2000 }, (_, i) =>
        generator === 'legacy' ? String(300_000 + i * 13) : `mixed-${i}`,
      );
      let familyWins = 0;
      for (const seed of seeds)
        if (drawLottery(pool, { quota: 1, seed, generator }).winners[0]!.kind === 'family') familyWins++;
      const expected = seeds.length * share;
      const chi = (familyWins - expected) ** 2 / expected + (familyWins - expected) ** 2 / (seeds.length - expected);
      expect(chi).toBeLessThan(10.83); // p = 0.001, 1 degree of freedom
    },
  );

  it('JSON Lines with families gives the same pool', () => {
    const parser = new JsonLinesPoolParser({ policy: presets.beijing2024 });
    parser.push(new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n')));
    expect(commitPool(parser.finish())).toEqual(commitPool(pool));
  });

  it('binds each code’s kind in the commitment', () => {
    const asIndividual = createPool(
      [...pool.applications()].map((a) => ({ code: a.code, weight: a.weight, kind: 'individual' as const })),
      { policy: presets.explicit },
    );
    const asIs = createPool(
      [...pool.applications()].map((a) => ({ code: a.code, weight: a.weight, kind: a.kind })),
      { policy: presets.explicit },
    );
    expect(commitPool(asIs).digest).toBe(commitPool(pool).digest);
    expect(commitPool(asIndividual).digest).not.toBe(commitPool(pool).digest);
  });
});
