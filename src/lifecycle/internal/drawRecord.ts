import * as z from 'zod/mini';
import { AuditRecordSchema } from '../../audit/AuditRecord';
import type { Issue, PathSegment } from '../../errors/Issue';
import { parseWith } from '../../errors/fromZod';
import { ENTRANT_LISTS } from '../../policy/Allocation';
import { ApplicationCodeSchema } from '../../pool/recordSchemas';

/** One lottery of a draw record that the registry applies: its pool group, size and winners. */
export interface TakenLottery {
  /** 0 = ordinary (individuals and families), 1 = ordinaryUnits. */
  readonly group: number;
  /** The sub-draw label ("" for an audit record without one). */
  readonly label: string;
  /** Applications in the pool drawn from. */
  readonly size: number;
  /** New-energy families that joined this pool from the period's ranking (not registry applications). */
  readonly joined: number;
  /** Winners in draw order. */
  readonly winners: readonly { readonly code: string; readonly kind: string }[];
  /** Where the winners are in the event, for issues. */
  readonly path: readonly PathSegment[];
}

// Only what the registry reads of a period record (verifyPeriod checks the rest).
const periodRecordSchema = z.object({
  format: z.literal('yaohao-period/1'),
  plan: z.object({
    period: z.string(),
    subDraws: z.array(
      z.object({
        label: z.string(),
        method: z.enum(['lottery', 'ranking']),
        entrants: z.enum(ENTRANT_LISTS),
        pool: z.object({ size: z.int().check(z.minimum(0)) }),
        joinedFamilies: z.optional(z.int().check(z.minimum(0))),
      }),
    ),
  }),
  results: z.array(
    z.object({
      label: z.string(),
      method: z.enum(['lottery', 'ranking']),
      winners: z.array(z.object({ code: ApplicationCodeSchema, kind: z.enum(['individual', 'family', 'unit']) })),
      record: z.optional(z.unknown()),
    }),
  ),
});

/**
 * The ordinary lotteries of a draw-held event's record: an audit record is one lottery of the
 * event's `entrants` pool; a period record gives each lottery result whose sub-draw takes the
 * `ordinary` or `ordinaryUnits` list and that drew (quota > 0); new-energy rankings are not the
 * registry's (docs/spec.md §16.3).
 */
export function takenLotteries(
  record: unknown,
  entrants: 'ordinary' | 'ordinaryUnits' | undefined,
  period: string,
  path: readonly PathSegment[],
): TakenLottery[] | Issue[] {
  const at = [...path, 'record'];
  const format = (record as { format?: unknown } | null)?.format;
  if (format === 'yaohao-period/1') {
    const parsed = parseWith(periodRecordSchema, record, { path: at });
    if (!parsed.ok) return parsed.issues;
    const { plan, results } = parsed.value;
    if (plan.period !== period)
      return [
        {
          code: 'draw_mismatch',
          path: [...at, 'plan', 'period'],
          message: `the period record is for ${plan.period}, the event for ${period}`,
        },
      ];
    const taken: TakenLottery[] = [];
    results.forEach((result, k) => {
      const draw = plan.subDraws.find((d) => d.label === result.label);
      // A lottery with quota 0 drew nothing (no record): no draw was held in that pool.
      if (result.method !== 'lottery' || result.record === undefined || draw === undefined) return;
      if (draw.entrants !== 'ordinary' && draw.entrants !== 'ordinaryUnits') return;
      taken.push({
        group: draw.entrants === 'ordinary' ? 0 : 1,
        label: result.label,
        size: draw.pool.size,
        joined: draw.joinedFamilies ?? 0,
        winners: result.winners,
        path: [...at, 'results', k, 'winners'],
      });
    });
    if (taken.length === 0)
      return [{ code: 'draw_mismatch', path: at, message: 'the period record holds no ordinary lottery' }];
    return taken;
  }
  const parsed = parseWith(AuditRecordSchema, record, { path: at });
  if (!parsed.ok)
    return format === 'yaohao-record/1'
      ? parsed.issues
      : [
          {
            code: 'invalid_record',
            path: at,
            message: 'expected an audit record (yaohao-record/1) or a period record (yaohao-period/1)',
          },
        ];
  return [
    {
      group: entrants === 'ordinaryUnits' ? 1 : 0,
      label: parsed.value.label,
      size: parsed.value.pool.size,
      joined: 0,
      winners: parsed.value.winners,
      path: [...at, 'winners'],
    },
  ];
}
