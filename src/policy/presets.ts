import type { FamilyRule, Policy } from './Policy';

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

const BEIJING_2021_SOURCES = [
  'https://feifmx.com/socialgd/10000169/20200601/38290589_2.html',
  'http://www.hand4g.com/jt/491496.html',
  'http://www.hsujglq.cn/xw/gnxw/20230106/182906.html',
  'domain.md §2–3',
];

/** Family points as the 2020 rules define them (domain.md §3); every number is a parameter. */
const BEIJING_FAMILY: FamilyRule = {
  basePoints: { main: 2, other: 1 },
  pointsPerStep: 1,
  pointsPerQueueYear: 1,
  pointsPerFamilyYear: 1,
  spouseMultiplier: 2,
  generationMultipliers: [1, 2, 3],
  minMembers: 2,
  queueYears: { countTo: 'previous-year-end', partYear: 'drop' },
  utcOffset: '+08:00',
};

function beijing2021Era(year: number): Policy {
  return {
    id: `beijing${year}`,
    title: `Beijing ${year}: families by points and individuals by steps in one ordinary pool`,
    // Steps at the end of 2020 by the 6-draw ladder, then +1 per 2 draws. Reading taken for the
    // uncertain boundary: `floor` — a step is gained once two post-2020 draws have been entered
    // (the draw being held included), so the first post-2020 draw does not add one. This matches
    // "每参加两次摇号增加一个阶梯" (one step per two draws entered) and the earlier ladders, which
    // also grant a step only for a completed block of draws. Use after2020Rounding: 'ceil' for the other reading.
    weights: {
      rule: 'beijing2021',
      drawsAtFirstStep: 6,
      drawsPerStep: 6,
      drawsPerStepAfter2020: 2,
      after2020Rounding: 'floor',
    },
    c5ExtraSteps: 1,
    year,
    family: BEIJING_FAMILY,
    sources: BEIJING_2021_SOURCES,
  };
}

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
  readonly beijing2021: Policy;
  readonly beijing2022: Policy;
  readonly beijing2023: Policy;
  readonly beijing2024: Policy;
  readonly explicit: Policy;
} = {
  beijing2011,
  beijing2014,
  beijing2016,
  beijing2021: beijing2021Era(2021),
  beijing2022: beijing2021Era(2022),
  beijing2023: beijing2021Era(2023),
  beijing2024: beijing2021Era(2024),
  explicit,
};

/** Names of the built-in policies. */
export type PresetName = keyof typeof presets;
