import { IssueCollector } from '../errors/IssueCollector';
import { parseWith } from '../errors/fromZod';
import { PolicySchema, type Policy } from './Policy';

/** Validates a policy given as options.policy; throws a YaohaoError naming the bad field. */
export function checkPolicy(policy: unknown, path: readonly (string | number)[] = ['options', 'policy']): Policy {
  const parsed = parseWith(PolicySchema, policy, { path });
  if (parsed.ok) return parsed.value;
  const issues = new IssueCollector();
  issues.addAll(parsed.issues.map((issue) => ({ ...issue, code: 'invalid_policy' as const })));
  issues.throwIfAny();
  throw new Error('unreachable');
}
