import { familyIssues } from '../../family/checkFamily';
import type { FamilyRecord } from '../../family/familyRecords';
import { historyIssues } from '../../family/personHistory';
import type { Issue, PathSegment } from '../../errors/Issue';
import { YaohaoError } from '../../errors/YaohaoError';
import { kindId } from '../../pool/ApplicantKind';
import { parseApplicationCode } from '../../pool/applicationCode';
import { sortKeys } from '../../pool/internal/sortKeys';
import { addMonths, dayStart, formatDate, localDay } from '../../time/calendarDate';
import { formatTimestamp } from '../../time/formatTimestamp';
import { civilFromDays } from '../../time/timestamp';
import type { AppliedEvent, CodeEvent, DrawHeldEvent, RegistryEvent, ReviewedEvent } from '../RegistryEvent';
import {
  EXPIRED,
  FAMILY,
  FORFEITED,
  IN_POOL,
  IN_REVIEW,
  INDIVIDUAL,
  REJECTED,
  REMOVED,
  STATUSES,
  UNIT,
  WON,
  groupOf,
  withExtra,
  withFields,
  type App,
  type AppExtra,
  type PersonExtras,
} from './Application';
import type { StoreDraft } from './ApplicationStore';
import { AppColumns } from './AppColumns';
import { personIdsValid, type ArrivalBatch } from './arrivals';
import { takenLotteries, type TakenLottery } from './drawRecord';
import { ordinalYear, periodName, periodOfApplication, requirePeriod } from './periods';
import {
  certificateTimes,
  drawYears,
  firstDrawFrom,
  firstOpenPool,
  countInPool,
  poolSize,
  runDraws,
  type HeldDraw,
  type RegistryState,
} from './RegistryState';

const fail = (issues: readonly Issue[]): never => {
  throw new YaohaoError(issues);
};

// Fields an `applied` event may carry beyond type, at, code, personId and kind, by weight rule and kind.
const LADDER_FIELDS = ['draws', 'c5'];
const INDIVIDUAL_2021_FIELDS = ['drawsTo2020', 'drawsSince2021', 'c5', 'queueSince', 'queueYears', 'registeredAt'];
const FAMILY_FIELDS = ['familyYears', 'members'];
const COUNT_FIELDS = ['draws', 'drawsTo2020', 'drawsSince2021'];
const BASE_FIELDS = new Set(['type', 'at', 'code', 'personId', 'kind']);

/**
 * Applies events to a registry state, producing the next one (docs/spec.md §16.3). Two modes: a
 * small change set written over the state's store (one event: O(changes · log n)), or a draft —
 * one copy of the columns for a whole batch, or for an event that touches everyone (the cleanup).
 * The rules are the same code in both modes. On an error the transaction is abandoned: the state
 * it started from is never modified.
 */
export class Transaction {
  private readonly writes = new Map<number, App>();
  private readonly draft: StoreDraft | undefined;
  private readonly held: HeldDraw[][];
  private readonly forfeitedThrough: number[];
  private readonly expiredThrough: number[];
  private readonly inPool: Map<number, number>[];
  private lastAt: number | undefined;
  /** Arrivals taken as one sorted run (arrivals()), merged into the store by finish(). */
  private run: AppColumns | undefined;

  constructor(
    private readonly state: RegistryState,
    bulk: boolean,
  ) {
    this.draft = bulk ? state.store.draft() : undefined;
    this.held = state.held.map((draws) => [...draws]);
    this.forfeitedThrough = [...state.forfeitedThrough];
    this.expiredThrough = [...state.expiredThrough];
    this.inPool = state.inPool.map((counts) => new Map(counts));
    this.lastAt = state.lastAt;
  }

