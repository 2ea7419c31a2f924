import type { Command } from 'commander';
import { YaohaoError } from '../../errors/YaohaoError';
import { readJsonFile } from '../../node/readInput';
import { seedEntropy } from '../../odds/seedEntropy';
import { selfCheck, type SelfCheckTest } from '../../odds/selfCheck';
import type { AuditRecord } from '../../audit/AuditRecord';
import { formatCount, formatDuration, timed } from '../format';
import { loadPool } from '../loadPool';
import { blamingFile } from '../blameFile';
import { Failed, type CliContext } from '../context';

/** `yaohao selfcheck`. */
export function selfcheckCommand(cli: Command, context: CliContext): void {
  cli
    .command('selfcheck <pool> <record>')
    .description('does a drawn record look like a fair draw? statistical checks at a stated false-alarm rate')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .option('--alpha <rate>', 'family-wise false-alarm rate of the whole check', '0.001')
    .addHelpText(
      'after',
      '\nExit code 1 when a check fails.\n\nExamples:\n  yaohao selfcheck pool.zip record.json\n  yaohao selfcheck pool.jsonl record.json --policy beijing2016 --alpha 0.01 --json',
    )
    .action(async (file: string, recordFile: string, options: { policy?: string; alpha: string }) => {
      const out = context.output();
      const alpha = Number(options.alpha);
      if (!/^(0?\.\d+|\d+(\.\d+)?(e-?\d+)?)$/i.test(options.alpha) || !(alpha > 0 && alpha < 1))
        throw new YaohaoError([
          {
            code: 'invalid_value',
            path: ['--alpha'],
            message: `--alpha takes a rate strictly between 0 and 1, got ${JSON.stringify(options.alpha)}`,
          },
        ]);
      const [loaded, record] = await Promise.all([loadPool(file, options.policy), readJsonFile(recordFile)]);
      const checked = timed(() => blamingFile(recordFile, () => selfCheck(loaded.pool, record, { alpha }), 'record'));
      const result = checked.value;
      // selfCheck accepted the record, so it is an AuditRecord.
      const drawn = record as AuditRecord;
      const entropy = seedEntropy(drawn.seed, drawn.generator, loaded.pool, drawn.quota);
      out.say(
        `record     ${recordFile}: ${formatCount(drawn.winners.length)} winners of ${formatCount(loaded.pool.size)} codes, ${drawn.generator} generator, seed ${JSON.stringify(drawn.seed)}`,
      );
      out.say(
        `checks     family-wise false-alarm rate ${alpha} (Bonferroni over the tests), ${formatDuration(checked.ms)}`,
      );
      const perClass = result.tests.filter((t) => t.name === 'weight-class');
      for (const test of result.tests) {
        if (test.name === 'weight-class' && test.passed) continue;
        out.say(line(test));
      }
      if (perClass.length > 0 && perClass.every((t) => t.passed)) {
        const smallest = perClass.reduce((a, b) => (b.pValue < a.pValue ? b : a));
        out.say(
          `PASS  weight-class × ${perClass.length}      every class alone: smallest p ${formatP(smallest.pValue)} (weight ${smallest.weight}) ≥ ${formatP(smallest.threshold)}`,
        );
      }
      for (const skip of result.skipped) out.say(`skip  ${skip.name.padEnd(18)} ${skip.reason}`);
      out.say(
        `seed       ${entropy.seedBits.toFixed(2)} bits (${entropy.seedRule}); the outcome space has ${entropy.outcomeBits.toFixed(0)} bits`,
      );
      if (entropy.warning !== undefined) out.say(`warning    ${entropy.warning}`);
      out.say(result.ok ? 'ok: the draw looks like a fair draw' : 'FAILED: at least one check flags this draw');
      out.result({ ...result, seedEntropy: entropy });
      if (!result.ok) throw new Failed();
    });
}

function line(test: SelfCheckTest): string {
  const name = test.name === 'weight-class' ? `weight-class ${test.weight}` : test.name;
  const statistic =
    test.df === undefined
      ? `${test.name === 'winners-in-pool' ? 'problems' : 'z'} ${test.statistic.toFixed(2)}`
      : `χ² ${test.statistic.toFixed(2)} (df ${test.df})`;
  return `${test.passed ? 'PASS' : 'FAIL'}  ${name.padEnd(18)} ${statistic}, p ${formatP(test.pValue)} vs ${formatP(test.threshold)}: ${test.detail}`;
}

const formatP = (p: number): string => (p >= 0.001 ? p.toFixed(3) : p.toExponential(1));
