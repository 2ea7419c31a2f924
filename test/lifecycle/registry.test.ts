import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyEvents,
  commitPool,
  createPool,
  createRegistry,
  createRegistryPool,
  drawLottery,
  lookupApplication,
  planPeriod,
  presets,
  registryFromJSON,
  registryPool,
  registrySummary,
  registryToJSON,
  replayEvents,
  runPeriod,
  safeApplyEvent,
  safeApplyEvents,
  safeCreateRegistry,
  safeLookupApplication,
  safeRegistryFromJSON,
  safeRegistryPool,
  type Issue,
  type Registry,
  type RegistryEvent,
} from '../../src/index';

/** The registries these tests draw from follow beijing2016. */
type Registry2016 = Registry<typeof presets.beijing2016>;

const at = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;
const code = (n: number): string => String(1_000_100_000_000 + n);
const applied = (n: number, when: string, extra: Record<string, unknown> = {}): RegistryEvent => ({
  type: 'applied',
  at: at(when),
  code: code(n),
  personId: `p${n}`,
  ...extra,
});
const reviewed = (n: number, when: string, approved = true): RegistryEvent => ({
  type: 'reviewed',
  at: at(when),
  code: code(n),
  approved,
});
const on = (
  type: 'quota-confirmed' | 'vehicle-registered' | 'continuation-confirmed' | 'cancelled',
  n: number,
  when: string,
  time?: string,
): RegistryEvent => ({
  type,
  at: at(when, time),
  code: code(n),
});

/** The issues an event is refused with (and that the registry did not change). */
function refused(registry: Registry, event: unknown): Issue[] {
  const before = JSON.stringify(registryToJSON(registry));
  const result = safeApplyEvent(registry, event);
  expect(result.success).toBe(false);
  expect(JSON.stringify(registryToJSON(registry))).toBe(before);
  return result.success ? [] : [...result.issues];
}

/** Draws the registry's pool for a period with the default generator and applies the draw. */
function draw(registry: Registry2016, period: string, quota: number, when: string, seed = 'seed'): Registry2016 {
  const pool = createPool(registryPool(registry, period).ordinary, { policy: presets.beijing2016 });
  const { record } = drawLottery(pool, { quota, seed, generator: 'default' });
  return applyEvent(registry, { type: 'draw-held', at: at(when, '12:00'), period, record });
}

// Six applicants under beijing2016 (bimonthly draws, cut-off the 8th, sealing the 25th).
function sixApplicants(): Registry2016 {
  return replayEvents(
    [
      applied(1, '2019-05-02', { draws: 5 }),
      applied(2, '2019-05-02', { draws: 0, c5: true }),
      applied(3, '2019-05-03'),
      applied(4, '2019-05-03', { draws: 40 }),
      applied(5, '2019-05-04'),
      reviewed(1, '2019-05-20'),
      reviewed(2, '2019-05-20'),
      reviewed(3, '2019-05-20'),
      reviewed(4, '2019-05-20'),
      {
        type: 'reviewed',
        at: at('2019-05-20'),
        code: code(5),
        approved: false,
        reasons: [{ code: 'owns_car', message: 'a car is registered in the applicant’s name' }],
      },
      // Applied before the 2019-06 cut-off, approved after that pool was sealed (the evening of the
      // 25th): its first draw is 2019-08.
      applied(6, '2019-06-01'),
      { ...reviewed(6, '2019-06-26'), at: at('2019-06-26', '09:00') },
    ],
    presets.beijing2016,
  );
}