  /** The state after the events applied so far. */
  finish(): RegistryState {
    const store =
      this.draft !== undefined
        ? this.draft.freeze()
        : (this.run === undefined ? this.state.store : this.state.store.withRun(this.run)).with(this.writes.values());
    return {
      context: this.state.context,
      store,
      lastAt: this.lastAt,
      held: this.held,
      forfeitedThrough: this.forfeitedThrough,
      expiredThrough: this.expiredThrough,
      inPool: this.inPool,
    };
  }

  private get(code: number): App | undefined {
    if (this.draft !== undefined) return this.draft.get(code);
    return this.writes.get(code) ?? this.state.store.get(code);
  }

  private set(app: App): void {
    // Keep the in-pool counts: the version replaced leaves its count, the new one enters its own.
    if (this.draft !== undefined) {
      const row = this.draft.rowOf(app.code);
      const rows = this.draft.rows;
      if (row >= 0) countInPool(this.inPool, rows.statuses[row]!, rows.kinds[row]!, rows.poolFrom[row]!, -1);
    } else {
      const before = this.get(app.code);
      if (before !== undefined) countInPool(this.inPool, before.status, before.kind, before.poolFrom, -1);
    }
    countInPool(this.inPool, app.status, app.kind, app.poolFrom, +1);
    if (this.draft !== undefined) this.draft.set(app);
    else this.writes.set(app.code, app);
  }

  /** Applies one validated event at its time (epoch ms, from its `at`); `path` locates it in the input (e.g. [17]). Throws YaohaoError. */
  apply(event: RegistryEvent, at: number | undefined, path: readonly PathSegment[]): void {
    if (this.run !== undefined) throw new Error('internal: a transaction that took arrivals takes no other event');
    if (at === undefined)
      fail([{ code: 'invalid_value', path: [...path, 'at'], message: `not a real date and time: "${event.at}"` }]);
    const t = at!;
    if (this.lastAt !== undefined && t < this.lastAt)
      fail([
        {
          code: 'event_out_of_order',
          path: [...path, 'at'],
          message: `this event (${event.at}) is older than the last one applied (${this.time(this.lastAt)}): events are applied in time order`,
        },
      ]);
    this.advanceTo(t);
    switch (event.type) {
      case 'applied':
        this.applied(event, t, path);
        break;
      case 'reviewed':
        this.reviewed(event, t, path);
        break;
      case 'draw-held':
        this.drawHeld(event, t, path);
        break;
      case 'cleanup':
        this.cleanup(t, path);
        break;
      default:
        this.codeEvent(event, t, path);
    }
    this.lastAt = t;
  }

