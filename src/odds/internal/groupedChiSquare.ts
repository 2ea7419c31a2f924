import { chiSquareSurvival } from './specialFunctions';

/** Winners of one group of applications: observed, expected, and the variance used for the statistic. */
export interface Group {
  observed: number;
  expected: number;
  variance: number;
}

/** Smallest expected count of a group: smaller neighbours are merged (the usual χ² rule of thumb). */
export const MIN_EXPECTED = 5;

/**
 * Merges adjacent groups, in order, until each expects at least MIN_EXPECTED winners (a remainder
 * joins the last group). Groups that expect nothing (and observe nothing) disappear.
 */
export function mergeGroups(groups: readonly Group[]): Group[] {
  const merged: Group[] = [];
  let open: Group = { observed: 0, expected: 0, variance: 0 };
  for (const g of groups) {
    open.observed += g.observed;
    open.expected += g.expected;
    open.variance += g.variance;
    if (open.expected >= MIN_EXPECTED) {
      merged.push(open);
      open = { observed: 0, expected: 0, variance: 0 };
    }
  }
  if (open.expected > 0 || open.observed > 0) {
    const last = merged[merged.length - 1];
    if (last === undefined) merged.push(open);
    else {
      last.observed += open.observed;
      last.expected += open.expected;
      last.variance += open.variance;
    }
  }
  return merged;
}

/** A chi-square statistic with its degrees of freedom and p-value. */
export interface ChiSquare {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Σ (O − E)² / V over groups whose counts add up to a fixed total, with df = groups − 1
 * (docs/spec.md §17.4). With V = E this is Pearson's statistic; with V = Σ π(1 − π) over the
 * group's applications it is the statistic of Hájek's variance approximation for sampling without
 * replacement. Undefined with fewer than two groups (nothing to compare).
 */
export function groupedChiSquare(groups: readonly Group[]): ChiSquare | undefined {
  const merged = mergeGroups(groups);
  if (merged.length < 2) return undefined;
  let statistic = 0;
  for (const g of merged) {
    const d = g.observed - g.expected;
    statistic += g.variance > 0 ? (d * d) / g.variance : d === 0 ? 0 : Infinity;
  }
  const df = merged.length - 1;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) };
}
