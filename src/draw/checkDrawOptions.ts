import type { Issue } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { describeValue } from '../errors/fromZod';
import { isWellFormedString } from '../encoding/utf8';
import { getGenerator, GENERATOR_IDS, type DrawGenerator, type GeneratorId } from '../rng/generators';

/** Options of one lottery draw. */
export interface DrawOptions {
  /** Number of winners wanted (指标配置总数), a positive integer. */
  readonly quota: number;
  /** The seed as published: 6 ceremony digits for `legacy`, any non-empty string for `default`. */
  readonly seed: string;
  /** `legacy` to replay the official Beijing program, `default` for the modern generator. */
  readonly generator: GeneratorId;
  /** Names the sub-draw; the default generator derives its stream from seed and label. Default "". */
  readonly label?: string;
}

/** Draw options after checking. */
export interface CheckedDrawOptions {
  readonly quota: number;
  readonly seed: string;
  readonly generator: DrawGenerator;
  readonly label: string;
}

/** Checks draw options against a pool of `totalEntries` entries; throws every problem at once. */
export function checkDrawOptions(
  options: DrawOptions,
  totalEntries: number,
  path: readonly (string | number)[] = ['options'],
): CheckedDrawOptions {
  const issues = new IssueCollector();
  const at = (field: string): (string | number)[] => [...path, field];
  const raw = options as unknown as Record<string, unknown>;
  const quota = raw['quota'];
  if (typeof quota !== 'number' || !Number.isSafeInteger(quota) || quota < 1) {
    issues.add({
      code: 'invalid_quota',
      path: at('quota'),
      message: `quota must be a positive integer, got ${describeValue(quota)}`,
      received: describeValue(quota),
    });
  }
  const generatorId = raw['generator'];
  const generator = typeof generatorId === 'string' ? getGenerator(generatorId) : undefined;
  if (generator === undefined) {
    issues.add({
      code: 'unknown_generator',
      path: at('generator'),
      message: `${generatorId === undefined ? 'no generator given' : `unknown generator ${describeValue(generatorId)}`}; expected one of ${GENERATOR_IDS.map((id) => `"${id}"`).join(', ')}`,
      expected: GENERATOR_IDS.join(' | '),
      received: describeValue(generatorId),
    });
  }
  const seed = raw['seed'];
  if (typeof seed !== 'string') {
    issues.add({
      code: 'invalid_seed',
      path: at('seed'),
      message: `seed must be a string, got ${describeValue(seed)}`,
      received: describeValue(seed),
    });
  } else if (generator !== undefined) {
    const problem = generator.seedProblem(seed);
    if (problem !== undefined)
      issues.add({ code: 'invalid_seed', path: at('seed'), message: problem, received: describeValue(seed) });
  } else if (seed.length === 0) {
    issues.add({ code: 'invalid_seed', path: at('seed'), message: 'the seed must not be empty' });
  }
  const label = raw['label'] ?? '';
  if (typeof label !== 'string' || !isWellFormedString(label)) {
    issues.add({
      code: 'invalid_label',
      path: at('label'),
      message: 'label must be a well-formed string',
      received: describeValue(label),
    });
  }
  if (generator !== undefined && totalEntries > generator.maxTotalEntries) {
    issues.add(tooManyEntries(generator, totalEntries, path));
  }
  issues.throwIfAny();
  return { quota: quota as number, seed: seed as string, generator: generator!, label: label as string };
}

function tooManyEntries(generator: DrawGenerator, totalEntries: number, path: readonly (string | number)[]): Issue {
  return {
    code: 'too_many_entries',
    path: [...path, 'generator'],
    message: `the pool has ${totalEntries} entries; the ${generator.id} generator supports at most ${generator.maxTotalEntries}`,
  };
}