  /**
   * A batch of arrivals in one pass, when it is a plain one: a transaction of small changes
   * (not bulk) under a flat or ladder policy, times in order and inside an application window,
   * valid person ids and codes, codes new and distinct. The result is exactly that of applying
   * arrivalEvents(batch) one by one (a property test checks it): time advances to `appliedAt`,
   * each application is added in review for the period `appliedAt` enters, time advances to
   * `reviewedAt`, each is approved into the first open pool — the same pool for all, as they
   * share their times. The arrivals become sorted columns that finish() merges into the store's
   * in one pass (no copy of the store first, no object per application); the transaction takes
   * no other event. Returns false, having changed nothing, when the batch is not plain: the
   * caller then applies the events, which reports what is wrong.
   */
  arrivals(batch: ArrivalBatch): boolean {
    const context = this.state.context;
    const { appliedAt, reviewedAt, count, codes } = batch;
    if (this.draft !== undefined || this.run !== undefined || context.policy.weights.rule === 'beijing2021')
      return false;
    if (count === 0) return true; // no event, no change
    if (this.lastAt !== undefined && appliedAt < this.lastAt) return false;
    if (!(reviewedAt >= appliedAt) || !Number.isSafeInteger(appliedAt) || !Number.isSafeInteger(reviewedAt))
      return false;
    const { ordinal, open } = periodOfApplication(appliedAt, context);
    if (!open || !personIdsValid(batch)) return false;
    // In code order, each carrying its batch row: duplicates are neighbours, and the run must be sorted.
    const rows = new Uint32Array(count);
    for (let k = 0; k < count; k++) {
      const code = codes[k]!;
      if (!(Number.isSafeInteger(code) && code >= 0 && code < 1e13)) return false;
      rows[k] = k;
    }
    const sorted = sortKeys(codes.subarray(0, count), rows, count);
    for (let k = 0; k < count; k++)
      if ((k > 0 && sorted.keys[k] === sorted.keys[k - 1]) || this.get(sorted.keys[k]!) !== undefined) return false;

    this.advanceTo(appliedAt);
    this.advanceTo(reviewedAt);
    const poolFrom = firstOpenPool(ordinal, reviewedAt, this.held[0]!, context);
    const run = new AppColumns(count);
    run.appendRows(
      count,
      () => {
        run.codes.set(sorted.keys);
        run.kinds.fill(INDIVIDUAL);
        run.statuses.fill(IN_POOL);
        run.appliedAt.fill(appliedAt);
        run.statusAt.fill(reviewedAt);
        run.renewedAt.fill(appliedAt);
        run.poolFrom.fill(poolFrom);
        for (let j = 0; j < count; j++) {
          const k = sorted.weights[j]!;
          run.c5[j] = batch.c5[k] === 1 ? 1 : 0;
          run.counted[j] = batch.draws[k]!;
        }
      },
      batch.personIds === undefined ? undefined : Array.from(sorted.weights, (k) => batch.personIds![k]!),
    );
    this.run = run;
    const inPool = this.inPool[0]!;
    inPool.set(poolFrom, (inPool.get(poolFrom) ?? 0) + count);
    this.lastAt = reviewedAt;
    return true;
  }

  /** Local time at the authority's offset, for messages. */
  private time(ms: number): string {
    return formatTimestamp(ms, this.state.context.offset);
  }

  // Time passes: quotas not confirmed in time are forfeited, certificates not used in time expire.
  private advanceTo(t: number): void {
    for (let g = 0; g < this.held.length; g++) {
      const held = this.held[g]!;
      while (this.forfeitedThrough[g]! < held.length && held[this.forfeitedThrough[g]!]!.confirmBy < t) {
        const k = this.forfeitedThrough[g]!;
        this.settle(held[k]!, k, (cert) => cert.confirmedAt === undefined, FORFEITED, held[k]!.confirmBy);
        this.forfeitedThrough[g] = k + 1;
      }
      while (this.expiredThrough[g]! < held.length && held[this.expiredThrough[g]!]!.validUntil < t) {
        const k = this.expiredThrough[g]!;
        this.settle(
          held[k]!,
          k,
          (cert) => cert.confirmedAt !== undefined && cert.usedAt === undefined,
          EXPIRED,
          held[k]!.validUntil,
        );
        this.expiredThrough[g] = k + 1;
      }
    }
  }

  private settle(
    draw: HeldDraw,
    index: number,
    applies: (cert: NonNullable<AppExtra['certificate']>) => boolean,
    status: number,
    at: number,
  ): void {
    for (const code of draw.winners) {
      const app = this.get(code);
      const cert = app?.extra?.certificate;
      if (app === undefined || app.status !== WON || cert === undefined || cert.draw !== index || !applies(cert))
        continue;
      this.set(withFields(app, { status, statusAt: at }));
    }
  }