describe('the registry: an application’s life', () => {
  it('pools follow from the events: who is in, with which draw counts', () => {
    const registry = sixApplicants();
    expect(registry.size).toBe(6);
    expect(registry.lastEventAt).toBe('2019-06-26T09:00:00.000+08:00');
    const pool = registryPool(registry, '2019-06');
    expect(pool.ordinary).toEqual([
      { code: code(1), draws: 5 },
      { code: code(2), draws: 0, c5: true },
      { code: code(3), draws: 0 },
      { code: code(4), draws: 40 },
    ]);
    expect(pool.ordinaryUnits).toEqual([]);
    expect(registryPool(registry, '2019-08').ordinary.map((r) => r.code)).toContain(code(6));
    expect(lookupApplication(registry, code(5), { at: at('2019-06-26', '10:00') })).toEqual({
      status: 'rejected',
      code: code(5),
      kind: 'individual',
      reviewedAt: '2019-05-20T10:00:00.000+08:00',
      reasons: [{ code: 'owns_car', message: 'a car is registered in the applicant’s name' }],
    });
    expect(lookupApplication(registry, code(1), { at: at('2019-06-26', '10:00') })).toMatchObject({
      status: 'in-pool',
      draws: 5,
      steps: 1, // N = 6 → 1 step
      nextDraw: { period: '2019-06', date: '2019-06-26' },
    });
    expect(lookupApplication(registry, code(6), { at: at('2019-06-26', '10:00') })).toMatchObject({
      nextDraw: { period: '2019-08', date: '2019-08-26' },
    });
    expect(lookupApplication(registry, code(99), { at: at('2019-06-26', '10:00') })).toEqual({
      status: 'unknown',
      code: code(99),
    });
  });

  it('a draw: winners leave with a certificate, everyone else in that pool gets one more draw', () => {
    const before = sixApplicants();
    const after = draw(before, '2019-06', 1, '2019-06-26');
    expect(before.size).toBe(6); // never mutated
    const winner = registryToJSON(after).applications.find((a) => a.status === 'won')!;
    expect(winner.certificate).toMatchObject({ period: '2019-06', rank: 1, number: '201906P000001' });
    const next = registryPool(after, '2019-08').ordinary as { code: string; draws: number }[];
    expect(next.map((r) => r.code)).not.toContain(winner.code);
    const drawsOf = (n: number): number | undefined => next.find((r) => r.code === code(n))?.draws;
    const was: Record<number, number> = { 1: 5, 2: 0, 3: 0, 4: 40 };
    for (const n of [1, 2, 3, 4]) if (code(n) !== winner.code) expect(drawsOf(n)).toBe(was[n]! + 1);
    expect(drawsOf(6)).toBe(0); // approved after sealing: not in the 2019-06 draw
    const look = lookupApplication(after, winner.code, { at: at('2019-06-26', '13:00') });
    expect(look).toMatchObject({
      status: 'won',
      period: '2019-06',
      certificate: '201906P000001',
      drawnAt: '2019-06-26T12:00:00.000+08:00',
      confirmBy: '2019-06-29T12:00:00.000+08:00',
      validUntil: '2020-06-26T12:00:00.000+08:00', // 12 months from 2018
    });
    // The same winner three days and one minute later has not confirmed: forfeited.
    expect(lookupApplication(after, winner.code, { at: at('2019-06-29', '12:01') }).status).toBe('forfeited');
    expect(registrySummary(after).draws).toEqual([
      {
        pool: 'ordinary',
        period: '2019-06',
        at: '2019-06-26T12:00:00.000+08:00',
        size: 4,
        winners: 1,
        awaitingConfirmation: 1,
        confirmed: 0,
        used: 0,
        forfeited: 0,
        expired: 0,
        outside: 0,
      },
    ]);
  });

  it('confirm within 72 hours or forfeit; use within the validity or expire', () => {
    let registry = draw(sixApplicants(), '2019-06', 2, '2019-06-26');
    const winners = registryToJSON(registry)
      .applications.filter((a) => a.status === 'won')
      .map((a) => a.code);
    const [first, second] = winners as [string, string];
    registry = applyEvent(registry, { type: 'quota-confirmed', at: at('2019-06-29', '12:00'), code: first });
    // Confirming twice is refused; so is a late confirmation.
    expect(refused(registry, { type: 'quota-confirmed', at: at('2019-06-29', '12:00'), code: first })[0]).toMatchObject(
      {
        code: 'invalid_transition',
        message: expect.stringContaining('already confirmed at 2019-06-29T12:00:00.000+08:00'),
      },
    );
    const late = refused(registry, { type: 'quota-confirmed', at: at('2019-06-29', '12:01'), code: second });
    expect(late[0]).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('forfeited: it was not confirmed by 2019-06-29T12:00:00.000+08:00'),
    });
    // Any later event settles the forfeit.
    registry = applyEvent(registry, applied(7, '2019-07-01'));
    expect(registrySummary(registry).draws[0]).toMatchObject({ confirmed: 1, forfeited: 1 });
    expect(lookupApplication(registry, second, { at: at('2019-07-01', '10:00') }).status).toBe('forfeited');
    // A registration needs the confirmation; after the validity it is refused, and the certificate expired.
    expect(refused(registry, { type: 'vehicle-registered', at: at('2019-07-02'), code: second })[0]?.code).toBe(
      'invalid_transition',
    );
    const used = applyEvent(registry, { type: 'vehicle-registered', at: at('2020-06-26', '12:00'), code: first });
    expect(lookupApplication(used, first, { at: at('2020-07-01') })).toMatchObject({
      status: 'won',
      usedAt: '2020-06-26T12:00:00.000+08:00',
    });
    expect(refused(used, { type: 'vehicle-registered', at: at('2020-06-27'), code: first })[0]?.message).toMatch(
      /already used/,
    );
    expect(lookupApplication(registry, first, { at: at('2020-06-26', '12:01') })).toMatchObject({
      status: 'expired',
      validUntil: '2020-06-26T12:00:00.000+08:00',
    });
    const tooLate = refused(registry, { type: 'vehicle-registered', at: at('2020-06-26', '12:01'), code: first });
    expect(tooLate[0]?.message).toMatch(/expired at 2020-06-26T12:00:00.000\+08:00/);
    const expired = applyEvent(registry, applied(8, '2020-07-01'));
    expect(registrySummary(expired).draws[0]).toMatchObject({ expired: 1, forfeited: 1 });
  });

  it('cancel and re-apply keeps the draw count; the cleanup removes what was not renewed', () => {
    let registry = draw(sixApplicants(), '2019-06', 1, '2019-06-26', 'cancel');
    const loser = [1, 3, 4, 2]
      .map(code)
      .find((c) => lookupApplication(registry, c, { at: at('2019-06-27') }).status === 'in-pool')!;
    const n = Number(loser) - 1_000_100_000_000;
    const drawsBefore = (lookupApplication(registry, loser, { at: at('2019-06-27') }) as { draws: number }).draws;
    registry = applyEvent(registry, on('cancelled', n, '2019-06-27'));
    expect(lookupApplication(registry, loser, { at: at('2019-06-27') })).toEqual({
      status: 'removed',
      code: loser,
      kind: 'individual',
      why: 'cancelled',
      when: '2019-06-27T10:00:00.000+08:00',
    });
    expect(registryPool(registry, '2019-08').ordinary.map((r) => r.code)).not.toContain(loser);
    // Re-applying: the count is kept, so a count in the event is refused.
    expect(refused(registry, applied(n, '2019-07-01', { draws: 0 }))[0]).toMatchObject({
      code: 'invalid_value',
      path: ['event', 'draws'],
    });
    expect(refused(registry, { ...applied(n, '2019-07-01'), personId: 'someone else' })[0]?.code).toBe('invalid_value');
    registry = applyEvents(registry, [applied(n, '2019-07-01'), reviewed(n, '2019-07-05')]);
    expect(lookupApplication(registry, loser, { at: at('2019-07-05') })).toMatchObject({
      status: 'in-pool',
      draws: drawsBefore,
      nextDraw: { period: '2019-08' },
    });
    // beijing2016: renew every 6 months; a cleanup on the first of a month removes the applications
    // last renewed (applied, re-applied or confirmed) six months or more before it.
    registry = applyEvent(registry, on('continuation-confirmed', 1, '2019-11-20'));
    const december = applyEvent(registry, { type: 'cleanup', at: at('2019-12-01', '00:00') });
    const status = (r: Registry): Record<string, string> =>
      Object.fromEntries(registryToJSON(r).applications.map((a) => [a.code, `${a.status} ${a.removedBecause ?? ''}`]));
    const before = status(registry);
    const after = status(december);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const c = code(n);
      if (before[c] === 'in-pool ' && ![1, 6].includes(n) && c !== loser)
        expect(after[c], c).toBe('removed not-renewed'); // applied in May: six months by 1 December
      else expect(after[c], c).toBe(before[c]); // confirmed 2019-11-20, applied 2019-06-01 10:00, won, rejected
    }
    expect(after[loser]).toBe('in-pool '); // re-applied 2019-07-01
    // 2019-06-01 10:00 + six months is after 1 December 00:00; by 1 January it has gone.
    const january = applyEvent(december, { type: 'cleanup', at: at('2020-01-01', '00:00') });
    expect(lookupApplication(january, code(6), { at: at('2020-01-01') })).toMatchObject({
      status: 'removed',
      why: 'not-renewed',
      when: '2020-01-01T00:00:00.000+08:00',
    });
    expect(lookupApplication(december, code(6), { at: at('2019-12-01') })).toMatchObject({
      status: 'in-pool',
      removalDue: '2020-01-01',
    });
    expect(refused(registry, { type: 'cleanup', at: at('2019-12-02') })[0]).toMatchObject({
      code: 'invalid_value',
      path: ['event', 'at'],
    });
    // A removed application can come back (re-activation), keeping its count.
    const back = applyEvent(january, applied(6, '2020-01-05'));
    expect(lookupApplication(back, code(6), { at: at('2020-01-05') })).toMatchObject({
      status: 'in-review',
      firstPeriod: '2020-02',
    });
  });

  it('refuses what the state does not allow, naming the event and leaving the registry unchanged', () => {
    const registry = draw(sixApplicants(), '2019-06', 1, '2019-06-26', 'errors');
    const winner = registryToJSON(registry).applications.find((a) => a.status === 'won')!.code;
    const inPool = registryToJSON(registry).applications.find((a) => a.status === 'in-pool')!.code;
    const cases: [unknown, string, RegExp?][] = [
      [applied(20, '2019-06-01'), 'event_out_of_order', /older than the last one/],
      [reviewed(21, '2019-06-27'), 'unknown_application'],
      [reviewed(1, '2019-06-27'), 'invalid_transition', /only an application in review/],
      [{ ...reviewed(1, '2019-06-27'), code: winner }, 'invalid_transition'],
      [{ type: 'quota-confirmed', at: at('2019-06-27'), code: inPool }, 'invalid_transition', /only a won quota/],
      [{ type: 'vehicle-registered', at: at('2019-06-27'), code: winner }, 'invalid_transition', /confirmed before/],
      [{ type: 'cancelled', at: at('2019-06-27'), code: winner }, 'invalid_transition'],
      [{ type: 'continuation-confirmed', at: at('2019-06-27'), code: winner }, 'invalid_transition'],
      [{ ...applied(1, '2019-06-27') }, 'invalid_transition', /already in-pool/],
      [
        applied(22, '2019-06-27', { drawsTo2020: 3 }),
        'unknown_field',
        /not a field of individual applications under beijing2016/,
      ],
      [applied(23, '2019-06-27', { kind: 'family', members: [] }), 'invalid_value', /no family applications/],
      [
        { type: 'applied', at: '2019-02-30T10:00:00+08:00', code: code(24), personId: 'x' },
        'invalid_value',
        /real date/,
      ],
      [{ type: 'dance', at: at('2019-06-27') }, 'invalid_value', /"type" is one of/],
      ['applied', 'invalid_type'],
      [
        {
          type: 'reviewed',
          at: at('2019-06-27'),
          code: code(1),
          approved: true,
          reasons: [{ code: 'x', message: 'y' }],
        },
        'invalid_transition',
      ],
      [
        { type: 'draw-held', at: at('2019-06-27'), period: '2019-07', record: {} },
        'invalid_value',
        /not a period of beijing2016/,
      ],
      [{ type: 'draw-held', at: at('2019-06-27'), period: '2019-06', record: {} }, 'invalid_record'],
    ];
    for (const [event, issueCode, message] of cases) {
      const issues = refused(registry, event);
      expect(issues[0]?.code, JSON.stringify(event)).toBe(issueCode);
      if (message !== undefined) expect(issues[0]?.message, JSON.stringify(event)).toMatch(message);
    }
  });

  it('an approval carries no rejection reasons', () => {
    const registry = replayEvents([applied(1, '2019-05-02')], presets.beijing2016);
    const issues = refused(registry, { ...reviewed(1, '2019-05-03'), reasons: [{ code: 'x', message: 'y' }] });
    expect(issues[0]).toMatchObject({ code: 'invalid_value', path: ['event', 'reasons'] });
  });

  it('refuses a draw that does not fit the registry’s pool', () => {
    const registry = sixApplicants();
    const pool = createPool(registryPool(registry, '2019-06').ordinary, { policy: presets.beijing2016 });
    const { record } = drawLottery(pool, { quota: 2, seed: 'x', generator: 'default' });
    const held = (r: unknown, period = '2019-06'): unknown => ({
      type: 'draw-held',
      at: at('2019-06-26', '12:00'),
      period,
      record: r,
    });
    const forged = (
      winners: readonly { code: string; entry: number; kind: string }[],
      size = record.pool.size,
    ): unknown => ({
      ...record,
      pool: { ...record.pool, size },
      winners,
    });
    expect(refused(registry, held(forged(record.winners, 5)))[0]?.message).toMatch(
      /holds 5 applications; the registry's ordinary pool for 2019-06 holds 4/,
    );
    expect(refused(registry, held(forged([{ code: code(77), entry: 1, kind: 'individual' }])))[0]?.code).toBe(
      'unknown_application',
    );
    expect(refused(registry, held(forged([{ code: code(6), entry: 1, kind: 'individual' }])))[0]?.message).toMatch(
      /not in the registry's ordinary pool for 2019-06/,
    );
    expect(refused(registry, held(forged([{ code: code(5), entry: 1, kind: 'individual' }])))[0]?.message).toMatch(
      /it is rejected/,
    );
    expect(refused(registry, held(forged([{ code: code(1), entry: 1, kind: 'family' }])))[0]?.message).toMatch(
      /won as family/,
    );
    const twice = refused(registry, held(forged([record.winners[0]!, record.winners[0]!])));
    expect(twice[0]?.message).toMatch(/wins twice/);
    const after = applyEvent(registry, held(record));
    expect(refused(after, { ...(held(record) as object), at: at('2019-06-27') })[0]?.message).toMatch(
      /already applied/,
    );
    expect(refused(after, held(record, '2019-04'))[0]?.message).toMatch(/a later period \(2019-06\) was already drawn/);
    // Pools of drawn periods are not derived again.
    const again = safeRegistryPool(after, '2019-06');
    expect(!again.success && again.issues[0]?.message).toMatch(/already drawn/);
  });

  it('an audit record of the unit pool, and units in their own list', () => {
    let registry = replayEvents(
      [
        applied(1, '2019-05-02', { kind: 'unit' }),
        applied(2, '2019-05-02', { kind: 'unit' }),
        applied(3, '2019-05-02'),
        reviewed(1, '2019-05-20'),
        reviewed(2, '2019-05-20'),
        reviewed(3, '2019-05-20'),
      ],
      presets.beijing2016,
    );
    const pools = registryPool(registry, '2019-06');
    expect(pools.ordinaryUnits).toEqual([{ code: code(1) }, { code: code(2) }]);
    expect(pools.ordinary).toEqual([{ code: code(3), draws: 0 }]);
    const unitPool = createPool(
      pools.ordinaryUnits.map((u) => ({ ...u, kind: 'unit' as const, weight: 1 })),
      { policy: presets.explicit },
    );
    const { record } = drawLottery(unitPool, { quota: 1, seed: 'units', generator: 'default' });
    registry = applyEvent(registry, {
      type: 'draw-held',
      at: at('2019-06-26', '12:00'),
      period: '2019-06',
      record,
      entrants: 'ordinaryUnits',
    });
    const won = registryToJSON(registry).applications.find((a) => a.status === 'won')!;
    expect(won.kind).toBe('unit');
    expect(won.certificate?.number).toBe('201906U000001');
    expect(refused(registry, applied(4, '2019-06-27', { kind: 'unit', draws: 2 }))[0]?.code).toBe('unknown_field');
  });

  it('2024: families and individuals, a period record, family years counted per year with a draw', () => {
    const policy = presets.beijing2024;
    const members = [
      { personId: 'f-main', role: 'main', steps: 5 },
      { personId: 'f-spouse', role: 'spouse', steps: 5 },
      { personId: 'f-child', role: 'child' },
    ];
    let registry = replayEvents(
      [
        { type: 'applied', at: at('2024-01-05'), code: code(1), personId: 'f-main', kind: 'family', members },
        ...Array.from({ length: 30 }, (_, k) => applied(10 + k, '2024-01-06', { drawsTo2020: k, drawsSince2021: 3 })),
        { type: 'reviewed', at: at('2024-04-01'), code: code(1), approved: true },
        ...Array.from({ length: 30 }, (_, k) => reviewed(10 + k, '2024-04-01')),
      ],
      policy,
    );
    const h1 = registryPool(registry, '2024-h1');
    expect(h1.ordinary[0]).toEqual({ kind: 'family', code: code(1), familyYears: 0, members });
    expect(h1.ordinary[1]).toEqual({ code: code(10), personId: 'p10', drawsTo2020: 0, drawsSince2021: 3 });
    const quotas = {
      'nev/unit': 0,
      'nev/operating': 0,
      'nev/family': 0,
      'nev/individual': 0,
      'ordinary/unit': 0,
      'ordinary/family+individual': 3,
    };
    const plan = planPeriod({ ordinary: h1.ordinary, ordinaryUnits: h1.ordinaryUnits }, policy, {
      period: '2024-h1',
      quotas,
    });
    const { record } = runPeriod(plan.plan, plan.pools, { seed: 'h1-1' });
    registry = applyEvent(registry, { type: 'draw-held', at: at('2024-06-26', '12:00'), period: '2024-h1', record });
    // The unit lottery had quota 0: nothing was drawn there, so no unit draw is held.
    expect(registrySummary(registry).draws).toMatchObject([
      { period: '2024-h1', pool: 'ordinary', winners: 3, size: 31 },
    ]);
    const winners = new Set(
      registryToJSON(registry)
        .applications.filter((a) => a.status === 'won')
        .map((a) => a.code),
    );
    const h2 = registryPool(registry, '2024-h2');
    for (const r of h2.ordinary as readonly { code: string; drawsSince2021?: number; familyYears?: number }[]) {
      expect(winners.has(r.code)).toBe(false);
      if (r.code === code(1))
        expect(r.familyYears).toBe(0); // the 2024 draw counts from 2025 on
      else expect(r.drawsSince2021).toBe(4);
    }
    expect(winners.has(code(1))).toBe(false); // (seed 'h1-1')
    const plan2 = planPeriod({ ordinary: h2.ordinary }, policy, {
      period: '2024-h2',
      quotas: { 'ordinary/unit': 0, 'ordinary/family+individual': 1 },
    });
    const second = runPeriod(plan2.plan, plan2.pools, { seed: 'h2-1' });
    registry = applyEvent(registry, {
      type: 'draw-held',
      at: at('2024-12-26', '12:00'),
      period: '2024-h2',
      record: second.record,
    });
    expect(lookupApplication(registry, code(1), { at: at('2024-12-27') }).status).toBe('in-pool'); // (seed 'h2-1')
    // The next year: one more family year (draw-years), continuation confirmed in December.
    registry = applyEvent(registry, on('continuation-confirmed', 1, '2024-12-28'));
    const family = registryPool(registry, '2025-h1').ordinary.find((r) => r.code === code(1));
    expect(family).toMatchObject({ familyYears: 1 });
    expect(lookupApplication(registry, code(1), { at: at('2025-01-02') })).toMatchObject({
      status: 'in-pool',
      points: ((8 + 7) * 2 + 2) * 2, // main 2 + 5 + 1, spouse 1 + 5 + 1, child 1 + 1; two generations
      removalDue: '2027-01-01',
    });
    // 2021–: continuation only in December, applications only inside the windows.
    const stayed = [...Array(30).keys()]
      .map((k) => 10 + k)
      .find((n) => lookupApplication(registry, code(n), { at: at('2025-01-05') }).status === 'in-pool')!;
    expect(refused(registry, on('continuation-confirmed', stayed, '2025-01-05'))[0]).toMatchObject({
      code: 'invalid_value',
      message: 'continuation is confirmed in month 12 only, not in month 1',
    });
    expect(refused(registry, applied(90, '2025-05-01'))[0]).toMatchObject({ code: 'outside_application_window' });
    expect(
      refused(registry, {
        type: 'applied',
        at: at('2025-01-05'),
        code: code(91),
        personId: 'x',
        kind: 'family',
        members: [{ personId: 'y', role: 'main' }],
      })[0]?.code,
    ).toBe('invalid_family');
    expect(
      refused(registry, {
        type: 'applied',
        at: at('2025-01-05'),
        code: code(92),
        personId: 'z',
        kind: 'family',
        members,
      })[0]?.message,
    ).toMatch(/main applicant’s/);
    expect(
      refused(registry, { type: 'applied', at: at('2025-01-05'), code: code(93), personId: 'z', kind: 'family' })[0]
        ?.code,
    ).toBe('missing_field');
    expect(refused(registry, applied(94, '2025-01-05', { draws: 3 }))[0]?.code).toBe('unknown_field');
  });

  it('createRegistry refuses policies it cannot follow; batches fail whole', () => {
    expect(safeCreateRegistry(presets.explicit).success).toBe(false);
    const registry = createRegistry(presets.beijing2016);
    const batch = safeApplyEvents(registry, [applied(1, '2019-05-01'), reviewed(2, '2019-05-02')]);
    expect(!batch.success && batch.issues[0]).toMatchObject({ code: 'unknown_application', path: [1, 'code'] });
    expect(registry.size).toBe(0);
    const look = safeLookupApplication(registry, 'nope', { at: at('2019-05-01') });
    expect(!look.success && look.issues[0]?.code).toBe('invalid_code');
    const early = safeLookupApplication(sixApplicants(), code(1), { at: at('2019-01-01') });
    expect(!early.success && early.issues[0]?.message).toMatch(/before the registry's last event/);
  });
});

