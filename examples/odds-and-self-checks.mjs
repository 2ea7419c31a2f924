// Odds, waiting time and self-checks on a Beijing-like pool of 200,000 applications.
// Run: npm run build && node examples/odds-and-self-checks.mjs
import {
  createPool,
  drawLottery,
  poolComposition,
  presets,
  seedEntropy,
  selfCheck,
  syntheticBeijingRecords,
  waitingTime,
  winProbabilities,
} from 'yaohao';

const pool = createPool(syntheticBeijingRecords({ size: 200_000 }), { policy: presets.beijing2016 });
const quota = 400;

// 1. Exact odds per weight class, next to the naive base rate (quota ÷ entries × weight).
const odds = winProbabilities(pool, quota);
console.log(`exact odds, quota ${quota} of ${pool.size} applications (error ≤ ${odds.errorBound.toExponential(1)}):`);
for (const c of odds.classes)
  console.log(
    `  weight ${String(c.weight).padStart(2)}: P(win) ${(c.probability * 100).toFixed(4)} %, base rate ${(c.baseRate * 100).toFixed(4)} %, expected winners ${c.expectedWinners.toFixed(1)}`,
  );
const total = odds.classes.reduce((sum, c) => sum + c.expectedWinners, 0);
if (Math.abs(total - quota) > 1e-6) console.log(`FAILED: expected winners add up to ${total}`);

// 2. One applicant who entered 30 draws: the wait, with steps growing by the policy.
const wait = waitingTime({ draws: 30 }, presets.beijing2016, { classes: poolComposition(pool).classes, quota });
console.log(
  `an applicant with 30 draws: ${(wait.periods[0].probability * 100).toFixed(3)} % now; median wait ${wait.median} draws, 95 % by ${wait.p95}, mean ${wait.mean.toFixed(1)}`,
);

// 3. A draw, its self-check, and its seed.
const { record } = drawLottery(pool, { quota, seed: '033859', generator: 'legacy' });
const check = selfCheck(pool, record);
for (const t of check.tests.filter((t) => t.name !== 'weight-class'))
  console.log(
    `  ${t.passed ? 'pass' : 'FAILED'} ${t.name}: p = ${t.pValue.toFixed(3)} (threshold ${t.threshold.toExponential(1)})`,
  );
console.log(check.ok ? 'the honest draw passes every check' : 'FAILED: an honest draw was flagged');

// A doctored record: every winner moved to its code's first entry (pass 1) — caught by the passes.
const doctored = { ...record, winners: record.winners.map((w) => ({ ...w, entry: pool.firstEntryOf(w.code) })) };
const flagged = selfCheck(pool, doctored);
console.log(
  flagged.ok
    ? 'FAILED: the doctored draw was not detected'
    : `doctored draw flagged by: ${flagged.tests
        .filter((t) => !t.passed)
        .map((t) => t.name)
        .join(', ')}`,
);

const entropy = seedEntropy(record.seed, record.generator, pool, quota);
console.log(`seed: ${entropy.seedBits.toFixed(2)} bits; outcomes: ${entropy.outcomeBits.toFixed(0)} bits`);
if (entropy.warning) console.log(`warning: ${entropy.warning}`);
