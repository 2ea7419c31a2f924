import * as z from 'zod/mini';
import { isWellFormedString } from '../encoding/utf8';
import { FamilyMemberSchema, type FamilyMember } from '../family/familyRecords';
import { parseWith } from '../errors/fromZod';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import type { Policy } from '../policy/Policy';
import { APPLICANT_KINDS, kindId, type ApplicantKind } from '../pool/ApplicantKind';
import { numberToCode, parseApplicationCode } from '../pool/applicationCode';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { formatTimestamp } from '../time/formatTimestamp';
import { parseTimestamp } from '../time/timestamp';
import { TimestampSchema } from '../time/TimestampSchema';
import { certificateNumber } from './certificateNumber';
import {
  CERTIFIED,
  GROUPS,
  STATUSES,
  groupOf,
  type App,
  type AppExtra,
  type ApplicationStatus,
} from './internal/Application';
import { AppColumns } from './internal/AppColumns';
import { ApplicationStore } from './internal/ApplicationStore';
import { parsePeriod, periodName } from './internal/periods';
import { certificateTimes, countInPool, type HeldDraw, type RegistryState } from './internal/RegistryState';
import { createRegistry, Registry, registryState } from './Registry';
import type { RejectionReason } from './RegistryEvent';

/** Version tag of the registry's JSON form (docs/spec.md §16.6). */
export const REGISTRY_FORMAT = 'yaohao-registry/1';

/** An application's status, as the registry keeps it and the official site shows it. */
export type { ApplicationStatus } from './internal/Application';

/** Every status an application can have, in the order the registry's JSON and summary list them. */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = STATUSES;

/** A held draw in the registry's JSON form. */
export interface RegistryDrawJson {
  /** The pool drawn from. */
  readonly pool: 'ordinary' | 'ordinaryUnits';
  /** The period, "2024-h1". */
  readonly period: string;
  /** When the draw-held event happened. */
  readonly at: string;
  /** The sub-draw label of the record. */
  readonly label: string;
  /** Applications in the pool drawn from. */
  readonly size: number;
  /** Winners in draw order (rank = position + 1). */
  readonly winners: readonly string[];
}

/** A quota certificate in the registry's JSON form. */
export interface CertificateJson {
  /** The period of the draw won. */
  readonly period: string;
  /** Position in the draw's winners, 1-based. */
  readonly rank: number;
  /** The certificate number (docs/spec.md §16.5), derived from period, pool and rank. */
  readonly number: string;
  /** When the quota was confirmed. */
  readonly confirmedAt?: string;
  /** When a car was registered with it. */
  readonly usedAt?: string;
}

/** An application in the registry's JSON form. */
export interface ApplicationJson {
  /** 13-digit application code. */
  readonly code: string;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
  /** The caller's id of the applicant. */
  readonly personId: string;
  /** Its status. */
  readonly status: ApplicationStatus;
  /** Last (re-)application. */
  readonly appliedAt: string;
  /** When the current status began. */
  readonly statusAt: string;
  /** Last continuation confirmation, or the (re-)application. */
  readonly renewedAt: string;
  /** In review: the first period it may enter; in the pool: the first draw of its current run. */
  readonly poolFrom: string;
  /** Draws entered before the current run. */
  readonly countedDraws: number;
  /** Of those, draws held in 2021 or later (left out when 0). */
  readonly countedDrawsSince2021?: number;
  /** Holds a C5 licence. */
  readonly c5?: true;
  /** 2021– individuals: joined the new-energy queue at (a field of the pool record). */
  readonly queueSince?: string;
  /** 2021– individuals: full years already counted in the new-energy queue. */
  readonly queueYears?: number;
  /** 2021– individuals: registered with the system at. */
  readonly registeredAt?: string;
  /** Families: members, family years counted outside the current run, the last year counted, the first application. */
  readonly family?: {
    /** Everyone in the application. */
    readonly members: readonly FamilyMember[];
    /** Family years counted outside the current run. */
    readonly familyYears: number;
    /** Last calendar year counted (0: none). */
    readonly lastYear: number;
    /** When the family first applied. */
    readonly since: string;
  };
  /** Rejected: why. */
  /** Why the review rejected it. */
  readonly reasons?: readonly RejectionReason[];
  /** Removed: why. */
  readonly removedBecause?: 'cancelled' | 'not-renewed';
  /** Won, forfeited or expired: the certificate. */
  readonly certificate?: CertificateJson;
}

