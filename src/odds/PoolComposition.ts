import * as z from 'zod/mini';
import { IssueCollector } from '../errors/IssueCollector';
import type { PathSegment } from '../errors/Issue';
import { described } from '../errors/described';
import { parseWith } from '../errors/fromZod';
import { argumentError, isObject } from '../errors/arguments';
import { poolColumns, requirePool, type Pool } from '../pool/Pool';
import { MAX_WEIGHT } from '../pool/recordSchemas';

/** `count` applications of `weight` entries each. */
export interface WeightClass {
  /** Entries per application (a step count, a family's points, 1 for a unit). */
  readonly weight: number;
  /** Applications with this weight. */
  readonly count: number;
}

/** A pool as the odds see it: how many applications carry each weight. */
export interface PoolComposition {
  /** One entry per distinct weight, ascending. */
  readonly classes: readonly WeightClass[];
}

/** The zod schema of PoolComposition (classes in any order; each weight once). */
export const PoolCompositionSchema: z.ZodMiniType<PoolComposition> = z
  .readonly(
    z.strictObject({
      classes: z
        .readonly(
          z.array(
            z.readonly(
              z.strictObject({
                weight: z.int().check(z.minimum(1), z.maximum(MAX_WEIGHT)).apply(described, 'Entries per application.'),
                count: z.int().check(z.minimum(0)).apply(described, 'Applications with this weight.'),
              }),
            ),
          ),
        )
        .apply(described, 'How many applications carry each weight.'),
    }),
  )
  .apply(described, 'A pool by weight class.');

/** The weight classes of a pool: every distinct weight with its number of applications, ascending. */
export function poolComposition(pool: Pool): PoolComposition {
  const weights = poolColumns(requirePool(pool, ['pool'])).weights;
  let max = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > max) max = weights[i]!;
  // Steps and family points are small: count in a table; huge explicit weights in a map.
  if (max <= 1 << 20) {
    const table = new Float64Array(max + 1);
    for (let i = 0; i < weights.length; i++) table[weights[i]!]!++;
    const classes: WeightClass[] = [];
    for (let weight = 1; weight <= max; weight++)
      if (table[weight]! > 0) classes.push({ weight, count: table[weight]! });
    return { classes };
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return { classes: [...counts].map(([weight, count]) => ({ weight, count })).sort((a, b) => a.weight - b.weight) };
}

/**
 * Validates a composition: weights 1..2^32 − 1 given once each, counts ≥ 0, at most 2^53 − 1
 * entries in all. Returns it with classes ascending and empty classes dropped.
 */
export function checkComposition(value: unknown, path: readonly PathSegment[]): PoolComposition {
  const issues = new IssueCollector();
  const parsed = parseWith(PoolCompositionSchema, value, { path });
  if (!parsed.ok) {
    issues.addAll(parsed.issues);
    issues.throwIfAny();
  }
  const classes = (parsed as { value: PoolComposition }).value.classes;
  const seen = new Map<number, number>();
  let entries = 0;
  classes.forEach((c, index) => {
    const first = seen.get(c.weight);
    if (first !== undefined)
      issues.add({
        code: 'invalid_value',
        path: [...path, 'classes', index, 'weight'],
        message: `weight ${c.weight} is given twice (first at classes[${first}]): give each weight once with its total count`,
      });
    else seen.set(c.weight, index);
    entries += c.weight * c.count;
  });
  if (!Number.isSafeInteger(entries))
    issues.add({
      code: 'too_many_entries',
      path: [...path, 'classes'],
      message: 'the classes hold more than 2^53 − 1 entries in all',
    });
  issues.throwIfAny();
  return { classes: classes.filter((c) => c.count > 0).sort((a, b) => a.weight - b.weight) };
}

/** The composition of a pool, or a given composition checked (`{ classes }` tells them apart across bundle copies). */
export function compositionOf(pool: Pool | PoolComposition, path: readonly PathSegment[] = ['pool']): PoolComposition {
  if (!isObject(pool)) throw argumentError(path, 'a Pool or a pool composition { classes }', pool);
  return 'classes' in pool ? checkComposition(pool, path) : poolComposition(requirePool(pool, path));
}
