import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ranking, type RankingEntrant } from '../../src/index';

const entrantArb = fc.record({
  code: fc.stringMatching(/^[0-9]{13}$/),
  kind: fc.constantFrom('individual' as const, 'unit' as const, 'family' as const),
  points: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  time: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
const entrantsArb = fc.uniqueArray(entrantArb, { selector: (e) => e.code, maxLength: 40 });

const outranks = (a: RankingEntrant, b: RankingEntrant): boolean => {
  const pa = a.points ?? 0;
  const pb = b.points ?? 0;
  if (pa !== pb) return pa > pb;
  const ta = a.time ?? Infinity;
  const tb = b.time ?? Infinity;
  if (ta !== tb) return ta < tb;
  return a.code < b.code;
};

describe('Ranking', () => {
  it('any input order gives the same ranking and commitment', () => {
    fc.assert(
      fc.property(entrantsArb, fc.integer(), (entrants, salt) => {
        const shuffled = [...entrants].sort(
          (a, b) => ((a.code.charCodeAt(12) + salt) % 7) - ((b.code.charCodeAt(12) + salt) % 7),
        );
        expect(new Ranking(shuffled).commit()).toEqual(new Ranking(entrants).commit());
        expect(new Ranking(shuffled).top(10)).toEqual(new Ranking(entrants).top(10));
      }),
    );
  });
  it('every ranked winner outranks every non-winner', () => {
    fc.assert(
      fc.property(entrantsArb, fc.nat(45), (entrants, quota) => {
        const ranking = new Ranking(entrants);
        const { winners } = ranking.top(quota);
        expect(winners).toHaveLength(Math.min(quota, entrants.length));
        const won = new Set(winners.map((w) => w.code));
        for (const w of entrants.filter((e) => won.has(e.code)))
          for (const l of entrants.filter((e) => !won.has(e.code))) expect(outranks(w, l)).toBe(true);
        winners.forEach((w, i) => expect(w.rank).toBe(i + 1));
      }),
    );
  });
  it('reports a tie the code decided at the quota boundary, and only then', () => {
    fc.assert(
      fc.property(entrantsArb, fc.integer({ min: 1, max: 40 }), (entrants, quota) => {
        const ranking = new Ranking(entrants);
        const { boundaryTies } = ranking.top(quota);
        const last = ranking.entrants[quota - 1];
        const next = ranking.entrants[quota];
        const tied = last !== undefined && next !== undefined && last.points === next.points && last.time === next.time;
        expect(boundaryTies.length).toBe(tied ? 1 : 0);
        if (tied) {
          expect(boundaryTies[0]!.within).toContain(last.code);
          expect(boundaryTies[0]!.outside).toContain(next.code);
        }
      }),
    );
  });
  it('a worked example: queue times to the millisecond, then codes', () => {
    const t = Date.UTC(2018, 0, 7, 6, 56, 11, 401);
    const ranking = new Ranking([
      { code: '8786101582146', kind: 'individual', time: t },
      { code: '1111101582146', kind: 'individual', time: t + 1 },
      { code: '0000101582146', kind: 'individual', time: t + 1 },
      { code: '9999101582146', kind: 'individual', time: t + 1 },
      { code: '5555101582146', kind: 'individual' },
    ]);
    expect(ranking.top(2)).toEqual({
      winners: [
        { rank: 1, code: '8786101582146', kind: 'individual', key: { time: '2018-01-07T06:56:11.401Z' } },
        { rank: 2, code: '0000101582146', kind: 'individual', key: { time: '2018-01-07T06:56:11.402Z' } },
      ],
      boundaryTies: [
        {
          key: { time: '2018-01-07T06:56:11.402Z' },
          within: ['0000101582146'],
          outside: ['1111101582146', '9999101582146'],
        },
      ],
    });
  });
});
