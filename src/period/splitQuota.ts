import Decimal from 'decimal.js';
import { argumentError, requireInteger } from '../errors/arguments';
import { parseWith } from '../errors/fromZod';
import { YaohaoError } from '../errors/YaohaoError';
import {
  CategoryNoticeSchema,
  ROUNDINGS,
  SHARE_PATTERN,
  type AllocationRule,
  type CategoryNotice,
} from '../policy/Allocation';

// 60 significant digits: quotas are integers below 2^53 and shares have small denominators, so
// every product is computed exactly enough that rounding it to an integer is exact.
const Exact = Decimal.clone({ precision: 60 });

const ROUNDING = {
  floor: Exact.ROUND_DOWN,
  'half-up': Exact.ROUND_HALF_UP,
  'half-even': Exact.ROUND_HALF_EVEN,
} as const;

/** A share string as an exact decimal: "0.8", or a fraction "1/6" (numerator and denominator integers). */
export function parseShare(share: string): Decimal {
  const slash = share.indexOf('/');
  return slash < 0 ? new Exact(share) : new Exact(share.slice(0, slash)).div(share.slice(slash + 1));
}

/** amount × share, rounded to an integer by the rule (exact decimal arithmetic). */
export function applyShare(amount: number, share: string, rounding: AllocationRule['rounding']): number {
  requireInteger(amount, ['amount'], 0, Number.MAX_SAFE_INTEGER);
  if (typeof share !== 'string' || !SHARE_PATTERN.test(share))
    throw argumentError(['share'], 'a share such as "0.8" or "1/6"', share);
  requireRounding(rounding);
  const result = shareOf(amount, share, rounding);
  if (!Number.isSafeInteger(result))
    throw new YaohaoError([
      { code: 'invalid_value', path: ['share'], message: `${amount} × ${share} is not a safe integer amount` },
    ]);
  return result;
}

/** applyShare of checked arguments (planPeriod's policy is already checked). */
export function shareOf(amount: number, share: string, rounding: AllocationRule['rounding']): number {
  return new Exact(amount).mul(parseShare(share)).toDecimalPlaces(0, ROUNDING[rounding]).toNumber();
}

function requireRounding(rounding: unknown): void {
  if (!ROUNDINGS.includes(rounding as AllocationRule['rounding']))
    throw argumentError(['rounding'], ROUNDINGS.map((r) => `"${r}"`).join(', '), rounding);
}

/**
 * The parts of a category notice (docs/spec.md §12.1): fixed amounts first, then each share of
 * the rest rounded, then the rest part takes what remains, so the parts sum to the total exactly.
 * Returns the parts in notice order (fixed, shares, rest), or a message when they cannot fit.
 */
export function splitCategory(
  notice: CategoryNotice,
  rounding: AllocationRule['rounding'],
): { parts: Map<string, number> } | { problem: string } {
  const parsed = parseWith(CategoryNoticeSchema, notice, { path: ['notice'] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  requireRounding(rounding);
  return splitNotice(parsed.value, rounding);
}

/** splitCategory of a checked notice. */
export function splitNotice(
  notice: CategoryNotice,
  rounding: AllocationRule['rounding'],
): { parts: Map<string, number> } | { problem: string } {
  const parts = new Map<string, number>();
  let fixed = 0;
  for (const { part, amount } of notice.fixed) {
    if (parts.has(part)) return { problem: `${notice.category} names the part "${part}" twice` };
    parts.set(part, amount);
    fixed += amount;
  }
  const rest = notice.total - fixed;
  if (rest < 0)
    return { problem: `the fixed parts of ${notice.category} (${fixed}) exceed its total (${notice.total})` };
  let shared = 0;
  for (const { part, share } of notice.shares) {
    if (parts.has(part)) return { problem: `${notice.category} names the part "${part}" twice` };
    const amount = shareOf(rest, share, rounding);
    parts.set(part, amount);
    shared += amount;
  }
  if (shared > rest)
    return { problem: `the shares of ${notice.category} take ${shared}, more than the ${rest} left after fixed parts` };
  if (parts.has(notice.rest)) return { problem: `${notice.category} names the part "${notice.rest}" twice` };
  parts.set(notice.rest, rest - shared);
  return { parts };
}