  private applied(event: AppliedEvent, t: number, path: readonly PathSegment[]): void {
    const context = this.state.context;
    const policy = context.policy;
    const kind = kindId(event.kind ?? 'individual');
    const code = parseApplicationCode(event.code);
    const issues: Issue[] = [];
    const is2021 = policy.weights.rule === 'beijing2021';
    const allowed =
      kind === UNIT
        ? []
        : kind === FAMILY
          ? is2021
            ? FAMILY_FIELDS
            : []
          : is2021
            ? INDIVIDUAL_2021_FIELDS
            : LADDER_FIELDS;
    if (kind === FAMILY && !is2021)
      issues.push({
        code: 'invalid_value',
        path: [...path, 'kind'],
        message: `policy ${policy.id} has no family applications (2021– policies do)`,
      });
    const fields = event as unknown as Record<string, unknown>;
    const unexpected: string[] = [];
    for (const field in fields)
      if (!BASE_FIELDS.has(field) && !allowed.includes(field) && fields[field] !== undefined) unexpected.push(field);
    for (const field of unexpected.sort())
      issues.push({
        code: 'unknown_field',
        path: [...path, field],
        message: `"${field}" is not a field of ${event.kind ?? 'individual'} applications under ${policy.id}${allowed.length > 0 ? ` (fields: ${allowed.join(', ')})` : ''}`,
      });
    if (kind === FAMILY && is2021) issues.push(...this.familyProblems(event, path));
    if (kind === INDIVIDUAL && is2021) issues.push(...historyIssues(event, path, undefined));
    if (issues.length > 0) fail(issues);

    const existing = this.get(code);
    const { ordinal, open } = periodOfApplication(t, context);
    if (existing !== undefined) {
      if (existing.status !== REJECTED && existing.status !== REMOVED)
        fail([
          {
            code: 'invalid_transition',
            path: [...path, 'code'],
            message: `application ${event.code} is already ${STATUSES[existing.status]}: only a rejected or removed application can be submitted again`,
          },
        ]);
      if (existing.kind !== kind || existing.personId !== event.personId)
        fail([
          {
            code: 'invalid_value',
            path: [...path, 'personId'],
            message: `application ${event.code} belongs to another applicant or kind: a code is one applicant's for good`,
          },
        ]);
      const counts = COUNT_FIELDS.filter((f) => fields[f] !== undefined);
      if (counts.length > 0)
        fail([
          {
            code: 'invalid_value',
            path: [...path, counts[0]!],
            message: `application ${event.code} is submitted again: the registry keeps its draw count, leave out ${counts.join(', ')}`,
          },
        ]);
    }
    if (!open)
      fail([
        {
          code: 'outside_application_window',
          path: [...path, 'at'],
          message: `applications for ${periodName(ordinal, context.rule)} are taken from ${this.windowText(ordinal)}: ${this.time(t)} is outside every window`,
        },
      ]);
    const extra: AppExtra = {
      ...(kind === INDIVIDUAL && is2021 ? personExtras(event) : {}),
      ...(kind === FAMILY
        ? {
            family: {
              members: event.members!,
              familyYears: existing?.extra?.family?.familyYears ?? event.familyYears ?? 0,
              lastYear: existing?.extra?.family?.lastYear ?? 0,
              since: existing?.extra?.family?.since ?? t,
            },
          }
        : {}),
    };
    const since2021 = existing?.countedSince2021 ?? event.drawsSince2021 ?? 0;
    this.set({
      code,
      codeText: event.code,
      kind,
      status: IN_REVIEW,
      personId: event.personId,
      appliedAt: t,
      statusAt: t,
      renewedAt: t,
      poolFrom: ordinal,
      counted: existing?.counted ?? (is2021 ? (event.drawsTo2020 ?? 0) + since2021 : (event.draws ?? 0)),
      countedSince2021: since2021,
      c5: event.c5 === true,
      extra: Object.keys(extra).length === 0 ? undefined : extra,
    });
  }

  private windowText(ordinal: number): string {
    const period = this.state.context.rule.calendar.periods[ordinal - ordinalYear(ordinal) * 100]!;
    return `${period.opens ?? 'the previous deadline'} to ${period.deadline}`;
  }

