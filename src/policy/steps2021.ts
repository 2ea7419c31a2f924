import { requireInteger } from '../errors/arguments';
import { parseWith } from '../errors/fromZod';
import { YaohaoError } from '../errors/YaohaoError';
import { WeightRuleSchema, type Beijing2021WeightRule } from './Policy';

/**
 * Steps under the 2021 rule, from draws entered up to the end of 2020 and from 2021 on. Integer
 * arithmetic only. With d2020 > 0 the steps held at the end of 2020 are the ladder's for
 * N = d2020 (beijing2016: ceil(d2020 / 6)); then one more per `drawsPerStepAfter2020` draws from
 * 2021, the part block rounded as the rule says. Someone who never entered a draw has 0 steps;
 * anyone who has has at least 1.
 *
 * For an individual in a draw, count the draw being held in `drawsSince2021` (their weight);
 * for a family member, count only draws already entered (their accumulated 阶梯数).
 */
export function steps2021(rule: Beijing2021WeightRule, drawsTo2020: number, drawsSince2021: number): number {
  const parsed = parseWith(WeightRuleSchema, rule, { path: ['rule'] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  if (parsed.value.rule !== 'beijing2021')
    throw new YaohaoError([
      { code: 'invalid_value', path: ['rule', 'rule'], message: 'steps2021 takes a beijing2021 weight rule' },
    ]);
  requireInteger(drawsTo2020, ['drawsTo2020'], 0, Number.MAX_SAFE_INTEGER);
  requireInteger(drawsSince2021, ['drawsSince2021'], 0, Number.MAX_SAFE_INTEGER);
  return steps2021Of(parsed.value, drawsTo2020, drawsSince2021);
}

/** steps2021 for a checked rule and counts (the pool's readers call this per person). */
export function steps2021Of(rule: Beijing2021WeightRule, drawsTo2020: number, drawsSince2021: number): number {
  if (drawsTo2020 === 0 && drawsSince2021 === 0) return 0;
  let steps = 0;
  if (drawsTo2020 > 0) {
    steps =
      drawsTo2020 <= rule.drawsAtFirstStep
        ? 1
        : 1 + Math.floor((drawsTo2020 - rule.drawsAtFirstStep + rule.drawsPerStep - 1) / rule.drawsPerStep);
  }
  const block = rule.drawsPerStepAfter2020;
  steps +=
    rule.after2020Rounding === 'floor'
      ? Math.floor(drawsSince2021 / block)
      : Math.floor((drawsSince2021 + block - 1) / block);
  return Math.max(1, steps);
}
