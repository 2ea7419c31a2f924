import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_SCHEMAS,
  applyEvent,
  applyEvents,
  commitPool,
  createPool,
  createRegistry,
  createRegistryPool,
  drawLottery,
  presets,
  registryFromJSON,
  registryPool,
  registrySummary,
  registryToJSON,
  replayEvents,
  safeApplyEvent,
  type Registry,
  type RegistryEvent,
} from '../../src/index';
import { readPlainEvent } from '../../src/lifecycle/internal/plainEvent';
import { CodeIndex } from '../../src/lifecycle/internal/CodeIndex';
import { TextColumn } from '../../src/lifecycle/internal/TextColumn';
import { PersistentMap } from '../../src/lifecycle/internal/PersistentMap';

const policy = presets.beijing2016;
type Registry2016 = Registry<typeof policy>;
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const iso = (ms: number): string => {
  const local = new Date(ms + BEIJING).toISOString(); // test-side formatting only
  return `${local.slice(0, 23)}+08:00`;
};
const codeOf = (k: number): string => String(3_000_100_000_000 + k * 7919);

type Action =
  | {
      readonly kind: 'apply' | 'approve' | 'reject' | 'confirm' | 'register' | 'continue' | 'cancel';
      readonly who: number;
      readonly days: number;
    }
  | { readonly kind: 'cleanup'; readonly days: number };

// Weighted towards whole lives: most actions apply, approve or confirm; days are mostly short, so
// confirmations land both inside and outside the 72 hours.
const who = fc.nat({ max: 5 });
const days = fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 30 }));
const personAction = (kind: Exclude<Action['kind'], 'cleanup'>, weight: number): fc.WeightedArbitrary<Action> => ({
  arbitrary: fc.record({ kind: fc.constant(kind), who, days }),
  weight,
});
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  personAction('apply', 4),
  personAction('approve', 4),
  personAction('reject', 1),
  personAction('confirm', 4),
  personAction('register', 2),
  personAction('continue', 1),
  personAction('cancel', 1),
  { arbitrary: fc.record({ kind: fc.constant('cleanup' as const), days: fc.nat({ max: 40 }) }), weight: 1 },
);

/**
 * A valid event log from a script: actions in time order, a draw (quota 1–2) of the registry's own
 * pool on the 26th of every even month, events the state refuses left out. The registry is
 * folded one event at a time as it is built.
 */
function logFrom(
  actions: readonly Action[],
  quotas: readonly number[],
): { log: RegistryEvent[]; registry: Registry2016 } {
  let registry = createRegistry(policy);
  const log: RegistryEvent[] = [];
  let now = Date.UTC(2019, 0, 1) - BEIJING;
  let drawIndex = 0;
  // Events a draw's winners will send later (confirmations, registrations), by time.
  const pending: { at: number; event: RegistryEvent }[] = [];
  const nextDraw = (): { at: number; period: string } => {
    const year = 2019 + Math.floor(drawIndex / 6);
    const month = 2 * ((drawIndex % 6) + 1);
    return { at: Date.UTC(year, month - 1, 26, 12) - BEIJING, period: `${year}-${String(month).padStart(2, '0')}` };
  };
  const push = (event: RegistryEvent): void => {
    const result = safeApplyEvent(registry, event);
    // A draw of the registry's own pool is always accepted (its size is the registry's count).
    if (!result.success && event.type === 'draw-held') throw new Error(result.issues[0]!.message);
    if (!result.success) return;
    registry = result.value;
    log.push(event);
  };
  const hold = (d: { at: number; period: string }): void => {
    const records = registryPool(registry, d.period).ordinary;
    if (records.length > 0) {
      const pool = createPool(records, { policy });
      const quota = quotas[drawIndex % quotas.length]!;
      const { record } = drawLottery(pool, { quota, seed: `draw ${drawIndex}`, generator: 'default' });
      push({ type: 'draw-held', at: iso(d.at), period: d.period, record });
      // Winners confirm 1, 26, 51 or 76 hours later (the last too late), and some register a car
      // 100, 300 or 500 days later (the last after the 12 months).
      record.winners.forEach(({ code }) => {
        const spread = (Number(code.slice(-3)) + drawIndex) % 4;
        pending.push({ at: d.at + (spread * 25 + 1) * 3_600_000, event: { type: 'quota-confirmed', at: '', code } });
        pending.push({ at: d.at + (100 + spread * 200) * DAY, event: { type: 'vehicle-registered', at: '', code } });
      });
      pending.sort((x, y) => x.at - y.at);
    }
    drawIndex++;
  };
  // Everything due by `time`, draws and winners' events, in time order.
  const advance = (time: number): void => {
    for (;;) {
      const draw = nextDraw();
      const next = pending[0];
      if (next !== undefined && next.at <= time && next.at < draw.at) {
        pending.shift();
        push({ ...next.event, at: iso(next.at) });
      } else if (draw.at <= time) hold(draw);
      else return;
    }
  };
  for (const action of actions) {
    now += action.days * DAY + 3_600_000;
    if (action.kind === 'cleanup') {
      // The first of the next month, at midnight.
      const local = new Date(now + BEIJING);
      now = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING;
    }
    advance(now);
    const at = iso(now);
    if (action.kind === 'cleanup') {
      push({ type: 'cleanup', at });
      continue;
    }
    const code = target(registry, action.kind, action.who);
    switch (action.kind) {
      case 'apply':
        push({
          type: 'applied',
          at,
          code,
          personId: `person ${code}`,
          draws: action.who % 3,
          ...(action.who === 4 ? { c5: true } : {}),
        });
        break;
      case 'approve':
      case 'reject':
        push({ type: 'reviewed', at, code, approved: action.kind === 'approve' });
        break;
      default:
        push({
          type: {
            confirm: 'quota-confirmed',
            register: 'vehicle-registered',
            continue: 'continuation-confirmed',
            cancel: 'cancelled',
          }[action.kind] as 'cancelled',
          at,
          code,
        });
    }
  }
  // Two years on, one more application: every confirmation window and validity has ended by then.
  now += 800 * DAY;
  advance(now);
  push({ type: 'applied', at: iso(now), code: codeOf(999), personId: 'late', draws: 0 });
  return { log, registry };
}

