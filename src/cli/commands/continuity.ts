import type { Command } from 'commander';
import { checkContinuity } from '../../lifecycle/checkContinuity';
import { readJsonFile } from '../../node/readInput';
import { intArg, Failed, type CliContext } from '../context';
import { formatCount, formatDuration } from '../format';
import { loadPool } from '../loadPool';
import { resolvePolicy } from '../resolvePolicy';

/** `yaohao continuity`. */
export function continuityCommand(cli: Command, context: CliContext): void {
  cli
    .command('continuity <prev-pool> <prev-record> <next-pool>')
    .description(
      'check that a pool follows from the previous one and its draw: winners gone, no code lost entries or jumped',
    )
    .option('--policy <preset|file>', 'how records become entries, and how many one more draw can add')
    .option(
      '--max-gain <n>',
      'most entries an individual code may gain (e.g. for 2021– zips, where families are not marked)',
      intArg('--max-gain'),
    )
    .option('--list', 'list the codes removed and added')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao continuity pool-2019-06.jsonl record-2019-06.json pool-2019-08.jsonl --policy beijing2016\n  yaohao continuity bjPersonCommon201906.zip record.json bjPersonCommon201908.zip --list --json',
    )
    .action(
      async (
        previousFile: string,
        recordFile: string,
        nextFile: string,
        options: { policy?: string; maxGain?: number; list?: boolean },
      ) => {
        const out = context.output();
        const started = performance.now();
        const [previous, record, next] = await Promise.all([
          loadPool(previousFile, options.policy),
          readJsonFile(recordFile),
          loadPool(nextFile, options.policy),
        ]);
        const report = checkContinuity(previous.pool, record, next.pool, {
          ...(options.policy === undefined ? {} : { policy: await resolvePolicy(options.policy) }),
          ...(options.maxGain === undefined ? {} : { maxGain: options.maxGain }),
          ...(options.list === true ? { list: true } : {}),
        });
        out.say(
          `previous   ${previousFile}: ${formatCount(report.previous.size)} codes, ${formatCount(report.previous.totalEntries)} entries`,
        );
        out.say(
          `next       ${nextFile}: ${formatCount(report.next.size)} codes, ${formatCount(report.next.totalEntries)} entries`,
        );
        out.say(`winners    ${formatCount(report.winners)} (every one must be gone)`);
        out.say(
          `stayed     ${formatCount(report.stayed)} (${formatCount(report.sameEntries)} same entries, ${formatCount(report.moreEntries)} more)`,
        );
        out.say(`removed    ${formatCount(report.removed)} (not winners)`);
        out.say(`added      ${formatCount(report.added)}`);
        if (report.removedCodes !== undefined) for (const code of report.removedCodes) out.say(`  removed ${code}`);
        if (report.addedCodes !== undefined) for (const code of report.addedCodes) out.say(`  added   ${code}`);
        out.say('not shown by the weights:');
        for (const note of report.cannotShow) out.say(`  - ${note}`);
        out.say(`elapsed    ${formatDuration(performance.now() - started)}`);
        out.result({ ...report, elapsedMs: Math.round(performance.now() - started) });
        if (report.ok) {
          out.say('ok: the next pool follows from the previous one and its draw, as far as weights show');
          return;
        }
        out.say(`PROBLEMS (${formatCount(report.problemCount)}):`);
        for (const problem of report.problems) out.say(`  ${problem.problem}: ${problem.message}`);
        if (report.problemCount > report.problems.length)
          out.say(`  … and ${formatCount(report.problemCount - report.problems.length)} more`);
        throw new Failed();
      },
    );
}
