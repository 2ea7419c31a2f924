// An independent implementation of docs/spec.md §11–§12 (family points, rankings, quota splits, the
// period plan and the period record), written from the spec alone: it shares no code with src/, uses
// BigInt for every split and the platform's Date for calendars, and the naive draw of
// independent.ts. Tests compare it with the library, and it computes the digests the period vectors pin.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   policies, inputs and results are untyped JSON here, as in an implementation in another language */
import { createHash } from 'node:crypto';
import { specDigest, specDraw, type SpecRecord } from './independent';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** §0: RFC 8785 for JSON data with safe integers: keys by UTF-16 code units, no whitespace. */
export function specCanonical(value: Json | undefined): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => specCanonical(v)).join(',')}]`;
  if (value === undefined) throw new Error('undefined');
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${specCanonical(value[k])}`).join(',')}}`;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// ---- time (§11.2, §11.3) -----------------------------------------------------------------------

const utcDay = (year: number, month: number, day: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
};

/** An ISO 8601 timestamp with offset → epoch ms. */
export function specTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (m === null) throw new Error(`not a timestamp: ${text}`);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return (
    utcDay(Number(m[1]), Number(m[2]), Number(m[3])) +
    ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6])) * 1000 +
    ms -
    offset * 60_000
  );
}

const offsetMinutes = (text: string): number =>
  text === 'Z' ? 0 : (text[0] === '-' ? -1 : 1) * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));

/** Epoch ms → `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function specFormatTime(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- family points (§11.1, §11.3, §11.4) -------------------------------------------------------

type Policy = any;
type Member = any;

function steps2021(rule: Policy, d: number, m: number): number {
  if (d === 0 && m === 0) return 0;
  const a = rule.drawsAtFirstStep;
  const p = rule.drawsPerStep;
  const s2020 = d === 0 ? 0 : d <= a ? 1 : 1 + Math.floor((d - a + p - 1) / p);
  const b = rule.drawsPerStepAfter2020;
  const after = rule.after2020Rounding === 'floor' ? Math.floor(m / b) : Math.floor((m + b - 1) / b);
  return Math.max(1, s2020 + after);
}

function personSteps(person: Member, policy: Policy, enteringNow: boolean): number {
  if (person.steps !== undefined) return person.steps as number;
  const m = (person.drawsSince2021 ?? 0) + (enteringNow ? 1 : 0);
  return steps2021(policy.weights, person.drawsTo2020 ?? 0, m) + (person.c5 === true ? policy.c5ExtraSteps : 0);
}

function queueYears(person: Member, policy: Policy): number {
  if (person.queueYears !== undefined) return person.queueYears as number;
  if (person.queueSince === undefined) return 0;
  const family = policy.family;
  const offset = offsetMinutes(family.utcOffset);
  const end =
    family.queueYears.countTo === 'deadline'
      ? specTime(family.queueYears.deadline)
      : utcDay(policy.year, 1, 1) - offset * 60_000;
  const start = specTime(person.queueSince);
  if (end <= start) return 0;
  const local = (t: number): number[] => {
    const d = new Date(t + offset * 60_000);
    return [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      t + offset * 60_000 - utcDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
    ];
  };
  const [ay, am, ad, at] = local(start) as [number, number, number, number];
  const [by, bm, bd, bt] = local(end) as [number, number, number, number];
  const reached = bm > am || (bm === am && (bd > ad || (bd === ad && bt >= at)));
  const years = by - ay - (reached ? 0 : 1);
  const exact = bm === am && bd === ad && bt === at;
  return family.queueYears.partYear === 'round-up' && !exact ? years + 1 : years;
}

const LEVEL: Record<string, number> = { main: 0, spouse: 0, parent: 1, 'spouse-parent': 1, child: -1 };

/** §11.4: a family's total. */
export function specFamilyPoints(family: any, policy: Policy): number {
  const rule = policy.family;
  const members = family.members as Member[];
  const hasSpouse = members.some((m) => m.role === 'spouse');
  let inner = 0;
  for (const m of members) {
    const p =
      (m.role === 'main' ? rule.basePoints.main : rule.basePoints.other) +
      personSteps(m, policy, false) * rule.pointsPerStep +
      queueYears(m, policy) * rule.pointsPerQueueYear +
      (family.familyYears ?? 0) * rule.pointsPerFamilyYear;
    inner += hasSpouse && (m.role === 'main' || m.role === 'spouse') ? p * rule.spouseMultiplier : p;
  }
  const generations = new Set(members.map((m) => LEVEL[m.role as string])).size;
  return inner * rule.generationMultipliers[generations - 1];
}

// ---- pools (§2, §11.2) -------------------------------------------------------------------------

const LETTER: Record<string, 'I' | 'F' | 'U'> = { individual: 'I', family: 'F', unit: 'U' };

/** The pool of the `ordinary` list under a policy (§1.3, §11.2): code, weight and kind letter. */
function ordinaryPool(records: any[], policy: Policy): SpecRecord[] {
  return records.map((r) => {
    if (policy.weights.rule === 'beijing2021')
      return r.kind === 'family'
        ? { code: r.code, weight: specFamilyPoints(r, policy), kind: 'F' }
        : { code: r.code, weight: personSteps(r, policy, true), kind: 'I' };
    if (policy.weights.rule === 'explicit')
      return { code: r.code, weight: r.weight, kind: LETTER[r.kind ?? 'individual']! };
    const n = (r.draws ?? 0) + 1;
    const w = policy.weights;
    const steps =
      w.rule === 'flat' || n <= w.drawsAtFirstStep ? 1 : 1 + Math.ceil((n - w.drawsAtFirstStep) / w.drawsPerStep);
    return { code: r.code, weight: steps + (r.c5 === true ? policy.c5ExtraSteps : 0), kind: 'I' };
  });
}

const poolCommitment = (records: SpecRecord[]): Json => ({
  digest: specDigest(records),
  format: 'yaohao-pool/1',
  size: records.length,
  totalEntries: records.reduce((t, r) => t + r.weight, 0),
});

// ---- rankings (§12.3) --------------------------------------------------------------------------

interface Entrant {
  code: string;
  kind: 'individual' | 'family' | 'unit';
  points?: number;
  time?: number;
}

function rank(entrants: Entrant[]): Entrant[] {
  return [...entrants].sort((a, b) => {
    if ((a.points ?? 0) !== (b.points ?? 0)) return (b.points ?? 0) - (a.points ?? 0);
    const ta = a.time ?? Infinity;
    const tb = b.time ?? Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

const rankingCommitment = (ranked: Entrant[]): Json => ({
  digest: sha256Hex(
    `yaohao-ranking/1\n${ranked.map((e) => `${e.code} ${LETTER[e.kind]} ${e.points ?? '-'} ${e.time ?? '-'}\n`).join('')}`,
  ),
  format: 'yaohao-ranking/1',
  size: ranked.length,
});

const keyOf = (e: Entrant): Json => ({
  ...(e.points === undefined ? {} : { points: e.points }),
  ...(e.time === undefined ? {} : { time: specFormatTime(e.time) }),
});

function top(ranked: Entrant[], quota: number): { winners: Json[]; boundaryTies: Json[] } {
  const count = Math.min(quota, ranked.length);
  const winners = ranked.slice(0, count).map((e, i) => ({ rank: i + 1, code: e.code, kind: e.kind, key: keyOf(e) }));
  const same = (a: Entrant, b: Entrant): boolean => a.points === b.points && a.time === b.time;
  const boundaryTies: Json[] = [];
  if (count > 0 && count < ranked.length && same(ranked[count - 1]!, ranked[count]!)) {
    const pivot = ranked[count]!;
    boundaryTies.push({
      key: keyOf(pivot),
      within: ranked
        .slice(0, count)
        .filter((e) => same(e, pivot))
        .map((e) => e.code),
      outside: ranked
        .slice(count)
        .filter((e) => same(e, pivot))
        .map((e) => e.code),
    });
  }
  return { winners, boundaryTies };
}

// ---- splits (§12.1), with BigInt ----------------------------------------------------------------

function fraction(share: string): [bigint, bigint] {
  if (share.includes('/')) {
    const [a, b] = share.split('/') as [string, string];
    return [BigInt(a), BigInt(b)];
  }
  const [whole, decimals = ''] = share.split('.') as [string, string?];
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

function round(amount: number, share: string, rounding: string): number {
  const [p, q] = fraction(share);
  const m = BigInt(amount) * p;
  const quotient = m / q;
  const twice = 2n * (m % q);
  const up =
    rounding === 'half-up'
      ? twice >= q
      : rounding === 'half-even'
        ? twice > q || (twice === q && quotient % 2n === 1n)
        : false;
  return Number(quotient + (up ? 1n : 0n));
}

function annualParts(notice: any, rounding: string): Map<string, number> {
  const parts = new Map<string, number>();
  let rest = notice.total as number;
  for (const f of notice.fixed) {
    parts.set(f.part, f.amount);
    rest -= f.amount;
  }
  let shared = 0;
  for (const s of notice.shares) {
    const amount = round(rest, s.share, rounding);
    parts.set(s.part, amount);
    shared += amount;
  }
  parts.set(notice.rest, rest - shared);
  return parts;
}

// ---- the plan (§12.4) and the record (§12.5) -----------------------------------------------------

/** Options of a period, as planPeriod and runPeriod take them. */
export interface SpecPeriodOptions {
  period: string;
  generator?: 'default' | 'legacy';
  quotas?: Record<string, number>;
  seed?: string;
  seeds?: Record<string, string>;
  engine: string;
}

/** A sealed JSON object of the spec: a plan or a record, with its digest. */
export type Sealed = Record<string, unknown> & { readonly digest: string };

/** The plan and the period record of §12.4–12.5, from the input, the policy object and the options. */
export function specPeriod(
  input: Record<string, any[]>,
  policy: Policy,
  options: SpecPeriodOptions,
): { plan: Sealed; record: Sealed } {
  const [yearText, id] = options.period.split('-') as [string, string];
  const allocation = policy.allocation;
  const periodIndex = (allocation.periods as any[]).findIndex((p) => p.id === id);
  const rule = allocation.periods[periodIndex];
  const generator = options.generator ?? 'default';
  void yearText;

  const baseQuota = (draw: any): number => {
    const given = options.quotas?.[draw.label];
    if (given !== undefined) return given;
    const notice = (allocation.notices as any[]).find((n) => n.category === draw.category);
    const annual = annualParts(notice, allocation.rounding).get(draw.part)!;
    const earlier = (allocation.periods as any[])
      .slice(0, periodIndex)
      .flatMap((p) => p.subDraws as any[])
      .filter((d) => d.category === draw.category && d.part === draw.part);
    const before =
      earlier.length === 0 ? 0 : round(annual, earlier[earlier.length - 1].throughShare, allocation.rounding);
    return round(annual, draw.throughShare, allocation.rounding) - before;
  };

  // Entrants of every sub-draw but the ordinary lottery, which may still receive families.
  const rankings = new Map<string, Entrant[]>();
  const flatPools = new Map<string, { records: SpecRecord[]; policyId: string }>();
  let familyLabel: string | undefined;
  const familiesByCode = new Map<string, any>();
  for (const draw of rule.subDraws as any[]) {
    const records = input[draw.entrants] ?? [];
    if (draw.method === 'ranking') {
      if (draw.entrants === 'nevFamilies') {
        familyLabel = draw.label;
        const entrants: Entrant[] = records.map((r) => {
          familiesByCode.set(r.code, r);
          const times = (r.members as Member[])
            .filter((m) => m.registeredAt !== undefined)
            .map((m) => specTime(m.registeredAt));
          return {
            code: r.code,
            kind: 'family',
            points: specFamilyPoints(r, policy),
            ...(times.length > 0 ? { time: Math.min(...times) } : {}),
          };
        });
        rankings.set(draw.label, rank(entrants));
      } else {
        const kind = draw.entrants === 'nevIndividuals' ? 'individual' : 'unit';
        rankings.set(draw.label, rank(records.map((r) => ({ code: r.code, kind, time: specTime(r.queueSince) }))));
      }
    } else if (draw.entrants !== 'ordinary') {
      const kind = draw.entrants === 'ordinaryUnits' ? 'U' : 'I';
      flatPools.set(draw.label, {
        records: records.map((r) => ({ code: r.code, weight: 1, kind })),
        policyId: `${policy.id}:${draw.entrants}`,
      });
    }
  }

  const pools = new Map<string, { records: SpecRecord[]; policyId: string }>(flatPools);
  const inflow = new Map<string, number>();
  const subDraws: any[] = [];
  let unallocated = 0;
  let total = 0;
  for (const draw of rule.subDraws as any[]) {
    const base = baseQuota(draw);
    total += base;
    const quota = base + (inflow.get(draw.label) ?? 0);
    let joined: number | undefined;
    if (draw.method === 'lottery' && draw.entrants === 'ordinary') {
      const served = subDraws.find((d) => d.label === familyLabel)?.allocated ?? 0;
      const joining = (familyLabel === undefined ? [] : rankings.get(familyLabel)!.slice(served))
        .map((e) => familiesByCode.get(e.code))
        .filter((f) => f.alsoOrdinary === true)
        .map(({ alsoOrdinary: _dropped, ...family }) => family);
      joined = joining.length;
      pools.set(draw.label, {
        records: ordinaryPool([...(input['ordinary'] ?? []), ...joining], policy),
        policyId: policy.id,
      });
    }
    const ranked = rankings.get(draw.label);
    const size = ranked === undefined ? pools.get(draw.label)!.records.length : ranked.length;
    const allocated = Math.min(quota, size);
    const leftover = quota - allocated;
    if (leftover > 0 && draw.leftoverTo !== undefined)
      inflow.set(draw.leftoverTo, (inflow.get(draw.leftoverTo) ?? 0) + leftover);
    else unallocated += leftover;
    subDraws.push({
      label: draw.label,
      method: draw.method,
      category: draw.category,
      part: draw.part,
      entrants: draw.entrants,
      baseQuota: base,
      inflow: inflow.get(draw.label) ?? 0,
      quota,
      allocated,
      leftover,
      ...(draw.leftoverTo === undefined ? {} : { leftoverTo: draw.leftoverTo }),
      ...(joined === undefined ? {} : { joinedFamilies: joined }),
      pool: ranked === undefined ? poolCommitment(pools.get(draw.label)!.records) : rankingCommitment(ranked),
    });
  }
  const unsealed = {
    format: 'yaohao-plan/1',
    engine: options.engine,
    policy: policy.id,
    period: options.period,
    generator,
    total,
    unallocated,
    subDraws,
  };
  const plan = { ...unsealed, digest: sha256Hex(specCanonical(unsealed)) };

  const results = subDraws.map((draw) => {
    if (draw.method === 'ranking')
      return { label: draw.label, method: 'ranking', quota: draw.quota, ...top(rankings.get(draw.label)!, draw.quota) };
    if (draw.quota === 0) return { label: draw.label, method: 'lottery', quota: 0, winners: [] };
    const { records, policyId } = pools.get(draw.label)!;
    const seed = generator === 'legacy' ? options.seeds![draw.label]! : options.seed!;
    const label = draw.label as string;
    const drawn = specDraw(records, draw.quota, generator, seed, label);
    if (drawn === 'exhausted' || drawn === 'too-costly') throw new Error(`${label}: ${drawn}`);
    const kindOf = new Map(records.map((r) => [r.code, r.kind]));
    const kindWord = { I: 'individual', F: 'family', U: 'unit' } as const;
    const winners = drawn.winners.map((w) => ({ code: w.code, entry: w.entry, kind: kindWord[kindOf.get(w.code)!] }));
    const unsealedRecord = {
      allocation: draw.quota >= records.length ? 'all' : 'drawn',
      engine: options.engine,
      format: 'yaohao-record/1',
      generator,
      label,
      picks: drawn.picks,
      policy: policyId,
      pool: poolCommitment(records),
      quota: draw.quota,
      seed,
      winners,
    };
    const record = { ...unsealedRecord, digest: sha256Hex(specCanonical(unsealedRecord)) };
    return { label, method: 'lottery', quota: draw.quota, winners, record };
  });
  const unsealedPeriod = {
    format: 'yaohao-period/1',
    engine: options.engine,
    plan,
    ...(generator === 'default' && options.seed !== undefined ? { seed: options.seed } : {}),
    results,
  };
  return { plan, record: { ...unsealedPeriod, digest: sha256Hex(specCanonical(unsealedPeriod)) } };
}
