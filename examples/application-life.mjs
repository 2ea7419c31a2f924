// Two years of one person's application, as the official site would show it: the calendar, the
// review, the pool, two draws lost, a win, the certificate confirmed and used. The registry is a
// fold of events; every pool is derived from it and drawn for real; an auditor checks that the
// second pool follows from the first. Run: npm run build && node examples/application-life.mjs
import { readFileSync } from 'node:fs';
import {
  applyEvent,
  applyEvents,
  checkContinuity,
  createPool,
  createRegistry,
  drawCalendar,
  drawLottery,
  lookupApplication,
  presets,
  registryFromJSON,
  registryPool,
  registrySummary,
  registryToJSON,
  reviewApplication,
} from 'yaohao';

const policy = presets.beijing2024;
const at = (date, time = '10:00') => `${date}T${time}:00+08:00`;
// Example holiday data (see the file): a draw due on a holiday moves to the next working day.
const { holidays, workdays } = JSON.parse(readFileSync(new URL('holidays-2024.json', import.meta.url), 'utf8'));

// The year on the calendar.
const calendar = drawCalendar(policy, 2024, { holidays, workdays });
console.log('2024 calendar:');
for (const e of calendar.filter((e) => e.category === 'ordinary' || e.kind === 'draw'))
  console.log(
    `  ${e.date}  ${e.period}  ${e.category.padEnd(8)} ${e.kind}${e.movedFrom ? ` (due ${e.movedFrom})` : ''}`,
  );

// Li Na applies in the first window of 2024. The review looks at facts (yaohao calls no government
// system): her ID, a Beijing hukou, no car, a valid licence.
const CODE = '5123100000042';
const facts = { residentId: '11010519491231002X', beijingHukou: true, licence: { validUntil: '2030-05-01' } };
const review = reviewApplication(facts, policy, { at: at('2024-01-10') });
console.log(
  `\nreview of her application: ${review.approved ? 'approved' : review.reasons.map((r) => r.code).join(', ')}`,
);

// 2,000 other applicants (codes and made-up ids only), and her own application with its history.
const others = Array.from({ length: 2000 }, (_, k) => ({
  code: String(1_000_100_000_000 + k * 4_999),
  personId: `other-${k}`,
  drawsTo2020: (k * 7) % 48,
  drawsSince2021: (k * 3) % 7,
}));
let registry = applyEvents(createRegistry(policy), [
  { type: 'applied', at: at('2024-01-10'), code: CODE, personId: 'li-na', drawsTo2020: 14, drawsSince2021: 5 },
  ...others.map((o) => ({ type: 'applied', at: at('2024-01-15'), ...o })),
]);

// What the site shows her, day by day.
const WORDS = {
  'in-review': '审核中 in review',
  rejected: '审核未通过 rejected',
  'in-pool': '在摇号池 in the pool',
  won: '恭喜您获得指标 won',
  forfeited: 'forfeited',
  expired: 'expired',
  removed: 'removed',
  unknown: 'not found',
};
function show(date, time = '18:00') {
  const seen = lookupApplication(registry, CODE, { at: at(date, time), holidays, workdays });
  const details =
    seen.status === 'in-review'
      ? `review results on ${seen.reviewResultsOn}`
      : seen.status === 'in-pool'
        ? `${seen.draws} draws counted (累计摇号次数), ${seen.steps} steps in the next draw, ${seen.nextDraw.period} on ${seen.nextDraw.date}; renew by ${seen.removalDue}`
        : seen.status === 'won'
          ? `certificate ${seen.certificate}, confirm by ${seen.confirmBy}, valid until ${seen.validUntil}${seen.confirmedAt ? `; confirmed ${seen.confirmedAt}` : ''}${seen.usedAt ? `; car registered ${seen.usedAt}` : ''}`
          : '';
  console.log(`  ${date}  ${WORDS[seen.status]}${details ? ` — ${details}` : ''}`);
}
console.log(`\napplication ${CODE}, as the site shows it:`);
show('2024-01-15');

