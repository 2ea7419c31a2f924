import { sealRecord, type AuditRecord, type Winner } from '../audit/AuditRecord';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { commitPool } from '../pool/commitPool';
import type { Pool } from '../pool/Pool';
import type { DrawOptions } from './checkDrawOptions';
import { drawOutcome } from './internal/drawOutcome';
import { ENGINE } from '../version';

/** Options of drawLottery. */
export type DrawLotteryOptions = DrawOptions;

/** Winners in draw order, and the audit record that lets anyone replay them. */
export interface LotteryResult {
  /** Winners in draw order. */
  readonly winners: readonly Winner[];
  /** The audit record (plain JSON). */
  readonly record: AuditRecord;
}

/**
 * Draws `quota` winners from the pool with a seeded generator (docs/spec.md §5). Deterministic:
 * the same pool, seed, generator, label and quota give a byte-identical record. Options are
 * checked before anything is drawn.
 */
export function drawLottery(pool: Pool, options: DrawLotteryOptions): LotteryResult {
  const { checked, picks, allocation, indexes, winner } = drawOutcome(pool, options);
  const winners: Winner[] = Array.from({ length: indexes.length }, (_, k) => winner(k));
  const commitment = commitPool(pool);
  const record = sealRecord({
    format: 'yaohao-record/1',
    engine: ENGINE,
    policy: pool.policyId,
    generator: checked.generator.id,
    seed: checked.seed,
    label: checked.label,
    quota: checked.quota,
    pool: {
      format: commitment.format,
      size: commitment.size,
      totalEntries: commitment.totalEntries,
      digest: commitment.digest,
    },
    allocation,
    picks,
    winners,
  });
  return { winners, record };
}

/** drawLottery that returns `{ success, value | issues }` instead of throwing. */
export function safeDrawLottery(pool: Pool, options: DrawLotteryOptions): SafeResult<LotteryResult> {
  return safely(() => drawLottery(pool, options));
}
