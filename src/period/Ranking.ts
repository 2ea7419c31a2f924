import { toHex } from '../encoding/hex';
import { createSha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import { argumentError, isObject, requireInteger } from '../errors/arguments';
import { APPLICANT_KINDS, KIND_LETTERS, kindId, type ApplicantKind } from '../pool/ApplicantKind';
import { isApplicationCode } from '../pool/applicationCode';
import { MAX_WEIGHT } from '../pool/recordSchemas';
import { formatTimestamp } from '../time/formatTimestamp';

/** Version tag of the canonical ranking form (docs/spec.md §12.3). */
export const RANKING_FORMAT = 'yaohao-ranking/1';

/** One entrant of a ranking sub-draw, with the keys that place it. */
export interface RankingEntrant {
  /** 13-digit application code. */
  readonly code: string;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
  /** Family points (families: ranked high first). */
  readonly points?: number | undefined;
  /** Queue time, or a family's earliest member registration time (epoch ms; earlier first). */
  readonly time?: number | undefined;
}

/** The key that placed an entrant, as published. */
export interface RankingKey {
  /** Family points. */
  readonly points?: number;
  /** Queue time / earliest registration, UTC ISO 8601 with milliseconds. */
  readonly time?: string;
}

/** A ranked winner: rank (1-based), code, kind and key. */
export interface RankedWinner {
  /** 1-based place in the ranking. */
  readonly rank: number;
  /** 13-digit application code. */
  readonly code: string;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
  /** The key that placed it (points, time). */
  readonly key: RankingKey;
}

/** The top of a ranking. */
export interface RankingTop {
  /** The first `quota` entrants, with ranks and keys. */
  winners: RankedWinner[];
  /** The tie at the quota boundary that the code decided, if any. */
  boundaryTies: BoundaryTie[];
}

/** A tie on every key but the code, straddling the quota boundary: the code decided who got a quota. */
export interface BoundaryTie {
  /** The shared key. */
  readonly key: RankingKey;
  /** Codes of the tie that are within the quota, in rank order. */
  readonly within: readonly string[];
  /** Codes of the tie that are not. */
  readonly outside: readonly string[];
}

/** What is published before allocation: binds every entrant, its keys and the order. */
export interface RankingCommitment {
  /** Always "yaohao-ranking/1". */
  readonly format: typeof RANKING_FORMAT;
  /** Number of entrants. */
  readonly size: number;
  /** Lowercase hex SHA-256 of the canonical ranking form. */
  readonly digest: string;
}

// Points high first; time early first (no time: after every time); then code, ascending. A total order.
function compare(a: RankingEntrant, b: RankingEntrant): number {
  const pa = a.points ?? 0;
  const pb = b.points ?? 0;
  if (pa !== pb) return pb - pa;
  const ta = a.time ?? Number.POSITIVE_INFINITY;
  const tb = b.time ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

// Entrants come from planPeriod (checked) or from callers: points are family points, times epoch ms.
function checkEntrant(entrant: unknown, index: number): void {
  const path = ['entrants', index];
  if (!isObject(entrant)) throw argumentError(path, 'an entrant { code, kind, points?, time? }', entrant);
  if (!isApplicationCode(entrant['code'] as string))
    throw argumentError([...path, 'code'], 'a 13-digit code', entrant['code']);
  if (!APPLICANT_KINDS.includes(entrant['kind'] as ApplicantKind))
    throw argumentError([...path, 'kind'], APPLICANT_KINDS.join(', '), entrant['kind']);
  if (entrant['points'] !== undefined) requireInteger(entrant['points'], [...path, 'points'], 0, MAX_WEIGHT);
  if (entrant['time'] !== undefined) requireInteger(entrant['time'], [...path, 'time'], -MAX_TIME, MAX_TIME);
}

// ECMAScript's time range: ±8.64e15 ms around the epoch, what formatTimestamp can write.
const MAX_TIME = 8.64e15;

const sameKey = (a: RankingEntrant, b: RankingEntrant): boolean => a.points === b.points && a.time === b.time;

function keyOf(entrant: RankingEntrant): RankingKey {
  return {
    ...(entrant.points === undefined ? {} : { points: entrant.points }),
    ...(entrant.time === undefined ? {} : { time: formatTimestamp(entrant.time) }),
  };
}

/**
 * A deterministic ranking (轮候 / 积分排序): entrants in rank order by points (high first), then
 * time (early first), then code. No randomness: the same entrants in any input order give the
 * same ranking and the same commitment.
 */
export class Ranking {
  /** Entrants in rank order. */
  readonly entrants: readonly RankingEntrant[];

  constructor(entrants: readonly RankingEntrant[]) {
    const given: unknown = entrants;
    if (!Array.isArray(given)) throw argumentError(['entrants'], 'an array of entrants', given);
    given.forEach(checkEntrant);
    this.entrants = [...entrants].sort(compare);
  }

  /** Number of entrants. */
  get size(): number {
    return this.entrants.length;
  }

  /**
   * The canonical ranking form and its digest:
   * "yaohao-ranking/1\n" then "<code> <kind letter> <points or -> <time in epoch ms or ->\n" per entrant in rank order.
   */
  commit(): RankingCommitment {
    const hasher = createSha256();
    hasher.update(utf8(`${RANKING_FORMAT}\n`));
    let chunk = '';
    for (const e of this.entrants) {
      chunk += `${e.code} ${KIND_LETTERS[kindId(e.kind)]!} ${e.points ?? '-'} ${e.time ?? '-'}\n`;
      if (chunk.length > 1 << 16) {
        hasher.update(utf8(chunk));
        chunk = '';
      }
    }
    hasher.update(utf8(chunk));
    return { format: RANKING_FORMAT, size: this.size, digest: toHex(hasher.digest()) };
  }

  /** The first `quota` entrants, and the tie at the boundary if the code had to decide it. */
  top(quota: number): RankingTop {
    requireInteger(quota, ['quota'], 0, Number.MAX_SAFE_INTEGER);
    const count = Math.min(quota, this.size);
    const winners = this.entrants
      .slice(0, count)
      .map((e, i) => ({ rank: i + 1, code: e.code, kind: e.kind, key: keyOf(e) }));
    const boundaryTies: BoundaryTie[] = [];
    if (count > 0 && count < this.size && sameKey(this.entrants[count - 1]!, this.entrants[count]!)) {
      const pivot = this.entrants[count]!;
      let first = count - 1;
      while (first > 0 && sameKey(this.entrants[first - 1]!, pivot)) first--;
      let last = count;
      while (last + 1 < this.size && sameKey(this.entrants[last + 1]!, pivot)) last++;
      boundaryTies.push({
        key: keyOf(pivot),
        within: this.entrants.slice(first, count).map((e) => e.code),
        outside: this.entrants.slice(count, last + 1).map((e) => e.code),
      });
    }
    return { winners, boundaryTies };
  }
}
