// Family applications (2021–): points with a readable breakdown, and a mixed ordinary pool where
// a family's code enters once per point next to individuals who enter once per step.
// Run: npm run build && node examples/family-points.mjs
import { createPool, drawLottery, familyPoints, presets, verifyRecord } from 'yaohao';

const policy = presets.beijing2024;

// The official example: 3 generations, 8 people; main, spouse and two others at step 5.
const family = {
  kind: 'family',
  code: '3141500000001',
  members: [
    { personId: 'main', role: 'main', steps: 5 },
    { personId: 'spouse', role: 'spouse', steps: 5 },
    { personId: 'father', role: 'parent', steps: 5 },
    { personId: 'mother', role: 'parent' },
    { personId: 'father-in-law', role: 'spouse-parent' },
    { personId: 'mother-in-law', role: 'spouse-parent' },
    { personId: 'son', role: 'child', steps: 5 },
    { personId: 'daughter', role: 'child' },
  ],
};
const points = familyPoints(family, policy);
console.log(`family points: ${points.formula}`);
for (const m of points.members) {
  console.log(
    `  ${m.role.padEnd(13)} base ${m.base} + steps ${m.stepPoints} + queue ${m.queuePoints} + family years ${m.familyYearPoints} = ${m.points}${m.factor > 1 ? ` (× ${m.factor})` : ''}`,
  );
}

// A family whose members give raw draw counts: the policy computes their steps (C5 adds one).
const computed = familyPoints(
  {
    kind: 'family',
    code: '2718200000002',
    familyYears: 1,
    members: [
      { personId: 'a', role: 'main', drawsTo2020: 30, drawsSince2021: 4, c5: true },
      { personId: 'b', role: 'spouse', queueSince: '2019-05-20T09:30:00.000+08:00' },
    ],
  },
  policy,
);
console.log(`computed from history: ${computed.formula}`);

// The mixed ordinary pool: families by points, individuals by steps (the draw being held counts).
const pool = createPool(
  [
    family,
    { code: '1000000000009', personId: 'solo-1', drawsTo2020: 48, drawsSince2021: 6 },
    { code: '1000000000010', personId: 'solo-2' },
    { code: '1000000000011', personId: 'solo-3', steps: 12 },
  ],
  { policy },
);
for (const a of pool.applications())
  console.log(`  ${a.code} ${a.kind.padEnd(10)} ${a.weight} ${a.weight === 1 ? 'entry' : 'entries'}`);
const { winners, record } = drawLottery(pool, {
  quota: 2,
  seed: '2024-06-26 public seed',
  generator: 'default',
  label: 'ordinary/family+individual',
});
console.log(`winners: ${winners.map((w) => `${w.code} (${w.kind})`).join(', ')}`);
console.log(`replay: ${verifyRecord(record, pool).ok ? 'ok' : 'FAILED'}`);
