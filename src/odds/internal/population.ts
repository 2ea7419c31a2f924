import type { FamilyMember } from '../../family/familyRecords';
import { numberToCode } from '../../pool/applicationCode';
import { deriveDefaultKey } from '../../rng/deriveDefaultKey';
import { Rc4WordSource } from '../../rng/Rc4WordSource';
import { uniformIndex } from '../../rng/uniformIndex';
import type { WordSource } from '../../rng/WordSource';
import { fillSyntheticColumns, syntheticWords } from '../../synthetic/syntheticBeijingRecords';
import { ROLES_BY_SIZE } from '../../synthetic/syntheticPeriodInput';

/** The first 9-digit running number: codes are 4 random digits, then this number counting up (docs/spec.md §17.7). */
export const FIRST_SERIAL = 100_000_000;

/** A family among a cohort: its row, its family years, its members. */
export interface CohortFamily {
  /** Row of the family in the cohort's columns. */
  readonly row: number;
  /** Full years already applied as a family. */
  readonly familyYears: number;
  /** Everyone in the application; the main applicant's personId is the code. */
  readonly members: readonly FamilyMember[];
}

/** Applications that enter the simulation together (the initial population, or one period's arrivals), as columns. */
export interface Cohort {
  /** Number of applications. */
  readonly count: number;
  /** Code values. */
  readonly codes: Float64Array;
  /** Draws entered before (2021– rules: up to 2020). */
  readonly draws: Uint32Array;
  /** 2021– rules: draws entered from 2021 on. */
  readonly drawsSince2021: Uint32Array;
  /** 1 for a C5 licence holder. */
  readonly c5: Uint8Array;
  /** The families (2021– rules), by row. */
  readonly families: readonly CohortFamily[];
}

/** What the initial population draws from (checked options). */
export interface InitialShape {
  /** Individual applications. */
  readonly size: number;
  /** Their earlier draws are uniform in 0 … maxDraws − 1. */
  readonly maxDraws: number;
  /** One individual in this many holds a C5 licence. */
  readonly c5OneIn: number;
  /** Family applications (2021– rules). */
  readonly families: number;
  /** Largest drawsSince2021 (2021– rules): the ordinary draws held from 2021 to the start. */
  readonly maxSince2021: number;
  /** Largest familyYears: full years from 2021 to the start. */
  readonly maxFamilyYears: number;
}

function emptyCohort(count: number): {
  count: number;
  codes: Float64Array;
  draws: Uint32Array;
  drawsSince2021: Uint32Array;
  c5: Uint8Array;
  families: CohortFamily[];
} {
  return {
    count,
    codes: new Float64Array(count),
    draws: new Uint32Array(count),
    drawsSince2021: new Uint32Array(count),
    c5: new Uint8Array(count),
    families: [],
  };
}

/** Two cohorts as one (b's rows after a's), to enter the registry in one batch. */
export function joinCohorts(a: Cohort, b: Cohort): Cohort {
  if (b.count === 0) return a;
  const joined = emptyCohort(a.count + b.count);
  joined.codes.set(a.codes);
  joined.codes.set(b.codes, a.count);
  joined.draws.set(a.draws);
  joined.draws.set(b.draws, a.count);
  joined.drawsSince2021.set(a.drawsSince2021);
  joined.drawsSince2021.set(b.drawsSince2021, a.count);
  joined.c5.set(a.c5);
  joined.c5.set(b.c5, a.count);
  joined.families.push(...a.families, ...b.families.map((f) => ({ ...f, row: f.row + a.count })));
  return joined;
}

const words = (seed: string, label: string): WordSource => Rc4WordSource.fromKey(deriveDefaultKey(seed, label));

/**
 * Hands out the simulation's applications (docs/spec.md §17.7): codes are 4 random digits and a
 * running number that counts across the initial population and every arrival, so codes are
 * unique and a code's running number tells when it arrived.
 */
export class Population {
  /** The next running number. */
  private serial = FIRST_SERIAL;

  constructor(
    private readonly seed: string,
    private readonly label: string,
  ) {}

  /** Running numbers handed out so far end before this one. */
  get nextSerial(): number {
    return this.serial;
  }

  /**
   * The population before the first draw: individuals are syntheticBeijingRecords({ size, seed,
   * maxDraws, c5OneIn }) (their draws are drawsTo2020 under 2021– rules, drawsSince2021 then from
   * the stream `<label>/initial`), then `families` families from that stream.
   */
  initial(shape: InitialShape, rule2021: boolean): Cohort {
    const cohort = emptyCohort(shape.size + shape.families);
    fillSyntheticColumns(syntheticWords(this.seed), 0, shape.size, shape.maxDraws, shape.c5OneIn, cohort);
    let row = shape.size;
    this.serial += shape.size;
    if (!rule2021) return cohort;
    const stream = words(this.seed, `${this.label}/initial`);
    const pick = (n: number): number => uniformIndex(stream, n);
    for (let i = 0; i < shape.size; i++) cohort.drawsSince2021[i] = pick(shape.maxSince2021 + 1);
    for (let f = 0; f < shape.families; f++, row++) {
      const code = pick(10_000) * 1_000_000_000 + this.serial++;
      cohort.codes[row] = code;
      const familyYears = pick(shape.maxFamilyYears + 1);
      const roles = ROLES_BY_SIZE[pick(ROLES_BY_SIZE.length)]!;
      const members = roles.map((role, k): FamilyMember => {
        const history = pick(4);
        const person = { personId: memberId(code, k), role: role };
        if (history === 0) return { ...person, steps: pick(12) };
        if (history === 1)
          return { ...person, drawsTo2020: pick(shape.maxDraws), drawsSince2021: pick(shape.maxSince2021 + 1) };
        return person;
      });
      cohort.families.push({ row, familyYears, members });
    }
    return cohort;
  }

  /**
   * One period's `count` arrivals, from the stream `<label>/arrivals/<period>`: per arrival the
   * code's 4 random digits; under 2021– rules with families, whether it is a family (a word below
   * `familiesPerMille` of 1000); a family's shape, or an individual's C5 licence (one in `c5OneIn`).
   * Arrivals enter with no draws, families with no family years and members without history.
   */
  arrivals(period: string, count: number, c5OneIn: number, familiesPerMille: number): Cohort {
    const cohort = emptyCohort(count);
    const stream = words(this.seed, `${this.label}/arrivals/${period}`);
    const pick = (n: number): number => uniformIndex(stream, n);
    for (let row = 0; row < count; row++) {
      const code = pick(10_000) * 1_000_000_000 + this.serial++;
      cohort.codes[row] = code;
      if (familiesPerMille > 0 && pick(1000) < familiesPerMille) {
        const roles = ROLES_BY_SIZE[pick(ROLES_BY_SIZE.length)]!;
        cohort.families.push({
          row,
          familyYears: 0,
          members: roles.map((role, k) => ({ personId: memberId(code, k), role: role })),
        });
      } else cohort.c5[row] = pick(c5OneIn) === 0 ? 1 : 0;
    }
    return cohort;
  }
}

/** The personId of member k of the family with code value `code` (the main applicant, k = 0, is the code itself). */
function memberId(code: number, k: number): string {
  const text = numberToCode(code);
  return k === 0 ? text : `${text}/${k}`;
}