  private familyProblems(event: AppliedEvent, path: readonly PathSegment[]): Issue[] {
    if (event.members === undefined)
      return [{ code: 'missing_field', path: [...path, 'members'], message: 'a family application lists its members' }];
    const family: FamilyRecord = {
      kind: 'family',
      code: event.code,
      ...(event.familyYears === undefined ? {} : { familyYears: event.familyYears }),
      members: event.members,
    };
    const problems = familyIssues(family, this.state.context.policy.family!, [...path], undefined);
    const main = event.members.find((m) => m.role === 'main');
    if (problems.length === 0 && main !== undefined && main.personId !== event.personId)
      problems.push({
        code: 'invalid_value',
        path: [...path, 'personId'],
        message: 'a family application’s personId is its main applicant’s',
      });
    return problems;
  }

  private reviewed(event: ReviewedEvent, t: number, path: readonly PathSegment[]): void {
    const app = this.existing(event.code, path);
    if (app.status !== IN_REVIEW)
      fail([this.transition(event, app, path, 'only an application in review can be reviewed')]);
    if (event.approved && event.reasons !== undefined && event.reasons.length > 0)
      fail([
        {
          code: 'invalid_value',
          path: [...path, 'reasons'],
          message: 'an approved application has no rejection reasons',
        },
      ]);
    if (!event.approved) {
      this.set({
        ...withExtra(app, { reasons: (event.reasons ?? []).map(({ code, message }) => ({ code, message })) }),
        status: REJECTED,
        statusAt: t,
      });
      return;
    }
    const poolFrom = firstOpenPool(app.poolFrom, t, this.held[groupOf(app.kind)]!, this.state.context);
    this.set(withFields(app, { status: IN_POOL, statusAt: t, poolFrom }));
  }

  private drawHeld(event: DrawHeldEvent, t: number, path: readonly PathSegment[]): void {
    const context = this.state.context;
    const ordinal = requirePeriod(event.period, context, [...path, 'period']);
    if (
      context.rule.calendar.periods[ordinal - ordinalYear(ordinal) * 100]!.draws.every((d) => d.category !== 'ordinary')
    )
      fail([{ code: 'invalid_value', path: [...path, 'period'], message: `${event.period} holds no ordinary draw` }]);
    const taken = takenLotteries(event.record, event.entrants, event.period, path);
    if (taken.length > 0 && !('group' in taken[0]!)) fail(taken as Issue[]);
    for (const lottery of taken as TakenLottery[]) this.holdLottery(lottery, ordinal, t, path);
  }

