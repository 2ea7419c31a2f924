import { isWellFormedString } from '../encoding/utf8';
import { deriveDefaultKey } from './deriveDefaultKey';
import { LegacyDotNetRandom } from './LegacyDotNetRandom';
import { MAX_LEGACY_SEED, parseLegacySeed } from './parseLegacySeed';
import { Rc4WordSource } from './Rc4WordSource';
import { uniformIndex } from './uniformIndex';

/** The generators a draw can use: `legacy` replays official Beijing draws, `default` is the modern one. */
export type GeneratorId = 'legacy' | 'default';

/** Every generator id, in a fixed order. */
export const GENERATOR_IDS: readonly GeneratorId[] = ['legacy', 'default'];

/** A stream of 0-based entry indexes in [0, T) for one sub-draw. */
export interface IndexStream {
  /** The next 0-based index. */
  nextIndex(): number;
}

/** What a draw needs from a generator. */
export interface DrawGenerator {
  /** Its id, as written in audit records. */
  readonly id: GeneratorId;
  /** The largest total entry count T it can draw from. */
  readonly maxTotalEntries: number;
  /** Why `seed` is not acceptable, or undefined when it is. */
  seedProblem(seed: string): string | undefined;
  /** A fresh index stream for (seed, label) over T entries. */
  open(seed: string, label: string, totalEntries: number): IndexStream;
}

const legacy: DrawGenerator = {
  id: 'legacy',
  // .NET Next(int maxValue) takes an int.
  maxTotalEntries: MAX_LEGACY_SEED,
  seedProblem: (seed) =>
    parseLegacySeed(seed) === undefined
      ? `the legacy generator takes a decimal integer seed from 0 to ${MAX_LEGACY_SEED} (digits only, e.g. "033859")`
      : undefined,
  // The official tool has one seed per draw and no label: the label does not enter the stream.
  open: (seed, _label, totalEntries) => {
    const random = new LegacyDotNetRandom(parseLegacySeed(seed)!);
    return { nextIndex: () => random.nextBelow(totalEntries) };
  },
};

const modern: DrawGenerator = {
  id: 'default',
  maxTotalEntries: Number.MAX_SAFE_INTEGER,
  seedProblem: (seed) =>
    seed.length === 0
      ? 'the seed must not be empty'
      : !isWellFormedString(seed)
        ? 'the seed contains a lone surrogate (not well-formed Unicode)'
        : undefined,
  open: (seed, label, totalEntries) => {
    const words = Rc4WordSource.fromKey(deriveDefaultKey(seed, label));
    return { nextIndex: () => uniformIndex(words, totalEntries) };
  },
};

/** The generator with this id, or undefined. */
export function getGenerator(id: string): DrawGenerator | undefined {
  return id === 'legacy' ? legacy : id === 'default' ? modern : undefined;
}