// The application an action is about: one whose status allows it, when there is one (so most
// actions are accepted), else a plain code (so refusals are exercised too).
const WANTS: Readonly<Record<string, readonly string[]>> = {
  apply: ['rejected', 'removed'],
  approve: ['in-review'],
  reject: ['in-review'],
  confirm: ['won'],
  register: ['won'],
  continue: ['in-pool', 'in-review'],
  cancel: ['in-pool', 'in-review'],
};
function target(registry: Registry, kind: string, who: number): string {
  const candidates = registryToJSON(registry)
    .applications.filter((a) => WANTS[kind]!.includes(a.status))
    .map((a) => a.code);
  if (kind === 'apply' && who % 2 === 0) return codeOf(who);
  return candidates.length > 0 ? candidates[who % candidates.length]! : codeOf(who);
}

const scriptArb = fc.record({
  actions: fc.array(actionArb, { minLength: 5, maxLength: 45 }),
  quotas: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
});

const json = (registry: Registry): string => JSON.stringify(registryToJSON(registry));

describe('the registry is a pure fold', () => {
  it('any split of an event log into batches replays to the same state as one event at a time', () => {
    fc.assert(
      fc.property(scriptArb, fc.array(fc.nat(), { maxLength: 4 }), ({ actions, quotas }, cuts) => {
        const { log, registry } = logFrom(actions, quotas);
        const expected = json(registry);
        expect(json(replayEvents(log, policy))).toBe(expected);
        const points = [...new Set(cuts.map((c) => c % (log.length + 1)))].sort((a, b) => a - b);
        let split = createRegistry(policy);
        let from = 0;
        for (const point of [...points, log.length]) {
          split = applyEvents(split, log.slice(from, point));
          from = point;
        }
        expect(json(split)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('state → JSON → state is identity, and the restored registry goes on the same way', () => {
    fc.assert(
      fc.property(scriptArb, fc.nat(), ({ actions, quotas }, cut) => {
        const { log } = logFrom(actions, quotas);
        const k = cut % (log.length + 1);
        const head = replayEvents(log.slice(0, k), policy);
        const restored = registryFromJSON(JSON.parse(json(head)), policy);
        expect(json(restored)).toBe(json(head));
        expect(json(applyEvents(restored, log.slice(k)))).toBe(json(applyEvents(head, log.slice(k))));
      }),
      { numRuns: 40 },
    );
  });

  // How often the generated lives reach each end (checked after the property, so it cannot pass vacuously).
  const seen = { forfeited: 0, expired: 0, used: 0 };

  it('no event sequence loses an application: every code applied for is in exactly one status', () => {
    fc.assert(
      fc.property(scriptArb, ({ actions, quotas }) => {
        const { log, registry } = logFrom(actions, quotas);
        const summary = registrySummary(registry);
        seen.forfeited += summary.byStatus.forfeited;
        seen.expired += summary.byStatus.expired;
        seen.used += summary.draws.reduce((n, d) => n + d.used, 0);
        const applied = new Set(log.flatMap((e) => (e.type === 'applied' ? [e.code] : [])));
        expect(summary.applications).toBe(applied.size);
        expect(Object.values(summary.byStatus).reduce((a, b) => a + b, 0)).toBe(applied.size);
        const codes = registryToJSON(registry).applications.map((a) => a.code);
        expect(new Set(codes)).toEqual(applied);
        expect(codes.length).toBe(applied.size);
        for (const draw of summary.draws)
          expect(draw.awaitingConfirmation + draw.confirmed + draw.used + draw.forfeited + draw.expired).toBe(
            draw.winners,
          );
      }),
      { numRuns: 40 },
    );
    expect(seen.forfeited).toBeGreaterThan(0);
    expect(seen.expired).toBeGreaterThan(0);
    expect(seen.used).toBeGreaterThan(0);
  });

  it('the pool has the same commitment in every order of the events that gives the same state', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 500 }), { minLength: 1, maxLength: 30 }),
        fc.func(fc.integer()),
        (people, rank) => {
          // Applications and approvals at the same moments, in any order (each approval after its application).
          const applications = people.map((k) => ({
            type: 'applied',
            at: '2019-05-02T09:00:00+08:00',
            code: codeOf(k),
            personId: `p${k}`,
            draws: k % 40,
          }));
          const approvals = people.map((k) => ({
            type: 'reviewed',
            at: '2019-05-10T09:00:00+08:00',
            code: codeOf(k),
            approved: true,
          }));
          const shuffle = <T>(events: T[]): T[] =>
            events
              .map((e, i) => ({ e, key: rank(i) }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.e);
          const a = replayEvents([...applications, ...approvals], policy);
          const b = applyEvents(replayEvents(shuffle(applications), policy), shuffle(approvals));
          let c = createRegistry(policy);
          for (const event of [...shuffle(applications), ...shuffle(approvals)]) c = applyEvent(c, event);
          expect(json(b)).toBe(json(a));
          expect(json(c)).toBe(json(a));
          const commit = (r: Registry2016): string =>
            commitPool(createPool(registryPool(r, '2019-06').ordinary, { policy })).digest;
          expect(commit(b)).toBe(commit(a));
          expect(commit(c)).toBe(commit(a));
          expect(commitPool(createRegistryPool(c, '2019-06')).digest).toBe(commit(a));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('createRegistryPool builds the same pool as createPool(registryPool(…))', () => {
    fc.assert(
      fc.property(scriptArb, ({ actions, quotas }) => {
        const { registry } = logFrom(actions, quotas);
        const period = nextPeriod(registry);
        const slow = createPool(registryPool(registry, period).ordinary, { policy });
        expect(commitPool(createRegistryPool(registry, period))).toEqual(commitPool(slow));
      }),
      { numRuns: 30 },
    );
  });
});

function nextPeriod(registry: Registry): string {
  const draws = registryToJSON(registry).draws;
  const last = draws[draws.length - 1]?.period ?? '2018-12';
  const [year, month] = last.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-02` : `${year}-${String(month + 2).padStart(2, '0')}`;
}

describe('the fast event reader', () => {
  it('accepts only what the event schemas accept, and returns the event unchanged', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -2, max: 5 }),
      fc.constantFrom(
        '',
        'x',
        'individual',
        'family',
        'unit',
        '1000100000001',
        '2019-05-02T09:00:00+08:00',
        '2019-02-30T09:00:00+08:00',
      ),
      fc.double(),
    );
    const eventArb = fc.record(
      {
        type: fc.constantFrom('applied', 'reviewed', 'cancelled', 'quota-confirmed', 'cleanup', 'nope'),
        at: fc.constantFrom('2019-05-02T09:00:00+08:00', '2019-05-02 09:00', '2019-02-30T09:00:00+08:00'),
        code: fc.constantFrom('1000100000001', '123', 5),
        personId: fc.oneof(fc.string({ maxLength: 3 }), value),
        kind: value,
        draws: value,
        c5: value,
        approved: value,
        reasons: fc.constant([]),
        extra: value,
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(eventArb, (event) => {
        const plain = readPlainEvent(event);
        if (plain === undefined) return;
        expect(plain.event).toBe(event);
        expect(plain.at).toBeGreaterThan(0);
        const schema = EVENT_SCHEMAS[event.type as RegistryEvent['type']];
        expect(schema.safeParse(event).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('internal maps', () => {
  it('PersistentMap behaves like a Map, and earlier versions never change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.nat({ max: 64 }), fc.maxSafeNat()), fc.integer()), { maxLength: 300 }),
        (writes) => {
          let map = PersistentMap.empty<number>();
          const model = new Map<number, number>();
          const versions: [PersistentMap<number>, Map<number, number>][] = [];
          for (const [key, value] of writes) {
            map = map.set(key, value);
            model.set(key, value);
            versions.push([map, new Map(model)]);
          }
          for (const [version, expected] of versions) {
            expect(version.size).toBe(expected.size);
            for (const [key, value] of expected) expect(version.get(key)).toBe(value);
            expect([...version.values()].sort((a, b) => a - b)).toEqual([...expected.values()].sort((a, b) => a - b));
          }
          expect(map.get(-1)).toBeUndefined();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('PersistentMap keeps keys whose 32-bit hashes collide apart', () => {
    // hash(2^32 + x) mixes x with the high half: it equals hash(x ^ 0x9e3779b1).
    const pairs = [5, 77, 1 << 20].map((x) => [2 ** 32 + x, (x ^ 0x9e3779b1) >>> 0] as const);
    let map = PersistentMap.empty<string>();
    for (const [a, b] of pairs) map = map.set(a, `a${a}`).set(b, `b${b}`);
    for (const [a, b] of pairs) {
      expect(map.get(a)).toBe(`a${a}`);
      expect(map.get(b)).toBe(`b${b}`);
    }
    const replaced = map.set(pairs[0]![1], 'new');
    expect(replaced.get(pairs[0]![1])).toBe('new');
    expect(map.get(pairs[0]![1])).toBe(`b${pairs[0]![1]}`);
    expect(replaced.size).toBe(6);
    expect(map.set(2 ** 32 + 6, 'third').size).toBe(7);
  });

  it('TextColumn behaves like an array across its segments; copies and reorderings leave it alone', () => {
    const texts = Array.from({ length: 140_000 }, (_, i) => (i % 3 === 0 ? `p${i}` : `person with a long id ${i}`));
    const column = new TextColumn();
    for (const text of texts) column.push(text);
    expect(column.length).toBe(texts.length);
    for (const i of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, 139_999]) expect(column.get(i)).toBe(texts[i]);
    const copy = column.copy();
    copy.push('one more');
    expect(column.length).toBe(texts.length);
    expect(copy.get(texts.length)).toBe('one more');
    const order = Uint32Array.from(texts.keys()).reverse();
    const reversed = column.permuted(order);
    expect(Array.from(texts.keys(), (i) => reversed.get(i))).toEqual([...texts].reverse());
    // A merge: long runs of consecutive rows with a few others between (moved as whole slices).
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 139_998 }), { maxLength: 20 }), (moved) => {
        const rest = [...texts.keys()].filter((i) => !moved.includes(i));
        const merged = Uint32Array.from([...rest.slice(0, 70_000), ...moved, ...rest.slice(70_000)]);
        const out = column.permuted(merged);
        expect(out.length).toBe(texts.length);
        const checked = [
          0,
          65_535,
          65_536,
          131_071,
          131_072,
          139_999,
          ...Array.from({ length: 60 }, (_, j) => 69_980 + j),
        ];
        for (const k of checked) expect(out.get(k)).toBe(texts[merged[k]!]);
      }),
      { numRuns: 20 },
    );
  });

  it('CodeIndex behaves like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.maxSafeNat(), fc.nat({ max: 1 << 30 })), { maxLength: 3000 }), (writes) => {
        const index = new CodeIndex(4);
        const model = new Map<number, number>();
        for (const [key, row] of writes) {
          index.set(key, row);
          model.set(key, row);
        }
        expect(index.size).toBe(model.size);
        for (const [key, row] of model) expect(index.get(key)).toBe(row);
        expect(index.get(0.5)).toBe(-1);
      }),
      { numRuns: 50 },
    );
  });
});
