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

// Integer arithmetic only: amount × numerator is an integer of at most 16 + 32 digits, well within
// 60 significant digits, and integer division and remainder are exact; so the rounding is of the
// exact rational product, never of an approximation (1/6 is not 0.1666…7).
const Exact = Decimal.clone({ precision: 60 });

/** The parts of a category notice by name, or why they cannot be made. */
export type SplitResult =
  | {
      /** Each part's annual quota, in notice order (fixed, shares, rest). */
      parts: Map<string, number>;
    }
  | {
      /** Why the notice does not split (a part named twice, shares beyond the total). */
      problem: string;
    };

/** A share string as an exact fraction: "0.8" is 8/10, "1/6" is 1/6. */
export function parseShare(share: string): { numerator: Decimal; denominator: Decimal } {
  const slash = share.indexOf('/');
  if (slash >= 0)
    return { numerator: new Exact(share.slice(0, slash)), denominator: new Exact(share.slice(slash + 1)) };
  const point = share.indexOf('.');
  const decimals = point < 0 ? 0 : share.length - point - 1;
  return { numerator: new Exact(share.replace('.', '')), denominator: new Exact(10).pow(decimals) };
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
  const { numerator, denominator } = parseShare(share);
  const product = new Exact(amount).mul(numerator);
  const quotient = product.divToInt(denominator);
  const twice = product.mod(denominator).mul(2);
  // floor, or up when the remainder is more than half (or exactly half: half-up always, half-even to even).
  const up =
    rounding !== 'floor' &&
    (twice.gt(denominator) || (twice.eq(denominator) && (rounding === 'half-up' || quotient.mod(2).eq(1))));
  return quotient.plus(up ? 1 : 0).toNumber();
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
export function splitCategory(notice: CategoryNotice, rounding: AllocationRule['rounding']): SplitResult {
  const parsed = parseWith(CategoryNoticeSchema, notice, { path: ['notice'] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  requireRounding(rounding);
  return splitNotice(parsed.value, rounding);
}

/** splitCategory of a checked notice. */
export function splitNotice(notice: CategoryNotice, rounding: AllocationRule['rounding']): SplitResult {
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
