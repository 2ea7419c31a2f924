import { formatTimestamp } from '../time/formatTimestamp';
import { CERTIFIED, EXPIRED, FORFEITED, GROUPS, STATUSES, WON } from './internal/Application';
import { periodName } from './internal/periods';
import { registryState, type Registry } from './Registry';
import type { ApplicationStatus } from './registryJson';

/** What became of one held draw's winners. */
export interface DrawSummary {
  /** The pool drawn from. */
  readonly pool: 'ordinary' | 'ordinaryUnits';
  /** The period. */
  readonly period: string;
  /** When it was held. */
  readonly at: string;
  /** Applications in the pool drawn from. */
  readonly size: number;
  /** Winners. */
  readonly winners: number;
  /** Winners that have not confirmed yet, within the window. */
  readonly awaitingConfirmation: number;
  /** Confirmed, certificate not used yet. */
  readonly confirmed: number;
  /** Certificates used to register a car. */
  readonly used: number;
  /** Quotas not confirmed in time: returned for later allocation. */
  readonly forfeited: number;
  /** Certificates not used in time. */
  readonly expired: number;
  /** Winners that are not registry applications (new-energy families that joined the pool). */
  readonly outside: number;
}

/** Counts of a registry: applications by status (they add up to its size), and each draw's winners. */
export interface RegistrySummary {
  /** The registry's policy id. */
  readonly policy: string;
  /** Applications, every status. */
  readonly applications: number;
  /** Every status, with how many applications are in it. */
  readonly byStatus: Readonly<Record<ApplicationStatus, number>>;
  /** Every held draw, the ordinary pool's first. */
  readonly draws: readonly DrawSummary[];
}

/**
 * The registry in numbers (docs/spec.md §16.3): every application is in exactly one status, so
 * `byStatus` adds up to `applications`; for each held draw, what became of its winners — the
 * forfeited ones are the quotas returned for later allocation.
 */
export function registrySummary(registry: Registry): RegistrySummary {
  const state = registryState(registry);
  const counts = STATUSES.map(() => 0);
  const perDraw = state.held.map((draws) => draws.map(() => [0, 0, 0, 0, 0]));
  state.store.scan({
    rows(columns, from, to) {
      for (let i = from; i < to; i++) {
        const status = columns.statuses[i]!;
        counts[status]!++;
        if (CERTIFIED.includes(status)) tally(columns.extras[i]!.certificate!, columns.kinds[i]!, status);
      }
    },
    app(app) {
      counts[app.status]!++;
      if (CERTIFIED.includes(app.status)) tally(app.extra!.certificate!, app.kind, app.status);
    },
  });
  function tally(cert: { draw: number; confirmedAt?: number; usedAt?: number }, kind: number, status: number): void {
    const slot =
      status === FORFEITED
        ? 3
        : status === EXPIRED
          ? 4
          : status === WON && cert.usedAt !== undefined
            ? 2
            : cert.confirmedAt !== undefined
              ? 1
              : 0;
    perDraw[kind === 2 ? 1 : 0]![cert.draw]![slot]!++;
  }
  const { rule, offset } = state.context;
  return {
    policy: state.context.policy.id,
    applications: state.store.size,
    byStatus: Object.fromEntries(STATUSES.map((s, k) => [s, counts[k]!])) as Record<ApplicationStatus, number>,
    draws: state.held.flatMap((draws, g) =>
      draws.map((draw, k) => {
        const [awaiting, confirmed, used, forfeited, expired] = perDraw[g]![k]! as [
          number,
          number,
          number,
          number,
          number,
        ];
        return {
          pool: GROUPS[g]!,
          period: periodName(draw.period, rule),
          at: formatTimestamp(draw.at, offset),
          size: draw.size,
          winners: draw.winners.length,
          awaitingConfirmation: awaiting,
          confirmed,
          used,
          forfeited,
          expired,
          outside: draw.winners.length - (awaiting + confirmed + used + forfeited + expired),
        };
      }),
    ),
  };
}
