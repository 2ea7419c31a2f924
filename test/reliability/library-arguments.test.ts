// Every exported function and class, called with anything: a `safe…` function never throws and
// returns `{ success: false, issues }` when it cannot succeed; everything else throws only
// YaohaoError. Arguments are either arbitrary values or valid ones with arbitrary parts, so the
// checks deep inside (options of a valid pool, members of a valid family) are reached too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';

const { presets } = api;

const pool = api.createPool(
  [
    { code: '0001100000001', weight: 1 },
    { code: '2345100000002', weight: 3 },
    { code: '5000100000003', weight: 2 },
  ],
  { policy: presets.explicit },
);
const drawn = api.drawLottery(pool, { quota: 2, seed: '654321', generator: 'legacy' });
const family = {
  kind: 'family',
  code: '3141500000001',
  members: [
    { personId: 'a', role: 'main', steps: 5 },
    { personId: 'b', role: 'spouse' },
  ],
};
const periodInput = {
  ordinaryUnits: [{ code: '1000000000001' }],
  ordinary: [{ code: '1000000000002', personId: 'p', drawsTo2020: 10 }],
};
const planned = api.planPeriod(periodInput, presets.beijing2024, {
  period: '2024-h2',
  quotas: { 'ordinary/unit': 1, 'ordinary/family+individual': 1 },
});
const ran = api.runPeriod(planned.plan, planned.pools, { seed: 's' });
const notice = presets.beijing2024.allocation!.notices[0]!;
const sheet = {
  seed: '654321',
  totalEntries: 6,
  quota: 2,
  rows: drawn.record.winners.map(({ code, entry }) => ({ code, entry })),
};

/** Valid argument lists for each export (the fuzzer keeps or replaces each argument, or a field of it). */
const VALID: Record<string, readonly unknown[][]> = {
  formatIssue: [[{ code: 'invalid_value', path: [0, 'code'], message: 'm', line: 3 }]],
  formatPath: [[[0, 'code']]],
  inFile: [[new api.YaohaoError([{ code: 'invalid_value', path: [], message: 'm' }]), 'f.json']],
  isYaohaoError: [[new Error('x')]],
  isApplicationCode: [['0001100000001']],
  stepsForDraws: [[presets.beijing2016.weights, 12]],
  steps2021: [[presets.beijing2024.weights, 12, 3]],
  familyPoints: [[family, presets.beijing2024]],
  safeFamilyPoints: [[family, presets.beijing2024]],
  createPool: [[[{ code: '0001100000001', draws: 3 }], { policy: presets.beijing2016 }]],
  safeCreatePool: [[[{ code: '0001100000001', draws: 3 }], { policy: presets.beijing2016 }]],
  commitPool: [[pool]],
  writeCanonicalPool: [[pool, () => undefined]],
  uniformIndex: [[api.Rc4WordSource.fromKey('k'), 10]],
  deriveDefaultKey: [['seed', 'label']],
  parseLegacySeed: [['033859']],
  drawLottery: [[pool, { quota: 2, seed: '654321', generator: 'legacy', label: '' }]],
  safeDrawLottery: [[pool, { quota: 2, seed: 's', generator: 'default', label: 'x' }]],
  recordDigest: [[drawn.record]],
  serializeRecord: [[drawn.record]],
  verifyRecord: [[drawn.record, pool, { publishedDigest: drawn.record.digest }]],
  checkPublishedSheet: [[sheet]],
  formatResultSheet: [[drawn.record, { period: '202406', title: 'T', description: 'D' }]],
  parseResultSheet: [[api.formatResultSheet(drawn.record)]],
  safeParseResultSheet: [[api.formatResultSheet(drawn.record)]],
  sheetValue: [[' seed ']],
  sheetWorkLimit: [[10]],
  drawCost: [[pool, 2]],
  applyShare: [[1000, '0.8', 'half-up']],
  splitCategory: [[notice, 'half-up']],
  planDigest: [[planned.plan]],
  planPeriod: [[periodInput, presets.beijing2024, { period: '2024-h2', quotas: { 'ordinary/unit': 1 } }]],
  safePlanPeriod: [[periodInput, presets.beijing2024, { period: '2024-h2' }]],
  runPeriod: [[planned.plan, planned.pools, { seed: 's' }]],
  safeRunPeriod: [[planned.plan, planned.pools, { seed: 's' }]],
  periodRecordDigest: [[ran.record]],
  verifyPeriod: [[ran.record, planned.pools]],
  syntheticBeijingRecords: [[{ size: 3, seed: 'x', maxDraws: 10, c5OneIn: 2 }]],
  syntheticMixedPool: [[12, 'x'], [0]],
  syntheticPeriodInput: [
    [
      {
        year: 2024,
        nevUnits: 1,
        nevOperators: 1,
        nevFamilies: 1,
        nevIndividuals: 1,
        ordinaryUnits: 1,
        ordinaryIndividuals: 1,
        ordinaryFamilies: 1,
      },
    ],
  ],
  // Classes: constructor arguments.
  YaohaoError: [[[{ code: 'invalid_value', path: [], message: 'm' }], 0]],
  LegacyDotNetRandom: [[123]],
  Rc4WordSource: [[{}]],
  Ranking: [[[{ code: '1000000000001', kind: 'unit', time: 5 }]]],
  PeriodPools: [[planned.plan.digest, new Map()]],
  Pool: [[{}, 'explicit']],
};

