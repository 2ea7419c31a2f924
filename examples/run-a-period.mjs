// A whole 2024 allocation period as one auditable plan: plan (publish the digest), run with one
// seed, verify by replay. Run: npm run build && node examples/run-a-period.mjs
import { planPeriod, presets, runPeriod, syntheticPeriodInput, verifyPeriod } from 'yaohao';

// A synthetic population (codes and made-up person ids only). Real services pass their lists:
// nevUnits, nevOperators, nevFamilies, nevIndividuals, ordinaryUnits, ordinary.
const input = syntheticPeriodInput({
  year: 2024,
  nevUnits: 150,
  nevOperators: 80,
  nevFamilies: 1200,
  nevIndividuals: 2500,
  ordinaryUnits: 400,
  ordinaryIndividuals: 6000,
  ordinaryFamilies: 700,
});

// The published 2024 figures are in the preset; this small population gets quotas scaled down.
const quotas = {
  'nev/unit': 50,
  'nev/operating': 30,
  'nev/family': 500,
  'nev/individual': 300,
  'ordinary/unit': 40,
  'ordinary/family+individual': 480,
};

// 1. Before the seed: plan and publish the digest. Rankings need no seed, so families not served
//    by the new-energy ranking already know whether they continue into the June lottery.
const { plan, pools } = planPeriod(input, presets.beijing2024, { period: '2024-h1', quotas });
console.log(`plan ${plan.period}: ${plan.subDraws.length} sub-draws, total ${plan.total}, digest ${plan.digest}`);
for (const d of plan.subDraws) {
  const joined = d.joinedFamilies ? ` (+${d.joinedFamilies} NEV families joined)` : '';
  console.log(
    `  ${d.label.padEnd(28)} ${d.method.padEnd(7)} quota ${String(d.quota).padStart(4)}  entrants ${String(d.pool.size).padStart(5)}${joined}`,
  );
}

// 2. The seed exists: run every sub-draw. One period seed; each lottery gets its own stream.
const { record, results } = runPeriod(plan, pools, { seed: 'drand round 4513224: 8f1a…' });
for (const r of results)
  console.log(`  ${r.label.padEnd(28)} ${r.winners.length} winners, first ${r.winners[0]?.code ?? '-'}`);
const ties = results.flatMap((r) =>
  r.method === 'ranking' ? r.boundaryTies.map((t) => `${r.label}: ${t.within.length} in, ${t.outside.length} out`) : [],
);
console.log(`boundary ties decided by code: ${ties.length === 0 ? 'none' : ties.join('; ')}`);

// 3. Anyone: rebuild the entrants from the published input and replay the whole period.
const auditor = planPeriod(JSON.parse(JSON.stringify(input)), presets.beijing2024, { period: '2024-h1', quotas });
const verdict = verifyPeriod(JSON.parse(JSON.stringify(record)), auditor.pools);
console.log(`replay: ${verdict.ok ? 'ok' : `${verdict.subDraw}: ${verdict.message}`}`);
if (!verdict.ok || auditor.plan.digest !== plan.digest) process.exitCode = 1;
