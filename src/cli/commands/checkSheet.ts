import { Option, type Command } from 'commander';
import { checkPublishedSheet } from '../../audit/checkPublishedSheet';
import { parseResultSheet, sheetValue } from '../../audit/resultSheetText';
import { checkFiles } from '../../node/checkFiles';
import { readTextFile } from '../../node/readInput';
import { formatCount } from '../format';
import { blamingFile, fileLabel } from '../blameFile';
import { Failed, textArg, type CliContext } from '../context';

/** `yaohao check-sheet`. */
export function checkSheetCommand(cli: Command, context: CliContext): void {
  cli
    .command('check-sheet <sheet>')
    .description('check a published result sheet against its own seed (no pool needed)')
    .option('--flat', 'the pool had one entry per code (Guangzhou, Shenzhen, Beijing 2011–2013)')
    .addOption(new Option('--generator <id>', 'generator, when the sheet does not say').choices(['legacy', 'default']))
    .option('--label <label>', 'sub-draw label, when the sheet does not say', textArg('--label'))
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao check-sheet result-202406.txt\n  yaohao check-sheet gz-201908.txt --flat --json\n  yaohao draw pool.zip --quota 40 --seed 033859 --generator legacy --sheet - | yaohao check-sheet -',
    )
    .action(async (file: string, options: { flat?: boolean; generator?: 'legacy' | 'default'; label?: string }) => {
      await checkFiles([{ option: '<sheet>', path: file }], []);
      const out = context.output();
      const text = await readTextFile(file, '<sheet>');
      const { sheet, meta } = blamingFile(file, () => parseResultSheet(text));
      const verdict = checkPublishedSheet({
        ...sheet,
        ...(options.generator === undefined ? {} : { generator: options.generator }),
        ...(options.label === undefined ? {} : { label: options.label }),
        ...(options.flat === true ? { pool: 'flat' } : {}),
      });
      out.say(
        `sheet      ${fileLabel(file)}${meta.title === undefined ? '' : `: ${meta.title}`}${meta.description === undefined ? '' : ` / ${meta.description}`}`,
      );
      out.say(
        `figures    T ${formatCount(sheet.totalEntries)}, quota ${formatCount(sheet.quota)}, seed ${sheetValue(sheet.seed)}, ${formatCount(sheet.rows.length)} rows`,
      );
      if (verdict.ok) {
        out.say(
          `ok: consistent with its seed (${verdict.mode}: ${formatCount(verdict.picks)} picks, ${formatCount(verdict.rejectedPicks)} repeats thrown away)`,
        );
        if (verdict.mode === 'entries' && options.flat !== true) {
          out.say(
            'note: in a weighted pool the codes are checked only for repeats: tying each code to its entry needs the pool (yaohao verify)',
          );
        }
        if (verdict.mode === 'all' && options.flat !== true && sheet.rows.length < sheet.totalEntries)
          out.say(
            `note: every code won without a draw; that holds only if the pool has exactly ${formatCount(sheet.rows.length)} codes (yaohao commit shows the pool's size)`,
          );
        if (verdict.unverifiedSkipCount > 0) {
          out.say(
            `note: ${formatCount(verdict.unverifiedSkipCount)} skipped picks hit entries no row shows; they are legitimate only if those entries belong to codes that had already won — the pool file can confirm (yaohao verify)`,
          );
        }
        out.result({ ...verdict, meta });
        return;
      }
      out.say(
        `INCONSISTENT (${verdict.reason})${verdict.position === undefined ? '' : ` at row ${verdict.position + 1}`}: ${verdict.message}`,
      );
      out.result({ ...verdict, meta });
      throw new Failed();
    });
}
