import { YaohaoError } from '../../errors/YaohaoError';
import type { EntryLayout } from '../../pool/EntryLayout';
import type { DrawGenerator } from '../../rng/generators';
import { WinnerSet } from './WinnerSet';
import { costOfWeights } from '../drawCost';

/** Winners of a draw as pool indexes with their 1-based entry numbers, in draw order. */
export interface DrawnIndexes {
  /** 0-based code-order index of each winner. */
  readonly indexes: Uint32Array;
  /** 1-based entry number of each winner's winning pick. */
  readonly entries: Float64Array;
  /** Generator outputs consumed, rejected picks included (0 when everyone wins). */
  readonly picks: number;
  /** `all`: quota ≥ size, everyone wins without a draw; `drawn`: a real draw. */
  readonly allocation: 'all' | 'drawn';
}

/** The official pick budget: 10 × T picks, then the draw fails ("运算超时"). */
export function maxPicks(totalEntries: number): number {
  return 10 * totalEntries;
}

/**
 * The lottery itself (docs/spec.md §5). With quota ≥ size everyone wins, in code order, at their
 * pass-1 entry. Otherwise each pick is an entry index from the generator; a pick whose code
 * already won is thrown away (a code wins at most once); after 10·T picks without filling the
 * quota the draw fails. No floating point here: picks are integers from the generator.
 */
export function drawIndexes(
  layout: EntryLayout,
  size: number,
  quota: number,
  generator: DrawGenerator,
  seed: string,
  label: string,
): DrawnIndexes {
  if (quota >= size) {
    const indexes = new Uint32Array(size);
    const entries = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      indexes[i] = i;
      entries[i] = i + 1;
    }
    return { indexes, entries, picks: 0, allocation: 'all' };
  }
  const total = layout.totalEntries;
  const { cost, limit, tooCostly } = costOfWeights(layout.weightCounts(), total, size, quota);
  if (tooCostly)
    throw new YaohaoError([
      {
        code: 'draw_too_costly',
        path: ['options', 'quota'],
        message: `the weights are too uneven for a quota of ${quota}: if the heaviest codes won first, the draw would expect more than ${limit} picks (max(2^22, 32 × ${size} codes), docs/spec.md §5.3); lower the quota, or allocate the heaviest codes separately`,
        expected: `a worst-case expected cost of at most ${limit} picks`,
        received: cost > limit ? `more than ${limit}` : String(cost),
      },
    ]);
  const budget = maxPicks(total);
  const stream = generator.open(seed, label, total);
  const indexes = new Uint32Array(quota);
  const entries = new Float64Array(quota);
  const won = new WinnerSet(quota);
  let picks = 0;
  let count = 0;
  while (count < quota) {
    if (picks === budget) {
      throw new YaohaoError([
        {
          code: 'draw_exhausted',
          path: ['options', 'quota'],
          message: `the draw used all ${budget} picks (10 × ${total} entries) with ${count} of ${quota} winners: weights are too uneven for this quota`,
        },
      ]);
    }
    const entry = stream.nextIndex();
    picks++;
    const index = layout.indexAt(entry);
    if (!won.add(index)) continue;
    indexes[count] = index;
    entries[count] = entry + 1;
    count++;
  }
  return { indexes, entries, picks, allocation: 'drawn' };
}