  private holdLottery(lottery: TakenLottery, ordinal: number, t: number, path: readonly PathSegment[]): void {
    const context = this.state.context;
    const g = lottery.group;
    const held = this.held[g]!;
    const last = held[held.length - 1];
    if (last !== undefined && last.period >= ordinal)
      fail([
        {
          code: 'invalid_transition',
          path: [...path, 'period'],
          message:
            last.period === ordinal
              ? `the ${GROUP_NAMES[g]} draw of ${periodName(ordinal, context.rule)} was already applied`
              : `a later period (${periodName(last.period, context.rule)}) was already drawn`,
        },
      ]);
    const inPool = poolSize(this.inPool[g]!, ordinal);
    if (lottery.size !== inPool + lottery.joined)
      fail([
        {
          code: 'draw_mismatch',
          path: [...path, 'record'],
          message: `the draw's pool holds ${lottery.size} applications; the registry's ${GROUP_NAMES[g]} pool for ${periodName(ordinal, context.rule)} holds ${inPool}${lottery.joined > 0 ? ` (+ ${lottery.joined} new-energy families that joined)` : ''}`,
        },
      ]);
    const issues: Issue[] = [];
    const seen = new Set<number>();
    const winners: number[] = [];
    const apps: (App | undefined)[] = [];
    let joinedWon = 0;
    lottery.winners.forEach((winner, k) => {
      const code = parseApplicationCode(winner.code);
      const app = this.get(code);
      const at = (): PathSegment[] => [...lottery.path, k, 'code'];
      if (seen.has(code)) issues.push({ code: 'draw_mismatch', path: at(), message: `${winner.code} wins twice` });
      seen.add(code);
      winners.push(code);
      apps.push(app);
      if (app === undefined && winner.kind === 'family' && joinedWon < lottery.joined) {
        joinedWon++; // a new-energy family that joined this pool: not a registry application
        return;
      }
      if (app === undefined)
        issues.push({
          code: 'unknown_application',
          path: at(),
          message: `winner ${winner.code} is not in the registry`,
        });
      else if (app.status !== IN_POOL || groupOf(app.kind) !== g || app.poolFrom > ordinal)
        issues.push({
          code: 'draw_mismatch',
          path: at(),
          message: `winner ${winner.code} is not in the registry's ${GROUP_NAMES[g]} pool for ${periodName(ordinal, context.rule)} (it is ${STATUSES[app.status]})`,
        });
      else if (app.kind !== kindId(winner.kind as 'individual'))
        issues.push({
          code: 'draw_mismatch',
          path: at(),
          message: `winner ${winner.code} won as ${winner.kind}, the registry holds it as ${['individual', 'family', 'unit'][app.kind]!}`,
        });
    });
    if (issues.length > 0) fail(issues);
    const index = held.length;
    held.push({
      period: ordinal,
      at: t,
      label: lottery.label,
      size: lottery.size,
      winners,
      ...certificateTimes(ordinal, t, context),
    });
    apps.forEach((app, k) => {
      if (app === undefined) return;
      const left = this.leaving(app);
      this.set({
        ...left,
        status: WON,
        statusAt: t,
        extra: { ...left.extra, certificate: { draw: index, rank: k + 1 } },
      });
    });
  }

  /** The application as it leaves the pool: its current run's draws (and family years) counted. */
  private leaving(app: App): App {
    if (app.status !== IN_POOL) return app;
    const held = this.held[groupOf(app.kind)]!;
    const run = runDraws(held, app.poolFrom);
    let extra = app.extra;
    const family = extra?.family;
    if (family !== undefined && this.state.context.rule.familyYears === 'draw-years') {
      const years = drawYears(held, firstDrawFrom(held, app.poolFrom), family.lastYear, Number.POSITIVE_INFINITY);
      if (years.length > 0)
        extra = {
          ...extra,
          family: { ...family, familyYears: family.familyYears + years.length, lastYear: years[years.length - 1]! },
        };
    }
    return {
      ...app,
      counted: app.counted + run.total,
      countedSince2021: app.countedSince2021 + run.since2021,
      extra,
    };
  }

  private codeEvent(event: CodeEvent, t: number, path: readonly PathSegment[]): void {
    const app = this.existing(event.code, path);
    const cert = app.extra?.certificate;
    switch (event.type) {
      case 'quota-confirmed':
      case 'vehicle-registered': {
        // A won quota is confirmed once, then its certificate used once (both before their deadlines,
        // which time passing has already enforced: a late event finds it forfeited or expired).
        const confirming = event.type === 'quota-confirmed';
        const allowed =
          app.status === WON &&
          cert !== undefined &&
          (confirming ? cert.confirmedAt === undefined : cert.confirmedAt !== undefined && cert.usedAt === undefined);
        if (allowed) {
          this.set(withExtra(app, { certificate: { ...cert, ...(confirming ? { confirmedAt: t } : { usedAt: t }) } }));
          return;
        }
        fail([this.transition(event, app, path, this.certificateRefusal(app, confirming))]);
        break;
      }
      case 'continuation-confirmed': {
        if (app.status !== IN_POOL && app.status !== IN_REVIEW)
          fail([this.transition(event, app, path, 'only an application in review or in the pool continues')]);
        const months = this.state.context.rule.renewal.continuationMonths;
        const month = civilFromDays(localDay(t, this.state.context.offset)).month;
        if (months !== undefined && !months.includes(month))
          fail([
            {
              code: 'invalid_value',
              path: [...path, 'at'],
              message: `continuation is confirmed in month ${months.join(', ')} only, not in month ${month}`,
            },
          ]);
        this.set(withFields(app, { renewedAt: t }));
        return;
      }
      case 'cancelled': {
        if (app.status !== IN_POOL && app.status !== IN_REVIEW)
          fail([this.transition(event, app, path, 'only an application in review or in the pool can be cancelled')]);
        this.set({ ...withExtra(this.leaving(app), { removedBecause: 'cancelled' }), status: REMOVED, statusAt: t });
        return;
      }
    }
  }

