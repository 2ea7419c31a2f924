import { describeValue } from './fromZod';
import { formatPath, type PathSegment } from './Issue';
import { YaohaoError } from './YaohaoError';

/**
 * Checks of the arguments of public entry points. Every entry point may be called from plain
 * JavaScript with anything; these turn a wrong argument into a YaohaoError naming it, so that
 * nothing but YaohaoError ever leaves the library (docs/spec.md §1.5).
 */

/** The error for an argument of the wrong type or shape. */
export function argumentError(path: readonly PathSegment[], expected: string, value: unknown): YaohaoError {
  const received = describeValue(value);
  return new YaohaoError([
    {
      code: 'invalid_type',
      path,
      message: `${formatPath(path)}: expected ${expected}, received ${received}`,
      expected,
      received,
    },
  ]);
}

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object, or a YaohaoError naming `path`. */
export function requireObject(
  value: unknown,
  path: readonly PathSegment[],
  what = 'an object',
): Record<string, unknown> {
  if (!isObject(value)) throw argumentError(path, what, value);
  return value;
}

/** An optional options object: undefined is `{}`. */
export function optionsObject(value: unknown, path: readonly PathSegment[]): Record<string, unknown> {
  return value === undefined ? {} : requireObject(value, path, 'an options object');
}

/** `value` as an integer in [min, max], or a YaohaoError naming `path`. */
export function requireInteger(value: unknown, path: readonly PathSegment[], min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw new YaohaoError([
      {
        code: typeof value === 'number' ? 'invalid_value' : 'invalid_type',
        path,
        message: `${formatPath(path)}: expected an integer from ${min} to ${max}, received ${describeValue(value)}`,
        expected: `an integer from ${min} to ${max}`,
        received: describeValue(value),
      },
    ]);
  return value;
}

/** `value` as a string, or a YaohaoError naming `path`. */
export function requireString(value: unknown, path: readonly PathSegment[]): string {
  if (typeof value !== 'string') throw argumentError(path, 'a string', value);
  return value;
}