describe('registry JSON and pools', () => {
  it('state → JSON → state is the same registry, and the pools are the same', () => {
    const registry = draw(sixApplicants(), '2019-06', 2, '2019-06-26', 'json');
    const json = registryToJSON(registry);
    const back = registryFromJSON(JSON.parse(JSON.stringify(json)), presets.beijing2016);
    expect(registryToJSON(back)).toEqual(json);
    expect(registryPool(back, '2019-08')).toEqual(registryPool(registry, '2019-08'));
    // …and behaves the same from there.
    const next = (r: Registry): unknown => registryToJSON(applyEvent(r, applied(50, '2019-07-01')));
    expect(next(back)).toEqual(next(registry));
    expect(json.format).toBe('yaohao-registry/1');
  });

  it('registryFromJSON says what does not agree', () => {
    const json = registryToJSON(draw(sixApplicants(), '2019-06', 1, '2019-06-26', 'json'));
    const wrong = structuredClone(json) as unknown as {
      policy: string;
      applications: { certificate?: { rank: number }; code: string; status: string }[];
    };
    wrong.policy = 'beijing2014';
    const winner = wrong.applications.find((a) => a.certificate !== undefined)!;
    winner.certificate!.rank = 2;
    wrong.applications[1]!.code = wrong.applications[0]!.code;
    const result = safeRegistryFromJSON(wrong, presets.beijing2016);
    expect(!result.success && result.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['policy', 'applications']),
    );
    const shape = safeRegistryFromJSON({ format: 'nope' }, presets.beijing2016);
    expect(shape.success).toBe(false);
  });

  it('createRegistryPool is createPool of registryPool', () => {
    const registry = draw(sixApplicants(), '2019-06', 1, '2019-06-26', 'fast');
    const fast = createRegistryPool(registry, '2019-08');
    const slow = createPool(registryPool(registry, '2019-08').ordinary, { policy: presets.beijing2016 });
    expect(commitPool(fast)).toEqual(commitPool(slow));
  });
});