/** Static methods and instance methods of valid instances, with valid arguments. */
const METHODS: [string, object, string, unknown[]][] = [
  ['LegacyDotNetRandom.fromState', api.LegacyDotNetRandom, 'fromState', [new api.LegacyDotNetRandom(5).getState()]],
  ['LegacyDotNetRandom#nextBelow', new api.LegacyDotNetRandom(5), 'nextBelow', [10]],
  ['Rc4WordSource.fromKey', api.Rc4WordSource, 'fromKey', ['key']],
  ['Rc4WordSource.fromState', api.Rc4WordSource, 'fromState', [api.Rc4WordSource.fromKey('k').getState()]],
  ['Pool#codeAt', pool, 'codeAt', [1]],
  ['Pool#indexAtEntry', pool, 'indexAtEntry', [1]],
  ['Pool#indexOf', pool, 'indexOf', ['0001100000001']],
  ['Pool#has', pool, 'has', ['0001100000001']],
  ['Pool#weightOf', pool, 'weightOf', ['0001100000001']],
  ['Pool#kindOf', pool, 'kindOf', ['0001100000001']],
  ['Pool#at', pool, 'at', [0]],
  ['Pool#firstEntryOf', pool, 'firstEntryOf', ['0001100000001']],
  ['Ranking#top', new api.Ranking([{ code: '1000000000001', kind: 'unit', time: 5 }]), 'top', [1]],
  ['PeriodPools#pool', planned.pools, 'pool', ['ordinary/unit']],
  ['PeriodPools#ranking', planned.pools, 'ranking', ['nev/unit']],
];

// Owned by the pool-file readers' own tests (they fuzz it with malformed bytes).
const NOT_HERE = new Set(['JsonLinesPoolParser']);

const isClass = (value: unknown): boolean =>
  typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));

// Anything at all, including the values that break naive code.
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Infinity,
    -1,
    0,
    2 ** 53,
    '',
    '\uD800',
    [],
    {},
    Object.create(null),
    'constructor',
    '__proto__',
  ),
);

/** A valid value with one part replaced by anything (recursively), or anything. */
function mutate(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [fc.constant(value), hostile];
  if (depth < 3 && Array.isArray(value) && value.length > 0) {
    const list = value as unknown[];
    options.push(
      fc
        .nat(list.length - 1)
        .chain((i) => mutate(list[i], depth + 1).map((item) => list.map((v, k) => (k === i ? item : v)))),
    );
  } else if (
    depth < 3 &&
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const keys = Object.keys(value);
    if (keys.length > 0)
      options.push(
        fc
          .constantFrom(...keys)
          .chain((key) =>
            mutate((value as Record<string, unknown>)[key], depth + 1).map((item) => ({ ...value, [key]: item })),
          ),
      );
    options.push(hostile.map((item) => ({ ...value, extra: item })));
  }
  return fc.oneof(...options);
}

const argumentLists = (valid: readonly unknown[][]): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    fc.array(hostile, { maxLength: 4 }),
    fc.constantFrom(...valid).chain((args) => fc.tuple(...args.map((a) => mutate(a)))),
  );

/**
 * Calls, drains what is lazy (generators) or pending (promises), and returns what was thrown or
 * rejected, if anything.
 */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    const result = run();
    if (result instanceof Promise) await result;
    else if (result !== null && typeof result === 'object' && Symbol.iterator in result && 'next' in result) {
      const iterator = result as Iterator<unknown>;
      for (let i = 0; i < 5 && iterator.next().done !== true; i++);
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);

describe('every export, called with anything', () => {
  const exported = Object.entries(api).filter(([name, value]) => typeof value === 'function' && !NOT_HERE.has(name));

  // An export without valid arguments listed here is still called with anything: new exports are
  // fuzzed from the day they are added; listing valid arguments reaches the checks deeper inside.
  it('calls every exported function and class', () => {
    expect(exported.length).toBeGreaterThan(40);
  });

  for (const [name, value] of exported) {
    const fn = value as (...args: unknown[]) => unknown;
    const valid = VALID[name] ?? [[]];
    if (name.startsWith('safe')) {
      it(`${name} never throws and answers { success, value | issues }`, async () => {
        await fc.assert(
          fc.asyncProperty(argumentLists(valid), async (args) => {
            let result: unknown;
            const error = await thrown(() => (result = fn(...args)));
            expect(error === undefined ? '' : describeError(error)).toBe('');
            const r = (result instanceof Promise ? await result : result) as { success: boolean; issues?: unknown[] };
            expect(typeof r.success).toBe('boolean');
            if (!r.success) expect(r.issues!.length).toBeGreaterThan(0);
          }),
          { numRuns: 150 },
        );
      });
      continue;
    }
    it(`${name} throws nothing but YaohaoError`, async () => {
      await fc.assert(
        fc.asyncProperty(argumentLists(valid), async (args) => {
          const error = await thrown(() =>
            isClass(fn) ? new (fn as unknown as new (...a: unknown[]) => unknown)(...args) : fn(...args),
          );
          if (error !== undefined && !api.isYaohaoError(error)) expect.fail(describeError(error));
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const [name, target, method, args] of METHODS) {
    it(`${name} throws nothing but YaohaoError`, async () => {
      const fn = (target as Record<string, (...a: unknown[]) => unknown>)[method]!;
      await fc.assert(
        fc.asyncProperty(argumentLists([args]), async (list) => {
          const error = await thrown(() => fn.apply(target, list));
          if (error !== undefined && !api.isYaohaoError(error)) expect.fail(describeError(error));
        }),
        { numRuns: 150 },
      );
    });
  }
});
