// Odds, Monte Carlo, waiting time and self-checks at city scale (issue 10).
// Run: npm run build && node bench/odds.mjs [--quick] [--only mixed,monte-carlo,wait,selfcheck]
// (--quick: a tenth of the size, fewer seeds)
// Prints figures and PASS/FAIL lines against the targets; paste them into docs/benchmarks.md.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  createPool,
  drawLottery,
  mergeSimulations,
  poolComposition,
  presets,
  selfCheck,
  simulateDraws,
  syntheticBeijingRecords,
  syntheticMixedPool,
  waitingTime,
  winProbabilities,
} from '../dist/node.js';
import { median } from './median.mjs';

const quick = process.argv.includes('--quick');
// --only mixed,monte-carlo,wait,selfcheck runs those sections (exact odds always run).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
const wanted = (section) => only === undefined || only.includes(section);
const SIZE = quick ? 310_000 : 3_100_000;
const QUOTA = quick ? 640 : 6400;
const RUNS = quick ? 1_000 : 10_000;
const HONEST_SEEDS = quick ? 200 : 1_000; // per generator
const DOCTORED_SEEDS = quick ? 10 : 40;
const beijingPool = () => createPool(syntheticBeijingRecords({ size: SIZE }), { policy: presets.beijing2016 });

/**
 * Splits `runs` over `processes` child processes, one per core (each builds its pool first, untimed);
 * the merged result, the wall time, and each child's own CPU time — which, unlike the wall time on a
 * shared host, does not depend on what else runs.
 */
async function simulateInProcesses(runs, processes, seed) {
  const children = Array.from({ length: processes }, () =>
    fork(fileURLToPath(import.meta.url), ['--simulate-part', ...(quick ? ['--quick'] : [])]),
  );
  await Promise.all(children.map((child) => once(child, 'message')));
  const load = loadavg()[0];
  const started = performance.now();
  const share = Math.ceil(runs / processes);
  const parts = await Promise.all(
    children.map((child, k) => {
      const answer = once(child, 'message');
      child.send({ runs: Math.min(share, runs - k * share), firstRun: k * share, seed });
      return answer.then(([message]) => message);
    }),
  );
  const ms = performance.now() - started;
  return {
    result: mergeSimulations(parts.map((p) => p.result)),
    ms,
    partMs: parts.map((p) => p.ms),
    cpuMs: parts.map((p) => p.cpuMs),
    load: [load, loadavg()[0]],
  };
}

const timeRuns = (n, work) => {
  const times = [];
  let value;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    value = work();
    times.push(performance.now() - started);
  }
  return { value, first: times[0], median: median(times.slice(1)) };
};
const fmt = (x) => x.toLocaleString('en-US');
const ms = (x) => `${x.toFixed(0)} ms`;
const checks = [];
const check = (ok, text) => checks.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);