/** A registry as JSON: everything its state holds, nothing derived that could disagree. */
export interface RegistryJson {
  /** Always "yaohao-registry/1". */
  readonly format: typeof REGISTRY_FORMAT;
  /** Id of the policy the registry follows (the policy itself is given to registryFromJSON). */
  readonly policy: string;
  /** Time of the last event applied. */
  readonly lastEventAt?: string;
  /** Held draws, the `ordinary` pool's first, each pool's in period order. */
  readonly draws: readonly RegistryDrawJson[];
  /** Every application, ascending code. */
  readonly applications: readonly ApplicationJson[];
}

/**
 * The registry as JSON (docs/spec.md §16.6), times at the policy's offset, applications in code
 * order: `registryFromJSON(registryToJSON(r), policy)` is the same registry, and two registries in
 * the same state give the same JSON whatever events led there.
 */
export function registryToJSON(registry: Registry): RegistryJson {
  const state = registryState(registry);
  const { rule, offset } = state.context;
  // Millions of applications share few distinct times (a batch, a review day): each is formatted once.
  const formatted = new Map<number, string>();
  const time = (ms: number): string => {
    let text = formatted.get(ms);
    if (text === undefined) formatted.set(ms, (text = formatTimestamp(ms, offset)));
    return text;
  };
  const draws: RegistryDrawJson[] = [];
  state.held.forEach((held, g) => {
    for (const draw of held)
      draws.push({
        pool: GROUPS[g]!,
        period: periodName(draw.period, rule),
        at: time(draw.at),
        label: draw.label,
        size: draw.size,
        winners: draw.winners.map(numberToCode),
      });
  });
  const applications: ApplicationJson[] = [];
  // Optional members are added one by one (not spread): the same key order as the spec lists, fast.
  const add = (app: App): void => {
    const json: Record<string, unknown> = {
      code: app.codeText,
      kind: APPLICANT_KINDS[app.kind]!,
      personId: app.personId,
      status: STATUSES[app.status]!,
      appliedAt: time(app.appliedAt),
      statusAt: time(app.statusAt),
      renewedAt: time(app.renewedAt),
      poolFrom: periodName(app.poolFrom, rule),
      countedDraws: app.counted,
    };
    if (app.countedSince2021 !== 0) json['countedDrawsSince2021'] = app.countedSince2021;
    if (app.c5) json['c5'] = true;
    const extra = app.extra;
    if (extra !== undefined) {
      if (extra.person !== undefined) Object.assign(json, extra.person);
      if (extra.family !== undefined)
        json['family'] = {
          members: extra.family.members,
          familyYears: extra.family.familyYears,
          lastYear: extra.family.lastYear,
          since: time(extra.family.since),
        };
      if (extra.reasons !== undefined) json['reasons'] = extra.reasons;
      if (extra.removedBecause !== undefined) json['removedBecause'] = extra.removedBecause;
      const cert = extra.certificate;
      if (cert !== undefined) {
        const period = periodName(state.held[groupOf(app.kind)]![cert.draw]!.period, rule);
        const certificate: Record<string, unknown> = {
          period,
          rank: cert.rank,
          number: certificateNumber(period, GROUPS[groupOf(app.kind)]!, cert.rank),
        };
        if (cert.confirmedAt !== undefined) certificate['confirmedAt'] = time(cert.confirmedAt);
        if (cert.usedAt !== undefined) certificate['usedAt'] = time(cert.usedAt);
        json['certificate'] = certificate;
      }
    }
    applications.push(json as unknown as ApplicationJson);
  };
  state.store.scan({
    rows(columns, from, to) {
      for (let i = from; i < to; i++) add(columns.read(i));
    },
    app: add,
  });
  return {
    format: REGISTRY_FORMAT,
    policy: state.context.policy.id,
    ...(state.lastAt === undefined ? {} : { lastEventAt: time(state.lastAt) }),
    draws,
    applications,
  };
}

