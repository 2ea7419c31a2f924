import type { Issue } from '../../errors/Issue';
import { YaohaoError } from '../../errors/YaohaoError';

/**
 * The options object of a reader, checked at the edge (a safe… twin must answer with issues, not
 * crash, whatever it is given): an object; `onProgress` a function when present; `policy` present
 * when the reader needs one (its content is checked by the pool builder).
 */
export function checkReaderOptions<T>(options: unknown, needsPolicy: boolean): T {
  const issues: Issue[] = [];
  if (options !== undefined && (typeof options !== 'object' || options === null))
    issues.push({ code: 'invalid_type', path: ['options'], message: 'options must be an object' });
  else {
    const bag = (options ?? {}) as Record<string, unknown>;
    if (needsPolicy && (typeof bag['policy'] !== 'object' || bag['policy'] === null))
      issues.push({ code: 'missing_field', path: ['options', 'policy'], message: 'a policy is required' });
    if (bag['onProgress'] !== undefined && typeof bag['onProgress'] !== 'function')
      issues.push({ code: 'invalid_type', path: ['options', 'onProgress'], message: 'onProgress must be a function' });
  }
  if (issues.length > 0) throw new YaohaoError(issues);
  return (options ?? {}) as T;
}
