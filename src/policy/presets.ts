import type { AllocationRule, CategoryNotice, PeriodRule, SubDrawRule } from './Allocation';
import type { CalendarPeriodRule, LifecycleRule } from './Lifecycle';
import type {
  Beijing2021WeightRule,
  ExplicitWeightRule,
  FamilyRule,
  FlatWeightRule,
  LadderWeightRule,
  PolicyWith,
} from './Policy';

// A sub-draw whose label names its category and part: "nev/family" allocates the family part of
// the new-energy notice.
function draw(
  label: string,
  method: SubDrawRule['method'],
  entrants: SubDrawRule['entrants'],
  throughShare: string,
  leftoverTo?: string,
): SubDrawRule {
  const [category, part] = label.split('/') as [SubDrawRule['category'], string];
  return { label, category, part, throughShare, method, entrants, ...(leftoverTo === undefined ? {} : { leftoverTo }) };
}

// Bimonthly (or monthly) periods before 2021: every period allocates its share of the year.
function everyPeriod(ids: readonly string[], subDraws: (through: string) => SubDrawRule[]): PeriodRule[] {
  return ids.map((id, k) => ({ id, subDraws: subDraws(`${k + 1}/${ids.length}`) }));
}
const BIMONTHLY = ['02', '04', '06', '08', '10', '12'];
const MONTHLY = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

// The ordinary lotteries of every era: units in their own pool, then the individual (2021–: mixed) pool.
const ordinaryLotteries = (through: string, mixed: string): SubDrawRule[] => [
  draw('ordinary/unit', 'lottery', 'ordinaryUnits', through),
  draw(`ordinary/${mixed}`, 'lottery', 'ordinary', through),
];

// Pre-2021 presets carry the period structure only: the split figures of those years are not in
// our sources, so planPeriod takes each sub-draw's quota from options.quotas.
const ALLOCATION_2011: AllocationRule = {
  rounding: 'half-up',
  notices: [],
  periods: everyPeriod(MONTHLY, (through) => ordinaryLotteries(through, 'individual')),
};
const ALLOCATION_2014: AllocationRule = {
  rounding: 'half-up',
  notices: [],
  periods: everyPeriod(BIMONTHLY, (through) => [
    // 2014–2015: new-energy quotas were drawn by lottery, one entry each.
    draw('nev/individual', 'lottery', 'nevIndividuals', through),
    ...ordinaryLotteries(through, 'individual'),
  ]),
};
const ALLOCATION_2016: AllocationRule = {
  rounding: 'half-up',
  notices: [],
  periods: everyPeriod(BIMONTHLY, (through) => [
    // 2016–2020: new-energy quotas by queue time (轮候), units and individuals separately.
    draw('nev/unit', 'ranking', 'nevUnits', through),
    draw('nev/individual', 'ranking', 'nevIndividuals', through),
    ...ordinaryLotteries(through, 'individual'),
  ]),
};

/**
 * 2021–: new-energy quotas once a year (May) by ranking: units and operating vehicles by queue
 * time, then families by points (unused family quota goes to individuals), then individuals by
 * queue time; ordinary quotas twice a year (June and December, half the year each): units in
 * their own lottery, families and individuals in one mixed lottery. Period "h1" is the May NEV
 * allocation and the June draw (families not served in May may continue into June's pool);
 * "h2" is December.
 */
function allocation2021(notices: readonly CategoryNotice[]): AllocationRule {
  return {
    // The published figures divide exactly; half-up only matters for custom totals.
    rounding: 'half-up',
    notices,
    periods: [
      {
        id: 'h1',
        subDraws: [
          draw('nev/unit', 'ranking', 'nevUnits', '1'),
          draw('nev/operating', 'ranking', 'nevOperators', '1'),
          draw('nev/family', 'ranking', 'nevFamilies', '1', 'nev/individual'),
          draw('nev/individual', 'ranking', 'nevIndividuals', '1'),
          ...ordinaryLotteries('1/2', 'family+individual'),
        ],
      },
      { id: 'h2', subDraws: ordinaryLotteries('1', 'family+individual') },
    ],
  };
}

