import { describeValue } from '../../errors/fromZod';
import type { PathSegment } from '../../errors/Issue';
import type { IssueCollector } from '../../errors/IssueCollector';
import { parseTimestamp } from '../../time/timestamp';

/**
 * Epoch ms of a timestamp given as `{ at }` (ISO 8601 with offset, a real date and time), or NaN
 * with an issue added at `path`. Lifecycle code never reads a clock: every time comes in this way.
 */
export function requireTimestamp(value: unknown, path: readonly PathSegment[], issues: IssueCollector): number {
  const ms = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (ms !== undefined) return ms;
  issues.add({
    code: value === undefined ? 'missing_field' : 'invalid_value',
    path,
    message:
      value === undefined
        ? `missing required field "${String(path[path.length - 1])}": a time, e.g. "2024-06-26T12:00:00+08:00"`
        : `not a real ISO 8601 time with offset: ${describeValue(value)}`,
  });
  return Number.NaN;
}
