import type { Command } from 'commander';
import { YaohaoError } from '../../errors/YaohaoError';
import { checkFiles } from '../../node/checkFiles';
import { writeOutput } from '../../node/writeOutput';
import { readJsonFile } from '../../node/readInput';
import type { ApplicantHistory } from '../../odds/ApplicantHistory';
import { poolComposition } from '../../odds/PoolComposition';
import { simulateDraws, type SimulatedDraws } from '../../odds/simulateDraws';
import { waitingTime, type WaitingTime } from '../../odds/waitingTime';
import { winProbabilities, type WinProbabilities } from '../../odds/winProbabilities';
import type { Policy } from '../../policy/Policy';
import { formatCount, formatDuration, timed } from '../format';
import { loadPool } from '../loadPool';
import { resolvePolicy } from '../resolvePolicy';
import { intArg, type CliContext, type Output } from '../context';

interface OddsOptions {
  quota: number;
  policy?: string;
  growth?: string;
  draws?: number;
  drawsTo2020?: number;
  c5?: boolean;
  applicant?: string;
  periods: number;
  csv?: string;
  simulate?: number;
  seed: string;
}

/** `yaohao odds`. */
export function oddsCommand(cli: Command, context: CliContext): void {
  cli
    .command('odds <pool>')
    .description('exact odds of every weight class in one draw; with --draws, one applicant’s odds and waiting time')
    .requiredOption('--quota <n>', 'winners drawn', intArg('--quota'))
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .option('--draws <k>', 'the applicant’s draws entered so far (2021– rules: since 2021)', intArg('--draws'))
    .option('--draws-to-2020 <d>', '2021– rules: the applicant’s draws entered up to 2020', intArg('--draws-to-2020'))
    .option('--c5', 'the applicant holds a C5 licence')
    .option('--applicant <file.json>', 'the applicant’s history as JSON (a family record, { draws }, …)')
    .option('--growth <preset|file>', 'how the applicant’s steps grow (default: --policy; needed for .zip pools)')
    .option('--periods <n>', 'draws to look ahead', intArg('--periods'), 1000)
    .option('--csv <file>', 'write P(win by draw k) as CSV, ready to plot ("-" for stdout)')
    .option('--simulate <runs>', 'cross-check with this many real draws (Monte Carlo)', intArg('--simulate'))
    .option('--seed <seed>', 'seed of the --simulate draws', 'odds-check')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao odds pool.jsonl --policy beijing2016 --quota 6400\n  yaohao odds pool.jsonl --policy beijing2016 --quota 6400 --draws 30 --csv wait.csv\n  yaohao odds bjPersonCommon202406.zip --quota 6400 --draws 30 --growth beijing2016 --json',
    )
    .action(async (file: string, options: OddsOptions) => {
      await checkFiles(
        [
          { option: '<pool>', path: file },
          { option: '--policy', path: options.policy ?? '' },
          { option: '--growth', path: options.growth ?? '' },
          { option: '--applicant', path: options.applicant ?? '' },
        ],
        [{ option: '--csv', path: options.csv ?? '' }],
      );
      const out = context.output(options.csv === '-');
      const loaded = await loadPool(file, options.policy);
      const { pool } = loaded;
      const odds = timed(() => winProbabilities(pool, options.quota));
      const simulated =
        options.simulate === undefined
          ? undefined
          : timed(() => simulateDraws(pool, options.quota, { runs: options.simulate!, seed: options.seed }));
      out.say(
        `pool       ${file}: ${formatCount(pool.size)} codes, ${formatCount(pool.totalEntries)} entries (read in ${formatDuration(loaded.elapsedMs)})`,
      );
      out.say(
        `draw       quota ${formatCount(options.quota)}: ${odds.value.allocation === 'all' ? 'the quota covers the pool, everyone wins' : `exact odds per weight class (error ≤ ${odds.value.errorBound.toExponential(1)}, ${formatDuration(odds.ms)})`}`,
      );
      printClasses(out, odds.value, simulated?.value);
      if (simulated !== undefined)
        out.say(
          `simulated  ${formatCount(simulated.value.runs)} real draws, seed ${JSON.stringify(options.seed)}, ${Math.round(simulated.value.confidence * 100)} % intervals (${formatDuration(simulated.ms)})`,
        );

      const wantsApplicant =
        options.draws !== undefined || options.applicant !== undefined || options.drawsTo2020 !== undefined;
      let wait: WaitingTime | undefined;
      if (wantsApplicant) {
        const policy = await growthPolicy(options);
        const history = await applicantHistory(options, policy);
        const classes = poolComposition(pool).classes;
        wait = waitingTime(history, policy, { classes, quota: options.quota }, { maxPeriods: options.periods });
        printWait(out, wait, policy);
        if (options.csv !== undefined) {
          await writeOutput(options.csv, waitCsv(wait), '--csv');
          if (options.csv !== '-') out.say(`csv        P(win by draw k) → ${options.csv}`);
        }
      } else if (options.csv !== undefined) {
        throw usage('--csv writes an applicant’s waiting time: give --draws (or --applicant) too');
      }
      out.result({
        ok: true,
        file,
        ...odds.value,
        ...(simulated === undefined ? {} : { simulated: simulated.value }),
        ...(wait === undefined ? {} : { waitingTime: wait }),
      });
    });
}