const count = z.int().check(z.minimum(0));
const period = z.string().check(z.minLength(1));
const registryJsonSchema = z.strictObject({
  format: z.literal(REGISTRY_FORMAT),
  policy: z.string().check(z.minLength(1)),
  lastEventAt: z.optional(TimestampSchema),
  draws: z.array(
    z.strictObject({
      pool: z.enum(GROUPS),
      period,
      at: TimestampSchema,
      label: z.string(),
      size: count,
      winners: z.array(ApplicationCodeSchema),
    }),
  ),
  applications: z.array(
    z.strictObject({
      code: ApplicationCodeSchema,
      kind: z.enum(['individual', 'family', 'unit']),
      personId: z.string().check(z.minLength(1), z.maxLength(200), z.refine(isWellFormedString)),
      status: z.enum(STATUSES),
      appliedAt: TimestampSchema,
      statusAt: TimestampSchema,
      renewedAt: TimestampSchema,
      poolFrom: period,
      countedDraws: count,
      countedDrawsSince2021: z.optional(count),
      c5: z.optional(z.literal(true)),
      queueSince: z.optional(TimestampSchema),
      queueYears: z.optional(count),
      registeredAt: z.optional(TimestampSchema),
      family: z.optional(
        z.strictObject({
          members: z.array(FamilyMemberSchema),
          familyYears: count,
          lastYear: count,
          since: TimestampSchema,
        }),
      ),
      reasons: z.optional(z.array(z.strictObject({ code: z.string(), message: z.string() }))),
      removedBecause: z.optional(z.enum(['cancelled', 'not-renewed'])),
      certificate: z.optional(
        z.strictObject({
          period,
          rank: z.int().check(z.minimum(1)),
          number: z.string(),
          confirmedAt: z.optional(TimestampSchema),
          usedAt: z.optional(TimestampSchema),
        }),
      ),
    }),
  ),
});

/** The zod schema of RegistryJson (shapes; registryFromJSON checks that the parts agree). */
export const RegistryJsonSchema: z.ZodMiniType<RegistryJson> =
  registryJsonSchema as unknown as z.ZodMiniType<RegistryJson>;

/**
 * The registry a JSON form describes, under `policy` (whose id it must name). Checks the form and
 * that its parts agree — periods of the policy's calendar, draws in period order, codes unique,
 * each certificate the winner at its rank of its draw, a certificate exactly on won, forfeited and
 * expired applications — and reports every problem with its path.
 */
