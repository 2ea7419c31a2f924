import { requireInteger } from '../errors/arguments';
import { parseWith } from '../errors/fromZod';
import { YaohaoError } from '../errors/YaohaoError';
import { WeightRuleSchema, type WeightRule } from './Policy';

/**
 * Steps (entries) under a counted rule for someone who entered `previousDraws` earlier draws;
 * N = previousDraws + 1 counts the draw being held (docs/spec.md §1.3). Integer arithmetic only.
 * Returns the steps before any C5 bonus. Explicit and 2021 rules have no such formula: a
 * YaohaoError says so, as it does for a rule or a count that is not valid.
 */
export function stepsForDraws(rule: WeightRule, previousDraws: number): number {
  const parsed = parseWith(WeightRuleSchema, rule, { path: ['rule'] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  requireInteger(previousDraws, ['previousDraws'], 0, Number.MAX_SAFE_INTEGER - 1);
  if (parsed.value.rule === 'explicit' || parsed.value.rule === 'beijing2021')
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['rule', 'rule'],
        message:
          parsed.value.rule === 'explicit'
            ? 'an explicit weight rule has no step formula; records carry their own weight'
            : 'the beijing2021 rule counts draws before and after 2020 separately: use steps2021',
      },
    ]);
  return countedSteps(parsed.value, previousDraws);
}

/** stepsForDraws for a checked flat or ladder rule and count (the pool's readers call this per record). */
export function countedSteps(rule: WeightRule, previousDraws: number): number {
  if (rule.rule !== 'ladder') return 1;
  const n = previousDraws + 1;
  if (n <= rule.drawsAtFirstStep) return 1;
  return 1 + Math.floor((n - rule.drawsAtFirstStep + rule.drawsPerStep - 1) / rule.drawsPerStep);
}