  private cleanup(t: number, path: readonly PathSegment[]): void {
    const context = this.state.context;
    const day = localDay(t, context.offset);
    const date = formatDate(day);
    if (!context.rule.renewal.cleanupDates.includes(date.slice(5)))
      fail([
        {
          code: 'invalid_value',
          path: [...path, 'at'],
          message: `a cleanup is held on ${context.rule.renewal.cleanupDates.join(', ')} (MM-DD), not on ${date}`,
        },
      ]);
    if (this.draft === undefined) throw new Error('internal: a cleanup needs a bulk transaction');
    // Renewed at or before the cutoff: `months` months have gone without a confirmation.
    const cutoff = addMonths(dayStart(day, context.offset), -context.rule.renewal.months, context.offset);
    const rows = this.draft.rows;
    for (let i = 0; i < rows.length; i++) {
      if (rows.statuses[i] !== IN_POOL || rows.renewedAt[i]! > cutoff) continue;
      const app = rows.read(i);
      countInPool(this.inPool, app.status, app.kind, app.poolFrom, -1);
      rows.write(i, {
        ...withExtra(this.leaving(app), { removedBecause: 'not-renewed' }),
        status: REMOVED,
        statusAt: t,
      });
    }
  }

  private certificateRefusal(app: App, confirming: boolean): string {
    const cert = app.extra?.certificate;
    const draw = cert === undefined ? undefined : this.held[groupOf(app.kind)]![cert.draw];
    if (confirming) {
      if (app.status === FORFEITED && draw !== undefined)
        return `the quota was forfeited: it was not confirmed by ${this.time(draw.confirmBy)}`;
      if (cert?.confirmedAt !== undefined) return `the quota was already confirmed at ${this.time(cert.confirmedAt)}`;
      return 'only a won quota can be confirmed';
    }
    if (app.status === EXPIRED && draw !== undefined) return `the certificate expired at ${this.time(draw.validUntil)}`;
    if (cert?.usedAt !== undefined) return `the certificate was already used at ${this.time(cert.usedAt)}`;
    if (app.status === WON) return 'the quota must be confirmed before a car is registered';
    return 'only a won, confirmed quota can register a car';
  }

  private existing(text: string, path: readonly PathSegment[]): App {
    const app = this.get(parseApplicationCode(text));
    if (app === undefined)
      fail([
        { code: 'unknown_application', path: [...path, 'code'], message: `no application ${text} in the registry` },
      ]);
    return app!;
  }

  private transition(event: RegistryEvent, app: App, path: readonly PathSegment[], why: string): Issue {
    return {
      code: 'invalid_transition',
      path: [...path, 'type'],
      message: `${event.type} for ${app.codeText} (${STATUSES[app.status]}): ${why}`,
      received: STATUSES[app.status]!,
    };
  }
}

const GROUP_NAMES = ['ordinary', 'unit'];

function personExtras(event: AppliedEvent): { person?: PersonExtras } {
  const person: { -readonly [K in keyof PersonExtras]: PersonExtras[K] } = {};
  if (event.queueSince !== undefined) person.queueSince = event.queueSince;
  if (event.queueYears !== undefined) person.queueYears = event.queueYears;
  if (event.registeredAt !== undefined) person.registeredAt = event.registeredAt;
  return Object.keys(person).length === 0 ? {} : { person };
}
