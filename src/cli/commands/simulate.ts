import type { Command } from 'commander';
import type { PathSegment } from '../../errors/Issue';
import { isYaohaoError, YaohaoError } from '../../errors/YaohaoError';
import { simulatePeriods, type SimulatedPeriod, type SimulatePeriodsOptions } from '../../odds/simulatePeriods';
import { formatCount, formatDuration } from '../format';
import { resolvePolicy } from '../resolvePolicy';
import { intArg, textArg, type CliContext, type Output } from '../context';

interface SimulateOptions {
  policy: string;
  start: string;
  periods: number;
  quota: number[];
  arrivals: number[];
  initial: number;
  maxDraws?: number;
  initialFamilies?: number;
  familiesPerMille?: number;
  c5OneIn?: number;
  seed: string;
  label?: string;
  odds: boolean;
  classes?: boolean;
  long?: boolean;
}

/** The command line's name of each option of simulatePeriods, for its error messages. */
const FLAGS: Readonly<Record<string, string>> = {
  policy: '--policy',
  start: '--start',
  periods: '--periods',
  quota: '--quota',
  arrivals: '--arrivals',
  seed: '--seed',
  label: '--label',
  c5OneIn: '--c5-one-in',
  familiesPerMille: '--families-per-mille',
  'initial.size': '--initial',
  'initial.maxDraws': '--max-draws',
  'initial.families': '--initial-families',
};

/**
 * What an application holds the memory at, measured at peak RSS (bytes): an individual under flat
 * and ladder rules (20,000,000: 1.7 GB), one under 2021– rules, whose draw counts and person go
 * through events (2,000,000: 0.69 GB), and a family with its members (1,000,000: 2.35 GB).
 */
const BYTES_PER_APPLICATION = { individual: 90, individual2021: 350, family: 2400 } as const;

/**
 * The memory the command lets a simulation reach (the demo's largest pool: 1.7 GB). simulatePeriods
 * itself takes up to 900,000,000 applications, memory permitting; on the command line a typo must
 * not exhaust the machine.
 */
const MAX_CLI_BYTES = 2_000_000_000;

/**
 * The work the command does unasked: applications in the pool, summed over the draws (each period
 * derives, draws, commits and updates its whole pool: ~0.3 µs an application measured on the 2-core
 * machine, docs/benchmarks.md "Multi-year simulation"). 1.5 billion is about 5–8 minutes; issue 10's
 * 20 periods at 3.1–4.3 M are 75 million. Past it, `--long` says the run is meant.
 */
const MAX_CLI_WORK = 1_500_000_000;

/** `yaohao simulate`. */
export function simulateCommand(cli: Command, context: CliContext): void {
  cli
    .command('simulate')
    .description(
      'multi-year simulation: a population that grows by arrivals, the real draw every period, statistics per period',
    )
    .option(
      '--policy <preset|file>',
      'the rules: a preset with lifecycle rules (beijing2016, beijing2024, …)',
      'beijing2016',
    )
    .requiredOption(
      '--start <period>',
      'the first period drawn, e.g. 2019-02 (2021– rules: 2024-h1)',
      textArg('--start'),
    )
    .requiredOption('--periods <n>', 'number of draws to simulate (1 to 1,000)', intArg('--periods', 1, 1000))
    .requiredOption(
      '--quota <n[,n…]>',
      'winners per draw; a list gives period k its k-th value (the last repeats)',
      listArg('--quota', 1),
    )
    .option('--arrivals <n[,n…]>', 'new applications per period, as --quota', listArg('--arrivals', 0), [0])
    .option('--initial <n>', 'individual applications in the pool before the first draw', intArg('--initial'), 0)
    .option('--max-draws <d>', 'their earlier draws are uniform in 0 … d − 1 (default 60)', intArg('--max-draws', 1))
    .option(
      '--initial-families <n>',
      '2021– rules: family applications before the first draw',
      intArg('--initial-families'),
    )
    .option(
      '--families-per-mille <m>',
      '2021– rules: arrivals that are families, per mille',
      intArg('--families-per-mille', 0, 1000),
    )
    .option(
      '--c5-one-in <n>',
      'one arriving individual in n holds a C5 licence (default 1000)',
      intArg('--c5-one-in', 1),
    )
    .option('--seed <seed>', 'seed of the population and of every draw', textArg('--seed'), 'simulate')
    .option(
      '--label <label>',
      'base label: period P is drawn with the label <label>/<P> (default "simulate")',
      textArg('--label'),
    )
    .option('--no-odds', 'skip the exact odds of each class (faster)')
    .option(
      '--long',
      `run a simulation past ${formatCount(MAX_CLI_WORK)} applications drawn from in all (minutes to hours)`,
    )
    .option('--classes', 'print every weight class of every period, not only the period lines')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao simulate --start 2019-02 --periods 12 --quota 6400 --arrivals 60000 --initial 3100000\n  yaohao simulate --start 2019-02 --periods 6 --quota 25 --arrivals 40 --initial 600 --classes\n  yaohao simulate --policy beijing2024 --start 2024-h1 --periods 4 --quota 8 --arrivals 40 --families-per-mille 250 --json',
    )
    .action(async (options: SimulateOptions) => {
      const out = context.output();
      const policy = await resolvePolicy(options.policy);
      checkScale(options, policy.weights.rule === 'beijing2021');
      const args: SimulatePeriodsOptions = {
        policy,
        start: options.start,
        periods: options.periods,
        quota: options.quota,
        arrivals: options.arrivals,
        seed: options.seed,
        initial: {
          size: options.initial,
          ...(options.maxDraws === undefined ? {} : { maxDraws: options.maxDraws }),
          ...(options.initialFamilies === undefined ? {} : { families: options.initialFamilies }),
        },
        odds: options.odds,
        ...(options.label === undefined ? {} : { label: options.label }),
        ...(options.c5OneIn === undefined ? {} : { c5OneIn: options.c5OneIn }),
        ...(options.familiesPerMille === undefined ? {} : { familiesPerMille: options.familiesPerMille }),
      };
      const started = performance.now();
      const periods: SimulatedPeriod[] = [];
      try {
        const simulation = simulatePeriods(args);
        out.say(
          `simulate   ${policy.id} from ${options.start}, ${formatCount(options.periods)} draws, seed ${JSON.stringify(options.seed)}, initial ${formatCount(options.initial)}`,
        );
        out.say(
          '  period      arrivals        pool         entries   quota   winners   thrown   mean draws   waited   in pool after',
        );
        for (const period of simulation) {
          periods.push(period);
          printPeriod(out, period, options.classes === true);
        }
      } catch (error) {
        throw isYaohaoError(error)
          ? new YaohaoError(error.issues.map((i) => ({ ...i, path: flagPath(i.path) })))
          : error;
      }
      out.say(
        `done       ${formatCount(periods.at(-1)?.applicants ?? 0)} applications, ${formatCount(periods.at(-1)?.won ?? 0)} won, in ${formatDuration(performance.now() - started)}`,
      );
      out.say('  (mean draws: draws the winners entered, this one included; waited: periods from arrival to win)');
      out.result({ ok: true, policy: policy.id, seed: options.seed, periods });
    });
}

