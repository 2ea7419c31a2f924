import { Option, type Command } from 'commander';
import { formatResultSheet } from '../../audit/resultSheetText';
import { serializeRecord } from '../../audit/AuditRecord';
import { drawLottery } from '../../draw/drawLottery';
import { checkFiles } from '../../node/checkFiles';
import { writeOutput } from '../../node/writeOutput';
import { formatCount, formatDuration } from '../format';
import { loadPool } from '../loadPool';
import { intArg, textArg, type CliContext } from '../context';

/** `yaohao draw`. */
export function drawCommand(cli: Command, context: CliContext): void {
  cli
    .command('draw <pool>')
    .description('draw winners, write the audit record and optionally the result sheet')
    .requiredOption('--quota <n>', 'number of winners', intArg('--quota', 1))
    .requiredOption(
      '--seed <seed>',
      'the seed as published (6 digits for legacy, any string for default)',
      textArg('--seed'),
    )
    .addOption(new Option('--generator <id>', 'generator').choices(['legacy', 'default']).default('default'))
    .option('--label <label>', 'sub-draw label (default generator stream)', textArg('--label'), '')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json; - is stdin)')
    .option('--out <record.json>', 'write the audit record here (canonical JSON; - is stdout)')
    .option('--sheet <sheet.txt>', 'write the result sheet here (official layout; - is stdout)')
    .option('--period <YYYYMM>', 'period number for the sheet header', textArg('--period'))
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao draw pool.zip --quota 6400 --seed 033859 --generator legacy --out record.json --sheet sheet.txt\n  yaohao draw pool.jsonl --policy beijing2016 --quota 100 --seed "drand 4513224" --label ordinary/individual --json\n  yaohao draw pool.zip --quota 40 --seed 033859 --generator legacy --sheet - | less',
    )
    .action(
      async (
        file: string,
        options: {
          quota: number;
          seed: string;
          generator: 'legacy' | 'default';
          label: string;
          policy?: string;
          out?: string;
          sheet?: string;
          period?: string;
        },
      ) => {
        // Before anything is read or drawn: no output may be an input, nor two outputs one file.
        await checkFiles(
          [
            { option: '<pool>', path: file },
            { option: '--policy', path: options.policy ?? '' },
          ],
          [
            { option: '--out', path: options.out ?? '' },
            { option: '--sheet', path: options.sheet ?? '' },
          ],
        );
        const out = context.output(options.out === '-' || options.sheet === '-');
        const loaded = await loadPool(file, options.policy);
        const started = performance.now();
        const { winners, record } = drawLottery(loaded.pool, {
          quota: options.quota,
          seed: options.seed,
          generator: options.generator,
          label: options.label,
        });
        const drawMs = performance.now() - started;
        // The sheet is made before anything is written: a sheet that cannot be made writes nothing.
        const sheet =
          options.sheet === undefined
            ? undefined
            : formatResultSheet(record, options.period === undefined ? {} : { period: options.period });
        if (options.out !== undefined) await writeOutput(options.out, `${serializeRecord(record)}\n`, '--out');
        if (options.sheet !== undefined) await writeOutput(options.sheet, sheet!, '--sheet');
        out.say(
          `pool       ${file}: ${formatCount(loaded.pool.size)} codes, ${formatCount(loaded.pool.totalEntries)} entries (read in ${formatDuration(loaded.elapsedMs)})`,
        );
        out.say(
          `draw       quota ${formatCount(record.quota)}, generator ${record.generator}, seed ${JSON.stringify(record.seed)}${record.label === '' ? '' : `, label ${JSON.stringify(record.label)}`}`,
        );
        out.say(
          `result     ${formatCount(winners.length)} winners, ${formatCount(record.picks)} picks${record.allocation === 'all' ? ' (quota covers the pool: everyone wins)' : ''} in ${formatDuration(drawMs)}`,
        );
        for (const [i, w] of winners.slice(0, 5).entries())
          out.say(`           ${String(i + 1).padStart(4)}  ${w.code}  entry ${formatCount(w.entry)}`);
        if (winners.length > 5) out.say(`           …`);
        out.say(
          `record     digest ${record.digest}${options.out === undefined ? ' (not saved: use --out)' : ` → ${options.out === '-' ? 'stdout' : options.out}`}`,
        );
        if (options.sheet !== undefined) out.say(`sheet      → ${options.sheet === '-' ? 'stdout' : options.sheet}`);
        out.result({
          ok: true,
          file,
          winners: winners.length,
          picks: record.picks,
          digest: record.digest,
          ...(options.out === undefined ? { record } : { out: options.out }),
          ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
        });
      },
    );
}