/** The entry of application `index` in pass `pass` of the real layout (binary search within the pass). */
function entryFinder(pool) {
  const { classes } = poolComposition(pool);
  const starts = [];
  let atLeast = pool.size;
  let entry = 0;
  let previous = 0;
  for (const c of classes) {
    starts.push({ from: previous + 1, to: c.weight, entry, size: atLeast });
    entry += (c.weight - previous) * atLeast;
    previous = c.weight;
    atLeast -= c.count;
  }
  return (index, pass) => {
    const group = starts.find((g) => pass >= g.from && pass <= g.to);
    let low = group.entry + (pass - group.from) * group.size + 1;
    let high = low + group.size - 1;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (pool.indexAtEntry(mid) < index) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${quick ? ' (quick)' : ''}`,
  );
  let started = performance.now();
  const pool = beijingPool();
  const { classes } = poolComposition(pool);
  console.log(
    `\n## Beijing-scale pool: ${fmt(pool.size)} applications, ${fmt(pool.totalEntries)} entries, ${classes.length} weight classes, quota ${fmt(QUOTA)} (built in ${ms(performance.now() - started)})`,
  );

  // 1. Exact odds.
  const odds = timeRuns(10, () => winProbabilities(pool, QUOTA));
  const sum = odds.value.classes.reduce((s, c) => s + c.expectedWinners, 0);
  console.log(
    `exact odds: ${ms(odds.median)} (median of 9 after a first run of ${ms(odds.first)}), error bound ${odds.value.errorBound.toExponential(1)}, Σ expected winners − quota = ${(sum - QUOTA).toExponential(1)}`,
  );
  for (const c of odds.value.classes)
    console.log(
      `  weight ${String(c.weight).padStart(2)}  ${fmt(c.count).padStart(9)}  P ${c.probability.toPrecision(12)}  base rate ${c.baseRate.toPrecision(6)}  P÷base ${(c.probability / c.baseRate).toFixed(5)}`,
    );
  check(
    odds.median <= 200,
    `exact odds ≤ 200 ms at ${fmt(pool.size)} / ${classes.length} classes / quota ${fmt(QUOTA)}: ${ms(odds.median)} (first run ${ms(odds.first)})`,
  );
  check(odds.value.errorBound <= 1e-9, `error bound ≤ 1e−9 per class: ${odds.value.errorBound.toExponential(1)}`);

  // 2. Mixed 2021-style pools with many distinct family points.
  if (wanted('mixed')) {
    const individuals = quick ? 100_000 : 1_000_000;
    const families = quick ? 20_000 : 200_000;
    started = performance.now();
    // Five individuals to one family.
    const ordinary = syntheticMixedPool(individuals + families);
    const mixed = createPool(ordinary, { policy: presets.beijing2024 });
    const mixedQuota = quick ? 960 : 9600;
    const mixedClasses = poolComposition(mixed).classes.length;
    const mixedOdds = timeRuns(6, () => winProbabilities(mixed, mixedQuota));
    console.log(
      `\n## 2024-style mixed pool (beijing2024): ${fmt(individuals)} individuals + ${fmt(families)} families, ${fmt(mixed.totalEntries)} entries, ${mixedClasses} distinct weights, quota ${fmt(mixedQuota)} (built in ${ms(performance.now() - started)})`,
    );
    console.log(
      `exact odds: ${ms(mixedOdds.median)} (median of 5 after ${ms(mixedOdds.first)}), error bound ${mixedOdds.value.errorBound.toExponential(1)}`,
    );
    // Wider: family points spread over 4 … 603 (600 distinct values), explicit weights.
    const spread = createPool(
      Array.from({ length: individuals + families }, (_, i) => ({
        code: String(1_000_000_000_000 + i * 37).padStart(13, '0'),
        weight: i < individuals ? 1 + (i % 12) : 4 + ((i * 7919) % 600),
        kind: i < individuals ? 'individual' : 'family',
      })),
      { policy: presets.explicit },
    );
    const spreadClasses = poolComposition(spread).classes.length;
    const spreadOdds = timeRuns(6, () => winProbabilities(spread, mixedQuota));
    console.log(
      `explicit pool with ${spreadClasses} distinct weights (${fmt(spread.size)} applications, ${fmt(spread.totalEntries)} entries): ${ms(spreadOdds.median)} (median of 5 after ${ms(spreadOdds.first)}), error bound ${spreadOdds.value.errorBound.toExponential(1)}`,
    );
    check(
      mixedOdds.median <= 1000,
      `exact odds ≤ 1 s, 2024-style mixed pool, ${mixedClasses} distinct weights: ${ms(mixedOdds.median)} (first ${ms(mixedOdds.first)})`,
    );
    check(
      spreadOdds.median <= 1000,
      `exact odds ≤ 1 s, ${spreadClasses} distinct weights: ${ms(spreadOdds.median)} (first ${ms(spreadOdds.first)})`,
    );
    check(
      Math.max(mixedOdds.value.errorBound, spreadOdds.value.errorBound) <= 1e-9,
      `error bound ≤ 1e−9 per class on both: ${mixedOdds.value.errorBound.toExponential(1)}, ${spreadOdds.value.errorBound.toExponential(1)}`,
    );
  }
  // 3. Monte Carlo on 2 threads, and the same result as one thread.
  if (wanted('monte-carlo')) {
    const small = quick ? 40 : 200;
    const single = simulateDraws(pool, QUOTA, { runs: small, seed: 'bench-odds' });
    const split = await simulateInProcesses(small, 2, 'bench-odds');
    const identical = JSON.stringify(single) === JSON.stringify(split.result);
    const mc = await simulateInProcesses(RUNS, 2, 'bench-odds');
    const sim = mc.result;
    console.log(
      `\n## Monte Carlo: ${fmt(RUNS)} real draws (default generator, labels simulate/0 … simulate/${RUNS - 1}) in 2 processes: ${(mc.ms / 1000).toFixed(1)} s wall (load average ${mc.load.map((x) => x.toFixed(1)).join(' → ')}); CPU time ${mc.cpuMs.map((x) => (x / 1000).toFixed(1)).join(' s + ')} s, ${(mc.cpuMs.reduce((a, b) => a + b, 0) / RUNS).toFixed(2)} ms per draw`,
    );
    let inside = 0;
    sim.classes.forEach((c, k) => {
      const exact = odds.value.classes[k].probability;
      const ok = exact >= c.interval[0] && exact <= c.interval[1];
      if (ok) inside++;
      console.log(
        `  weight ${String(c.weight).padStart(2)}  simulated ${c.probability.toPrecision(6)}  99 % interval [${c.interval[0].toPrecision(6)}, ${c.interval[1].toPrecision(6)}]  exact ${exact.toPrecision(6)}${ok ? '' : '  OUTSIDE'}`,
      );
    });
    const thrownAway = sim.thrownAway / RUNS;
    console.log(`  picks thrown away per draw: ${thrownAway.toFixed(2)}`);
    const busiest = Math.max(...mc.cpuMs);
    check(
      mc.ms <= 60_000,
      `${fmt(RUNS)} Monte Carlo draws ≤ 60 s on 2 cores, wall clock: ${(mc.ms / 1000).toFixed(1)} s (load average ${mc.load[0].toFixed(1)})`,
    );
    check(
      busiest <= 60_000,
      `${fmt(RUNS)} Monte Carlo draws ≤ 60 s on 2 idle cores, from CPU time: the busier process used ${(busiest / 1000).toFixed(1)} s`,
    );
    check(identical, `2 processes give exactly the single-process result (${small} runs, compared as JSON)`);
    check(
      inside >= sim.classes.length - 1,
      `exact odds inside the 99 % Monte Carlo interval: ${inside} of ${sim.classes.length} classes (one outside is within chance)`,
    );
  }
  // 4. Waiting time at city scale.
  if (wanted('wait')) {
    const wait = timeRuns(4, () => waitingTime({ draws: 30 }, presets.beijing2016, { classes, quota: QUOTA }));
    console.log(
      `\n## Waiting time (30 draws entered, beijing2016, this pool and quota every draw): ${ms(wait.median)} (median of 3 after ${ms(wait.first)}); median draw ${wait.value.median}, 95 % by ${wait.value.p95}, mean ${wait.value.mean?.toFixed(1)}, ${wait.value.periods.length} periods, error bound ${wait.value.errorBound.toExponential(1)}`,
    );
  }
  // 5. Self-checks: speed, false alarms on honest draws, power on doctored ones.
  if (wanted('selfcheck')) {
    const firstRecord = drawLottery(pool, { quota: QUOTA, seed: 'selfcheck-0', generator: 'default' }).record;
    started = performance.now();
    selfCheck(pool, firstRecord);
    const firstCheck = performance.now() - started;
    const alphas = [0.001, 0.01, 0.05];
    const alarms = alphas.map(() => 0);
    const perTest = new Map();
    let checkMs = 0;
    let honest = 0;
    for (const generator of ['default', 'legacy']) {
      for (let k = 0; k < HONEST_SEEDS; k++) {
        const seed = generator === 'legacy' ? String(100_000 + k * 877) : `selfcheck-${k}`;
        const { record } = drawLottery(pool, { quota: QUOTA, seed, generator });
        const t = performance.now();
        const result = selfCheck(pool, record);
        checkMs += performance.now() - t;
        honest++;
        alphas.forEach((alpha, a) => {
          // Thresholds scale with alpha: the p-values are the same.
          if (result.tests.some((test) => test.pValue < (test.threshold * alpha) / result.alpha)) alarms[a]++;
        });
        for (const test of result.tests)
          if (test.pValue < (test.threshold * 0.05) / result.alpha)
            perTest.set(test.name, (perTest.get(test.name) ?? 0) + 1);
      }
    }
    console.log(
      `\n## Self-checks: first check ${ms(firstCheck)} (exact odds, tenths and layout prepared once per pool and quota), then ${(checkMs / honest).toFixed(1)} ms per record`,
    );
    console.log(
      `honest draws (${fmt(HONEST_SEEDS)} default seeds + ${fmt(HONEST_SEEDS)} legacy seeds): false alarms ${alphas.map((a, i) => `at α = ${a}: ${alarms[i]} (${((alarms[i] / honest) * 100).toFixed(2)} %)`).join(', ')}`,
    );
    console.log(`  tests failing at α = 0.05: ${[...perTest].map(([name, n]) => `${name} ${n}`).join(', ') || 'none'}`);
    alphas.forEach((alpha, i) => {
      // The measured rate must not exceed α beyond sampling noise (3 binomial standard deviations).
      const limit = alpha * honest + 3 * Math.sqrt(alpha * (1 - alpha) * honest);
      check(
        alarms[i] <= limit,
        `false alarms at α = ${alpha}: ${alarms[i]} of ${fmt(honest)} honest draws (≤ ${limit.toFixed(1)})`,
      );
    });

    // Doctored draws: honest draws over bent weights, each winner written at a uniformly chosen real entry.
    const entryOf = entryFinder(pool);
    const serials = Array.from(pool.applications(), (a) => Number(a.code.slice(4)));
    const cut = [...serials].sort((a, b) => a - b)[Math.floor(pool.size / 5)];
    const scenarios = [
      ['first fifth of submissions at 1.1× weight', (w, i) => (serials[i] < cut ? 1.1 * w : w)],
      ['first fifth of submissions at 1.25× weight', (w, i) => (serials[i] < cut ? 1.25 * w : w)],
      ['first fifth of submissions at 2× weight', (w, i) => (serials[i] < cut ? 2 * w : w)],
      ['step 5 at 1.1× weight', (w) => (w === 5 ? 1.1 * w : w)],
      ['step 5 at 1.25× weight', (w) => (w === 5 ? 1.25 * w : w)],
    ];
    console.log(
      `doctored draws (${DOCTORED_SEEDS} seeds each; weights ×10 to keep them whole), share flagged at α = 0.001:`,
    );
    for (const [name, bend] of scenarios) {
      const bent = createPool(
        Array.from(pool.applications(), (a, i) => ({ code: a.code, weight: Math.round(10 * bend(a.weight, i)) })),
        { policy: presets.explicit },
      );
      let flagged = 0;
      const failing = new Map();
      for (let k = 0; k < DOCTORED_SEEDS; k++) {
        const seed = `doctored-${k}`;
        const real = drawLottery(pool, { quota: QUOTA, seed, generator: 'default' }).record;
        const { winners } = drawLottery(bent, { quota: QUOTA, seed, generator: 'default' });
        const forged = {
          ...real,
          winners: winners.map((w, j) => {
            const index = pool.indexOf(w.code);
            const weight = pool.weightOf(w.code);
            return { ...w, entry: entryOf(index, 1 + ((j * 7_919 + k * 104_729) % weight)) };
          }),
        };
        const result = selfCheck(pool, forged);
        if (!result.ok) flagged++;
        for (const test of result.tests) if (!test.passed) failing.set(test.name, (failing.get(test.name) ?? 0) + 1);
      }
      console.log(
        `  ${name.padEnd(44)} ${flagged} of ${DOCTORED_SEEDS}${failing.size > 0 ? ` (${[...failing].map(([t, n]) => `${t} ${n}`).join(', ')})` : ''}`,
      );
    }
    const moved = {
      ...firstRecord,
      winners: firstRecord.winners.map((w) => ({ ...w, entry: pool.firstEntryOf(w.code) })),
    };
    const movedResult = selfCheck(pool, moved);
    console.log(
      `  every winning entry moved to pass 1: ${
        movedResult.ok
          ? 'not flagged'
          : `flagged (${movedResult.tests
              .filter((t) => !t.passed)
              .map((t) => t.name)
              .join(', ')})`
      }`,
    );
    check(!movedResult.ok, 'a draw with every winning entry in pass 1 is flagged');
  }
  console.log(`\n## checks\n${checks.join('\n')}`);
}

// A child process simulates its share of the runs on its own copy of the pool.
if (process.argv.includes('--simulate-part')) {
  const pool = beijingPool();
  process.send({ ready: true });
  process.once('message', ({ runs, firstRun, seed }) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = simulateDraws(pool, QUOTA, { runs, firstRun, seed });
    const used = process.cpuUsage(cpu);
    process.send({ result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }, () =>
      process.exit(0),
    );
  });
} else {
  await main();
}
