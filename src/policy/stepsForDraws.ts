import type { WeightRule } from './Policy';

/**
 * Steps (entries) under a counted rule for someone who entered `previousDraws` earlier draws;
 * N = previousDraws + 1 counts the draw being held (domain.md §2). Integer arithmetic only.
 * Returns the steps before any C5 bonus. Explicit rules have no formula and are rejected.
 */
export function stepsForDraws(rule: WeightRule, previousDraws: number): number {
  switch (rule.rule) {
    case 'flat':
      return 1;
    case 'ladder': {
      const n = previousDraws + 1;
      if (n <= rule.drawsAtFirstStep) return 1;
      return 1 + Math.floor((n - rule.drawsAtFirstStep + rule.drawsPerStep - 1) / rule.drawsPerStep);
    }
    case 'explicit':
      throw new TypeError('an explicit weight rule has no step formula; records carry their own weight');
    case 'beijing2021':
      throw new TypeError('the beijing2021 rule counts draws before and after 2020 separately: use steps2021');
  }
}