// Published splits (docs/spec.md §12.1). NEV: units and operating vehicles are fixed numbers, families
// take their share of the rest, individuals the remainder; ordinary: units fixed, the mixed pool
// the rest. Years whose fixed numbers we do not have carry no notice for that category.
const NOTICES: Readonly<Record<number, readonly CategoryNotice[]>> = {
  2021: [],
  2022: [],
  2023: [
    {
      category: 'nev',
      total: 70_000,
      fixed: [
        { part: 'unit', amount: 3_600 },
        { part: 'operating', amount: 2_800 },
      ],
      shares: [{ part: 'family', share: '0.8' }],
      rest: 'individual',
    },
  ],
  2024: [
    {
      category: 'nev',
      total: 80_000,
      fixed: [
        { part: 'unit', amount: 4_000 },
        { part: 'operating', amount: 3_000 },
      ],
      shares: [{ part: 'family', share: '0.8' }],
      rest: 'individual',
    },
    {
      category: 'ordinary',
      total: 20_000,
      fixed: [{ part: 'unit', amount: 800 }],
      shares: [],
      rest: 'family+individual',
    },
  ],
};

// An application's life (domain.md §8). Sourced: cut-off on the 8th, draw on the 26th (moved to the
// next working day), sealing on the 25th, the 2021– windows and review dates, 72 hours to confirm,
// validity 6 months (12 from 2018), renewal every 3 (2012) / 6 (2014) / 24 (2021) months, the
// 2021– cleanup on 1 January, 18 years, five years of contributions, 50,000 CNY of VAT. Not in our
// sources, so chosen and marked as such in docs/spec.md §16: the pre-2021 cleanup dates (the first
// of every month), the review-results day before 2021 (left out), the months counted for
// "five consecutive years", and how a family's years are counted.
const MONTH_FIRSTS = Array.from({ length: 12 }, (_, m) => `${String(m + 1).padStart(2, '0')}-01`);
const REVIEW = {
  minAge: 18,
  contributionYears: 5,
  contributionsUntil: 'previous-month',
  unitVatThreshold: '50000',
} as const;

function monthlyCalendarPeriods(
  months: readonly number[],
  categories: readonly ('ordinary' | 'nev')[],
): CalendarPeriodRule[] {
  return months.map((month) => ({
    id: String(month).padStart(2, '0'),
    deadline: `${String(month).padStart(2, '0')}-08`,
    draws: categories.map((category) => ({ category, month })),
  }));
}

function lifecycleBefore2021(
  months: readonly number[],
  categories: readonly ('ordinary' | 'nev')[],
  renewalMonths: number,
  validity: LifecycleRule['validity'],
): LifecycleRule {
  return {
    utcOffset: '+08:00',
    calendar: { drawDay: 26, sealDay: 25, periods: monthlyCalendarPeriods(months, categories) },
    confirmHours: 72,
    validity,
    renewal: { months: renewalMonths, cleanupDates: MONTH_FIRSTS },
    familyYears: 'draw-years',
    review: REVIEW,
  };
}

const EVERY_MONTH = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const EVEN_MONTHS = [2, 4, 6, 8, 10, 12];

/** 2021–: NEV in May and ordinary in June (window Jan 1 – Mar 8), ordinary in December (Aug 1 – Oct 8). */
const LIFECYCLE_2021: LifecycleRule = {
  utcOffset: '+08:00',
  calendar: {
    drawDay: 26,
    sealDay: 25,
    periods: [
      {
        id: 'h1',
        opens: '01-01',
        deadline: '03-08',
        reviewResults: '04-09',
        draws: [
          { category: 'nev', month: 5 },
          { category: 'ordinary', month: 6 },
        ],
      },
      {
        id: 'h2',
        opens: '08-01',
        deadline: '10-08',
        reviewResults: '11-09',
        draws: [{ category: 'ordinary', month: 12 }],
      },
    ],
  },
  confirmHours: 72,
  validity: [{ fromYear: 2018, months: 12 }],
  renewal: { months: 24, cleanupDates: ['01-01'], continuationMonths: [12] },
  familyYears: 'draw-years',
  review: REVIEW,
};

const BEIJING_2016_NOTICE = 'http://big5.china.com.cn/gate/big5/finance.china.com.cn//news/20160107/3533615.shtml';