registry = applyEvents(registry, [
  { type: 'reviewed', at: at('2024-04-09'), code: CODE, approved: true },
  ...others.map((o, k) => ({ type: 'reviewed', at: at('2024-04-09'), code: o.code, approved: k % 50 !== 0 })),
]);
show('2024-04-09');

// A draw: the registry's pool for the period, committed and drawn; the record goes back in.
const pools = {};
function hold(period, date, quota, seed) {
  const records = registryPool(registry, period).ordinary;
  const pool = createPool(records, { policy });
  const { record } = drawLottery(pool, { quota, seed, generator: 'default', label: 'ordinary/family+individual' });
  registry = applyEvent(registry, { type: 'draw-held', at: at(date, '12:00'), period, record });
  pools[period] = { pool, record };
  const mine = record.winners.findIndex((w) => w.code === CODE);
  console.log(
    `  ${date}  draw ${period}: ${pool.size} applications, ${quota} winners${mine >= 0 ? ` — she is number ${mine + 1}` : ' — 很遗憾, not this time'}`,
  );
  return record;
}
hold('2024-h1', '2024-06-26', 40, '271828'); // 6-digit seeds, as drawn on stage
show('2024-06-27');
// Every winner but the first confirms in time; the first lets the 72 hours pass.
const confirmAll = (record, date) =>
  record.winners.slice(1).map((w) => ({ type: 'quota-confirmed', at: at(date), code: w.code }));
registry = applyEvents(registry, confirmAll(pools['2024-h1'].record, '2024-06-27'));
registry = applyEvent(registry, { type: 'continuation-confirmed', at: at('2024-12-02'), code: CODE });
show('2024-12-02');
hold('2024-h2', '2024-12-26', 40, '314159');
registry = applyEvents(registry, confirmAll(pools['2024-h2'].record, '2024-12-27'));
show('2024-12-27');

// The yearly cleanup on 1 January removes applications not renewed for 24 months (none yet).
registry = applyEvent(registry, { type: 'cleanup', at: at('2025-01-01', '00:00') });

// An auditor with only the published pools and record checks that the second pool follows from the first.
const continuity = checkContinuity(pools['2024-h1'].pool, pools['2024-h1'].record, pools['2024-h2'].pool);
console.log(
  `\nauditor: 2024-h2 follows from 2024-h1: ${continuity.ok ? 'ok' : 'PROBLEMS'} (${continuity.winners} winners gone, ${continuity.stayed} stayed, ${continuity.moreEntries} gained a step)`,
);

console.log(`\napplication ${CODE}, 2025:`);
hold('2025-h1', '2025-06-26', 40, '391454');
show('2025-06-26', '13:00');
registry = applyEvents(registry, confirmAll(pools['2025-h1'].record, '2025-06-27'));
if (pools['2025-h1'].record.winners[0].code === CODE)
  registry = applyEvent(registry, { type: 'quota-confirmed', at: at('2025-06-27'), code: CODE });
registry = applyEvent(registry, { type: 'vehicle-registered', at: at('2025-09-01'), code: CODE });
show('2025-09-01');

// The registry is JSON and back, the same state.
const json = registryToJSON(registry);
const same = JSON.stringify(registryToJSON(registryFromJSON(json, policy))) === JSON.stringify(json);
const summary = registrySummary(registry);
console.log(
  `\nregistry: ${summary.applications} applications — ${Object.entries(summary.byStatus)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ')}`,
);
for (const d of summary.draws)
  console.log(
    `  draw ${d.period}: ${d.winners} winners — ${d.used} used, ${d.confirmed} confirmed, ${d.forfeited} forfeited (returned), ${d.expired} expired, ${d.awaitingConfirmation} awaiting`,
  );
console.log(`JSON round trip: ${same ? 'same registry' : 'DIFFERENT'}`);
if (!continuity.ok || !same || lookupApplication(registry, CODE, { at: at('2025-09-01', '18:00') }).status !== 'won')
  process.exitCode = 1;