export function registryFromJSON<P extends Policy>(json: unknown, policy: P): Registry<P> {
  const context = registryState(createRegistry(policy)).context;
  const parsed = parseWith(registryJsonSchema, json, { path: [] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  const value = parsed.value;
  const issues = new IssueCollector();
  if (value.policy !== context.policy.id)
    issues.add({
      code: 'invalid_value',
      path: ['policy'],
      message: `this registry follows policy ${value.policy}, not ${context.policy.id}`,
    });
  const parsedTimes = new Map<string, number>();
  const ms = (text: string): number => {
    let value = parsedTimes.get(text);
    if (value === undefined) parsedTimes.set(text, (value = parseTimestamp(text) ?? Number.NaN));
    return value;
  };
  const ordinalOf = (text: string, path: (string | number)[]): number => {
    const ordinal = parsePeriod(text, context.rule);
    if (ordinal === undefined)
      issues.add({ code: 'invalid_value', path, message: `"${text}" is not a period of ${context.policy.id}` });
    return ordinal ?? 0;
  };
  const held: HeldDraw[][] = [[], []];
  value.draws.forEach((draw, k) => {
    const g = GROUPS.indexOf(draw.pool);
    const ordinal = ordinalOf(draw.period, ['draws', k, 'period']);
    const previous = held[g]![held[g]!.length - 1];
    if (previous !== undefined && previous.period >= ordinal)
      issues.add({
        code: 'invalid_value',
        path: ['draws', k, 'period'],
        message: 'draws of a pool must be in period order',
      });
    const at = ms(draw.at);
    held[g]!.push({
      period: ordinal,
      at,
      label: draw.label,
      size: draw.size,
      winners: draw.winners.map(parseApplicationCode),
      ...certificateTimes(ordinal, at, context),
    });
  });
  const rows = [...value.applications.keys()].sort(
    (a, b) => parseApplicationCode(value.applications[a]!.code) - parseApplicationCode(value.applications[b]!.code),
  );
  const columns = new AppColumns(rows.length);
  rows.forEach((k, position) => {
    const a = value.applications[k]!;
    const path = ['applications', k];
    const code = parseApplicationCode(a.code);
    if (position > 0 && columns.codes[position - 1] === code)
      issues.add({ code: 'duplicate_code', path: [...path, 'code'], message: `code ${a.code} appears twice` });
    const kind = kindId(a.kind);
    const status = STATUSES.indexOf(a.status);
    const extra: { -readonly [K in keyof AppExtra]: AppExtra[K] } = {};
    const person = {
      ...(a.queueSince === undefined ? {} : { queueSince: a.queueSince }),
      ...(a.queueYears === undefined ? {} : { queueYears: a.queueYears }),
      ...(a.registeredAt === undefined ? {} : { registeredAt: a.registeredAt }),
    };
    if (Object.keys(person).length > 0) extra.person = person;
    if (a.family !== undefined) extra.family = { ...a.family, since: ms(a.family.since) };
    if ((kind === kindId('family')) !== (a.family !== undefined))
      issues.add({
        code: 'invalid_value',
        path: [...path, 'family'],
        message: 'a family application, and only one, has `family`',
      });
    if (a.reasons !== undefined) extra.reasons = a.reasons;
    if (a.removedBecause !== undefined) extra.removedBecause = a.removedBecause;
    if (a.certificate !== undefined) {
      const c = a.certificate;
      const g = groupOf(kind);
      const index = held[g]!.findIndex((d) => d.period === ordinalOf(c.period, [...path, 'certificate', 'period']));
      if (index < 0 || held[g]![index]!.winners[c.rank - 1] !== code)
        issues.add({
          code: 'invalid_value',
          path: [...path, 'certificate'],
          message: `no draw of ${c.period} in the registry has ${a.code} as winner number ${c.rank}`,
        });
      else if (c.number !== certificateNumber(c.period, GROUPS[g]!, c.rank))
        issues.add({
          code: 'invalid_value',
          path: [...path, 'certificate', 'number'],
          message: 'wrong certificate number',
        });
      extra.certificate = {
        draw: index,
        rank: c.rank,
        ...(c.confirmedAt === undefined ? {} : { confirmedAt: ms(c.confirmedAt) }),
        ...(c.usedAt === undefined ? {} : { usedAt: ms(c.usedAt) }),
      };
    }
    if (CERTIFIED.includes(status) !== (a.certificate !== undefined))
      issues.add({
        code: 'invalid_value',
        path: [...path, 'certificate'],
        message: 'won, forfeited and expired applications have a certificate; others have none',
      });
    columns.write(position, {
      code,
      codeText: a.code,
      kind,
      status,
      personId: a.personId,
      appliedAt: ms(a.appliedAt),
      statusAt: ms(a.statusAt),
      renewedAt: ms(a.renewedAt),
      poolFrom: ordinalOf(a.poolFrom, [...path, 'poolFrom']),
      counted: a.countedDraws,
      countedSince2021: a.countedDrawsSince2021 ?? 0,
      c5: a.c5 === true,
      extra: Object.keys(extra).length === 0 ? undefined : extra,
    });
  });
  for (const text of [value.lastEventAt, ...value.draws.map((d) => d.at)])
    if (text !== undefined && parseTimestamp(text) === undefined)
      issues.add({ code: 'invalid_value', path: ['lastEventAt'], message: `not a real date and time: "${text}"` });
  issues.throwIfAny();
  const inPool = [new Map<number, number>(), new Map<number, number>()];
  for (let i = 0; i < columns.length; i++)
    countInPool(inPool, columns.statuses[i]!, columns.kinds[i]!, columns.poolFrom[i]!, +1);
  const lastAt = value.lastEventAt === undefined ? undefined : ms(value.lastEventAt);
  const state: RegistryState = {
    context,
    store: ApplicationStore.of(columns),
    lastAt,
    held,
    forfeitedThrough: held.map((draws) => closedThrough(draws, lastAt, (d) => d.confirmBy)),
    expiredThrough: held.map((draws) => closedThrough(draws, lastAt, (d) => d.validUntil)),
    inPool,
  };
  return new Registry(state);
}

// Draws whose deadline passed before the last event: the transaction that applied that event has
// settled them (forfeits, expiries), and must not settle them again.
function closedThrough(draws: readonly HeldDraw[], lastAt: number | undefined, end: (d: HeldDraw) => number): number {
  let n = 0;
  while (lastAt !== undefined && n < draws.length && end(draws[n]!) < lastAt) n++;
  return n;
}

/** registryFromJSON that returns `{ success, value | issues }` instead of throwing. */
export function safeRegistryFromJSON<P extends Policy>(json: unknown, policy: P): SafeResult<Registry<P>> {
  return safely(() => registryFromJSON(json, policy));
}
