import type { PathSegment } from '../../errors/Issue';
import { describeValue } from '../../errors/fromZod';
import { YaohaoError } from '../../errors/YaohaoError';

/** The quota as a positive safe integer, or a YaohaoError (`invalid_quota`) at `path`. */
export function checkQuota(quota: unknown, path: readonly PathSegment[]): number {
  if (typeof quota === 'number' && Number.isSafeInteger(quota) && quota >= 1) return quota;
  throw new YaohaoError([
    {
      code: 'invalid_quota',
      path,
      message: `quota must be a positive integer, got ${describeValue(quota)}`,
      received: describeValue(quota),
    },
  ]);
}