/** Beijing 2011–2013: monthly draws, everyone one entry. */
const beijing2011: PolicyWith<FlatWeightRule> = {
  id: 'beijing2011',
  title: 'Beijing 2011–2013: monthly draws, one entry each',
  weights: { rule: 'flat' },
  // There were no steps to add a C5 step to.
  c5ExtraSteps: 0,
  allocation: ALLOCATION_2011,
  // Monthly draws; confirmation every 3 months (2012); certificates valid 6 months.
  lifecycle: lifecycleBefore2021(EVERY_MONTH, ['ordinary'], 3, [{ fromYear: 2011, months: 6 }]),
  sources: ['docs/spec.md §1.3'],
};

/** Beijing 2014–2015: N ≤ 24 → 1 entry, then +1 per 12 more draws (N counts the current draw). */
const beijing2014: PolicyWith<LadderWeightRule> = {
  id: 'beijing2014',
  title: 'Beijing 2014–2015: 1 entry up to 24 draws, +1 per 12 more',
  weights: { rule: 'ladder', drawsAtFirstStep: 24, drawsPerStep: 12 },
  c5ExtraSteps: 1,
  allocation: ALLOCATION_2014,
  // Even months, ordinary and new-energy draws; confirmation every 6 months; valid 6 months.
  lifecycle: lifecycleBefore2021(EVEN_MONTHS, ['nev', 'ordinary'], 6, [{ fromYear: 2011, months: 6 }]),
  sources: ['docs/spec.md §1.3'],
};

/** Beijing 2016–2020: steps = ceil(N / 6). */
const beijing2016: PolicyWith<LadderWeightRule> = {
  id: 'beijing2016',
  title: 'Beijing 2016–2020: ceil(N / 6) entries',
  weights: { rule: 'ladder', drawsAtFirstStep: 6, drawsPerStep: 6 },
  c5ExtraSteps: 1,
  allocation: ALLOCATION_2016,
  // Even months; valid 6 months until 2017, 12 from 2018.
  lifecycle: lifecycleBefore2021(EVEN_MONTHS, ['nev', 'ordinary'], 6, [
    { fromYear: 2011, months: 6 },
    { fromYear: 2018, months: 12 },
  ]),
  sources: [BEIJING_2016_NOTICE, 'docs/spec.md §1.3'],
};

const BEIJING_2021_SOURCES = [
  'https://feifmx.com/socialgd/10000169/20200601/38290589_2.html',
  'http://www.hand4g.com/jt/491496.html',
  'http://www.hsujglq.cn/xw/gnxw/20230106/182906.html',
  'docs/spec.md §11, §12.1',
];

/** Family points as the 2020 rules define them (docs/spec.md §11.4); every number is a parameter. */
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

function beijing2021Era(year: number): PolicyWith<Beijing2021WeightRule> {
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
    allocation: allocation2021(NOTICES[year] ?? []),
    lifecycle: LIFECYCLE_2021,
    sources: [...BEIJING_2021_SOURCES, 'https://en.gmw.cn/2024-07/19/content_37449335.htm'],
  };
}

/** Each record carries its own weight (replaying a published pool, other cities). */
const explicit: PolicyWith<ExplicitWeightRule> = {
  id: 'explicit',
  title: 'Explicit weights: each record states its number of entries',
  weights: { rule: 'explicit' },
  c5ExtraSteps: 0,
  sources: [],
};

/** Built-in policies, by name. */
export const presets: {
  /** Beijing 2011–2013: monthly draws, one entry each. */
  readonly beijing2011: PolicyWith<FlatWeightRule>;
  /** Beijing 2014–2015: N ≤ 24 → 1 entry, then +1 per 12 more draws. */
  readonly beijing2014: PolicyWith<LadderWeightRule>;
  /** Beijing 2016–2020: steps = ceil(N / 6). */
  readonly beijing2016: PolicyWith<LadderWeightRule>;
  /** Beijing 2021: families by points and individuals by steps in one ordinary pool. */
  readonly beijing2021: PolicyWith<Beijing2021WeightRule>;
  /** Beijing 2022 (as 2021; its quota split is not in the preset). */
  readonly beijing2022: PolicyWith<Beijing2021WeightRule>;
  /** Beijing 2023, with the published new-energy split. */
  readonly beijing2023: PolicyWith<Beijing2021WeightRule>;
  /** Beijing 2024, with the published new-energy and ordinary splits. */
  readonly beijing2024: PolicyWith<Beijing2021WeightRule>;
  /** Each record carries its own weight (replaying a published pool, other cities). */
  readonly explicit: PolicyWith<ExplicitWeightRule>;
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
