import type { PeriodInput } from '../period/periodRecords';
import { requireInteger, requireObject, requireString } from '../errors/arguments';
import { YaohaoError } from '../errors/YaohaoError';
import { numberToCode } from '../pool/applicationCode';
import { deriveDefaultKey } from '../rng/deriveDefaultKey';
import { Rc4WordSource } from '../rng/Rc4WordSource';
import { uniformIndex } from '../rng/uniformIndex';
import { formatTimestamp } from '../time/formatTimestamp';
import { daysFromCivil } from '../time/timestamp';

/** Sizes of a synthetic 2021–-style period. Beijing 2022: 221k NEV families, 428k NEV individuals, 15k units. */
export interface SyntheticPeriodOptions {
  /** Allocation year (queue and registration times fall before it). */
  readonly year: number;
  /** New-energy units. */
  readonly nevUnits: number;
  /** New-energy operating-vehicle companies. */
  readonly nevOperators: number;
  /** New-energy families. */
  readonly nevFamilies: number;
  /** New-energy individuals. */
  readonly nevIndividuals: number;
  /** Ordinary-lottery units. */
  readonly ordinaryUnits: number;
  /** Individuals in the ordinary pool. */
  readonly ordinaryIndividuals: number;
  /** Families in the ordinary pool. */
  readonly ordinaryFamilies: number;
  /** Share of NEV families that also want the ordinary pool (in thousandths). Default 500. */
  readonly alsoOrdinaryPerMille?: number;
  /** Any string; the same seed gives the same input. */
  readonly seed?: string;
}

const COUNTS = [
  'nevUnits',
  'nevOperators',
  'nevFamilies',
  'nevIndividuals',
  'ordinaryUnits',
  'ordinaryIndividuals',
  'ordinaryFamilies',
] as const;

// Every application takes a 9-digit running number from 100,000,000; the lists are built in memory.
const MAX_APPLICATIONS = 50_000_000;

function checkOptions(options: unknown): void {
  const o = requireObject(options, ['options']);
  requireInteger(o['year'], ['options', 'year'], 2000, 9999);
  let total = 0;
  for (const key of COUNTS) total += requireInteger(o[key], ['options', key], 0, MAX_APPLICATIONS);
  if (total > MAX_APPLICATIONS)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['options'],
        message: `at most ${MAX_APPLICATIONS} applications in all, got ${total}`,
      },
    ]);
  if (o['alsoOrdinaryPerMille'] !== undefined)
    requireInteger(o['alsoOrdinaryPerMille'], ['options', 'alsoOrdinaryPerMille'], 0, 1000);
  if (o['seed'] !== undefined) requireString(o['seed'], ['options', 'seed']);
}

/** Family shapes the synthetic inputs draw from (the roles of each family's members; also the simulation's, docs/spec.md §17.7). */
export const ROLES_BY_SIZE = [
  ['main', 'spouse'],
  ['main', 'child'],
  ['main', 'spouse', 'child'],
  ['main', 'spouse', 'child', 'parent'],
  ['main', 'spouse', 'child', 'child', 'parent', 'parent'],
  ['main', 'parent', 'parent'],
  ['main', 'spouse', 'spouse-parent', 'child'],
] as const;

/**
 * A deterministic synthetic population for one 2021–-style period (docs only codes and made-up
 * person ids): units and operating companies queueing for new-energy quotas, families with
 * members' histories, individuals with queue times, ordinary units, and a mixed ordinary pool.
 */
export function syntheticPeriodInput(options: SyntheticPeriodOptions): PeriodInput {
  checkOptions(options);
  const words = Rc4WordSource.fromKey(
    deriveDefaultKey(options.seed ?? 'yaohao-synthetic-period', `period-${options.year}`),
  );
  const pick = (n: number): number => uniformIndex(words, n);
  let serial = 100_000_000;
  const code = (): string => numberToCode(pick(10_000) * 1_000_000_000 + serial++);
  let person = 0;
  const personId = (): string => `person-${person++}`;
  // Times within the ten years before the allocation year, to the millisecond (Beijing time).
  const start = daysFromCivil(options.year - 10, 1, 1) * 86_400_000 - 8 * 3_600_000;
  const span = 10 * 365 * 86_400_000;
  const time = (): string => formatTimestamp(start + pick(span));
  const queued = (withPerson: boolean) => (): Record<string, unknown> => ({
    code: code(),
    queueSince: time(),
    ...(withPerson ? { personId: personId() } : {}),
  });
  const member = (role: string): Record<string, unknown> => {
    const history = pick(4);
    return {
      personId: personId(),
      role,
      ...(history === 0
        ? { steps: pick(12) }
        : history === 1
          ? { drawsTo2020: pick(60), drawsSince2021: pick(8) }
          : {}),
      ...(pick(3) === 0 ? { queueSince: time() } : {}),
      registeredAt: time(),
    };
  };
  const family = (alsoOrdinary: boolean) => (): Record<string, unknown> => ({
    kind: 'family',
    code: code(),
    familyYears: pick(3),
    members: ROLES_BY_SIZE[pick(ROLES_BY_SIZE.length)]!.map(member),
    ...(alsoOrdinary && pick(1000) < (options.alsoOrdinaryPerMille ?? 500) ? { alsoOrdinary: true } : {}),
  });
  const individual = (): Record<string, unknown> => ({
    code: code(),
    personId: personId(),
    drawsTo2020: pick(60),
    drawsSince2021: pick(8),
  });
  const many = (n: number, make: () => Record<string, unknown>): Record<string, unknown>[] =>
    Array.from({ length: n }, make);
  return {
    nevUnits: many(options.nevUnits, queued(false)),
    nevOperators: many(options.nevOperators, queued(false)),
    nevFamilies: many(options.nevFamilies, family(true)),
    nevIndividuals: many(options.nevIndividuals, queued(true)),
    ordinaryUnits: many(options.ordinaryUnits, () => ({ code: code() })),
    ordinary: [...many(options.ordinaryIndividuals, individual), ...many(options.ordinaryFamilies, family(false))],
  };
}

/**
 * The records of a synthetic present-day mixed pool — the ordinary pool of a 2024 period alone
 * (syntheticPeriodInput without new-energy queues or units): `size` applications, five individuals
 * to one family, as in Beijing's ordinary pool today (2,500,000 and 500,000 at 3,000,000), for
 * `createPool` with `presets.beijing2024`. Deterministic: the same size and seed, the same records.
 */
export function syntheticMixedPool(size: number, seed?: string): readonly unknown[] {
  requireInteger(size, ['size'], 0, MAX_APPLICATIONS);
  if (seed !== undefined) requireString(seed, ['seed']);
  const families = Math.floor(size / 6);
  const { ordinary } = syntheticPeriodInput({
    year: 2024,
    nevUnits: 0,
    nevOperators: 0,
    nevFamilies: 0,
    nevIndividuals: 0,
    ordinaryUnits: 0,
    ordinaryIndividuals: size - families,
    ordinaryFamilies: families,
    ...(seed === undefined ? {} : { seed }),
  });
  return ordinary ?? [];
}