describe('a registry larger than one text segment (65,536 rows)', () => {
  it('keeps every code and person through batches, draws and JSON', () => {
    const n = 70_000;
    const codeAt = (k: number): string => String(7_000_000_000_000 + ((k * 7_919) % n) * 11);
    const events = Array.from({ length: n }, (_, k) => ({
      type: 'applied',
      at: at('2019-05-02'),
      code: codeAt(k),
      personId: `person ${codeAt(k)}`,
      draws: k % 30,
    }));
    let registry = applyEvents(replayEvents(events, presets.beijing2016), [
      ...events.map((e) => ({ type: 'reviewed', at: at('2019-05-20'), code: e.code, approved: true })),
    ]);
    const pool = registryPool(registry, '2019-06').ordinary;
    expect(pool.map((r) => r.code)).toEqual(events.map((e) => e.code).sort());
    expect(pool.find((r) => r.code === codeAt(12_345))?.draws).toBe(12_345 % 30);
    registry = draw(registry, '2019-06', 100, '2019-06-26', 'segments');
    const json = registryToJSON(registry);
    expect(json.applications.find((a) => a.code === codeAt(69_999))?.personId).toBe(`person ${codeAt(69_999)}`);
    expect(JSON.stringify(registryToJSON(registryFromJSON(json, presets.beijing2016)))).toBe(JSON.stringify(json));
    expect(commitPool(createRegistryPool(registry, '2019-08'))).toEqual(
      commitPool(createPool(registryPool(registry, '2019-08').ordinary, { policy: presets.beijing2016 })),
    );
  });
});