function printPeriod(out: Output, p: SimulatedPeriod, classes: boolean): void {
  const mean = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(2));
  out.say(
    `  ${p.period.padEnd(8)}  ${formatCount(p.arrivals).padStart(10)}  ${formatCount(p.poolSize).padStart(10)}  ${formatCount(p.entries).padStart(14)}  ${formatCount(p.quota).padStart(6)}  ${formatCount(p.winners).padStart(8)}  ${formatCount(p.thrownAway).padStart(7)}  ${mean(p.meanDrawsEntered).padStart(11)}  ${mean(p.meanPeriodsSinceArrival).padStart(7)}  ${formatCount(p.inPool).padStart(14)}`,
  );
  if (!classes) return;
  for (const c of p.classes)
    out.say(
      `      weight ${String(c.weight).padStart(5)}  ${formatCount(c.count).padStart(10)} in pool  ${formatCount(c.winners).padStart(7)} won  rate ${(c.winRate * 100).toFixed(3).padStart(7)} %${c.probability === undefined ? '' : `  P(win) ${(c.probability * 100).toFixed(3).padStart(7)} %`}`,
    );
}

/**
 * Refuses, before anything is built, a simulation that would need more than MAX_CLI_BYTES, or more
 * than MAX_CLI_WORK without `--long` (a typo in --periods or --initial must not run for hours).
 */
function checkScale(options: SimulateOptions, rule2021: boolean): void {
  const perMille = options.familiesPerMille ?? 0;
  let individuals = options.initial;
  let families = options.initialFamilies ?? 0;
  // Applications in the pools of all draws (an upper bound: winners leave).
  let work = 0;
  for (let k = 0; k < options.periods; k++) {
    const arrivals = options.arrivals[Math.min(k, options.arrivals.length - 1)]!;
    const arrivedFamilies = Math.ceil((arrivals * perMille) / 1000);
    families += arrivedFamilies;
    individuals += arrivals - arrivedFamilies;
    work += individuals + families;
  }
  if (work > MAX_CLI_WORK && options.long !== true)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['--periods'],
        message: `${formatCount(options.periods)} periods draw from ${formatCount(work)} applications in all, more than the ${formatCount(MAX_CLI_WORK)} yaohao simulate runs unasked (minutes): add --long to run it, or fewer --periods or a smaller --initial`,
      },
    ]);
  const sizes = BYTES_PER_APPLICATION;
  const bytes = individuals * (rule2021 ? sizes.individual2021 : sizes.individual) + families * sizes.family;
  if (bytes <= MAX_CLI_BYTES) return;
  const individualBytes = options.initial * (rule2021 ? sizes.individual2021 : sizes.individual);
  const familyBytes = (options.initialFamilies ?? 0) * sizes.family;
  const flag =
    individualBytes + familyBytes <= MAX_CLI_BYTES
      ? '--arrivals'
      : individualBytes >= familyBytes
        ? '--initial'
        : '--initial-families';
  const gb = (b: number): string => `${(b / 1e9).toFixed(1)} GB`;
  throw new YaohaoError([
    {
      code: 'invalid_value',
      path: [flag],
      message: `yaohao simulate stays within ${gb(MAX_CLI_BYTES)} of memory; ${formatCount(individuals)} individual and ${formatCount(families)} family applications over ${formatCount(options.periods)} periods need about ${gb(bytes)} (the library's simulatePeriods takes more, memory permitting)`,
    },
  ]);
}

/** ['options', 'quota', 1] → ['--quota', 1]: the flag the user typed. */
function flagPath(path: readonly PathSegment[]): PathSegment[] {
  if (path[0] !== 'options') return [...path];
  for (let n = Math.min(path.length, 3); n > 1; n--) {
    const flag = FLAGS[path.slice(1, n).join('.')];
    if (flag !== undefined) return [flag, ...path.slice(n)];
  }
  return [...path];
}

/** A commander parser for a whole number, or a comma-separated list of them, each ≥ `min`. */
function listArg(name: string, min: number): (value: string) => number[] {
  const one = intArg(name, min);
  return (value) => value.split(',').map((part) => one(part.trim()));
}