function usage(message: string): YaohaoError {
  return new YaohaoError([{ code: 'invalid_value', path: ['options'], message }]);
}

function printClasses(out: Output, odds: WinProbabilities, simulated: SimulatedDraws | undefined): void {
  if (odds.classes.length === 0) return;
  out.say(
    `  weight      count      P(win)   base rate   P ÷ base   expected winners${simulated === undefined ? '' : '   simulated (interval)'}`,
  );
  odds.classes.forEach((c, k) => {
    const sim = simulated?.classes[k];
    out.say(
      `  ${String(c.weight).padStart(6)}  ${formatCount(c.count).padStart(9)}  ${percent(c.probability).padStart(10)}  ${percent(c.baseRate).padStart(10)}  ${(c.probability / c.baseRate).toFixed(4).padStart(9)}  ${c.expectedWinners.toFixed(2).padStart(17)}` +
        (sim === undefined
          ? ''
          : `   ${percent(sim.probability)} (${percent(sim.interval[0])} – ${percent(sim.interval[1])})${c.probability >= sim.interval[0] && c.probability <= sim.interval[1] ? '' : '  outside'}`),
    );
  });
  out.say('  (base rate = weight × quota ÷ entries, the naive figure; P(win) is the draw rule’s exact odds)');
}

function printWait(out: Output, wait: WaitingTime, policy: Policy): void {
  const first = wait.periods[0]!;
  out.say(
    `applicant  weight ${formatCount(first.weight)} in the next draw (${policy.id}): P(win) = ${percent(first.probability)} (1 in ${formatCount(Math.round(1 / first.probability))})`,
  );
  const at = (k: number): string => {
    const period = wait.periods[Math.min(k, wait.periods.length) - 1]!;
    return `${k}: ${percent(period.winBy)}`;
  };
  const marks = [1, 2, 5, 10, 20, 50, 100, 200, 500].filter((k) => k <= wait.periods.length);
  out.say(`won by     ${marks.map(at).join(' · ')}`);
  out.say(
    `waiting    median ${wait.median === undefined ? 'beyond the horizon' : `draw ${wait.median}`}, 95 % by ${wait.p95 === undefined ? 'beyond the horizon' : `draw ${wait.p95}`}, mean ${wait.mean === undefined ? 'beyond the horizon' : wait.mean.toFixed(1)} (the pool and quota as now, steps growing by the policy)`,
  );
}

/** P(win by draw k) as CSV: one line per draw. */
function waitCsv(wait: WaitingTime): string {
  return `period,weight,probability,win_by\n${wait.periods.map((p) => `${p.period},${p.weight},${p.probability},${p.winBy}`).join('\n')}\n`;
}

async function growthPolicy(options: OddsOptions): Promise<Policy> {
  const chosen = options.growth ?? options.policy;
  if (chosen === undefined)
    throw usage('say how the applicant’s steps grow: --policy <preset> for the pool, or --growth <preset>');
  return resolvePolicy(chosen);
}

async function applicantHistory(options: OddsOptions, policy: Policy): Promise<ApplicantHistory> {
  if (options.applicant !== undefined) {
    if (options.draws !== undefined || options.drawsTo2020 !== undefined || options.c5 === true)
      throw usage('give either --applicant or --draws / --draws-to-2020 / --c5, not both');
    return (await readJsonFile(options.applicant)) as ApplicantHistory;
  }
  const c5 = options.c5 === true ? { c5: true } : {};
  switch (policy.weights.rule) {
    case 'explicit':
      throw usage(`policy ${policy.id} has no step rule: name one with --growth (e.g. --growth beijing2016)`);
    case 'beijing2021':
      return { drawsTo2020: options.drawsTo2020 ?? 0, drawsSince2021: options.draws ?? 0, ...c5 };
    default:
      if (options.drawsTo2020 !== undefined)
        throw usage(`--draws-to-2020 is for the 2021– rules; policy ${policy.id} counts all draws in --draws`);
      return { draws: options.draws ?? 0, ...c5 };
  }
}

const percent = (p: number): string =>
  p >= 0.01 ? `${(p * 100).toFixed(2)} %` : p >= 1e-6 ? `${(p * 100).toPrecision(3)} %` : `${p.toExponential(2)}`;
