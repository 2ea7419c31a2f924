import type { Policy } from './Policy';

const BEIJING_2016_NOTICE = 'http://big5.china.com.cn/gate/big5/finance.china.com.cn//news/20160107/3533615.shtml';

/** Beijing 2011–2013: monthly draws, everyone one entry. */
const beijing2011: Policy = {
  id: 'beijing2011',
  title: 'Beijing 2011–2013: monthly draws, one entry each',
  weights: { rule: 'flat' },
  // There were no steps to add a C5 step to.
  c5ExtraSteps: 0,
  sources: ['domain.md §2'],
};

/** Beijing 2014–2015: N ≤ 24 → 1 entry, then +1 per 12 more draws (N counts the current draw). */
const beijing2014: Policy = {
  id: 'beijing2014',
  title: 'Beijing 2014–2015: 1 entry up to 24 draws, +1 per 12 more',
  weights: { rule: 'ladder', drawsAtFirstStep: 24, drawsPerStep: 12 },
  c5ExtraSteps: 1,
  sources: ['domain.md §2'],
};

/** Beijing 2016–2020: steps = ceil(N / 6). */
const beijing2016: Policy = {
  id: 'beijing2016',
  title: 'Beijing 2016–2020: ceil(N / 6) entries',
  weights: { rule: 'ladder', drawsAtFirstStep: 6, drawsPerStep: 6 },
  c5ExtraSteps: 1,
  sources: [BEIJING_2016_NOTICE, 'domain.md §2'],
};

/** Each record carries its own weight (replaying a published pool, other cities). */
const explicit: Policy = {
  id: 'explicit',
  title: 'Explicit weights: each record states its number of entries',
  weights: { rule: 'explicit' },
  c5ExtraSteps: 0,
  sources: [],
};

/** Built-in policies, by name. */
export const presets: {
  readonly beijing2011: Policy;
  readonly beijing2014: Policy;
  readonly beijing2016: Policy;
  readonly explicit: Policy;
} = { beijing2011, beijing2014, beijing2016, explicit };

/** Names of the built-in policies. */
export type PresetName = keyof typeof presets;
