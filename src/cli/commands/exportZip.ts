import { Option, type Command } from 'commander';
import { checkFiles } from '../../node/checkFiles';
import { writeOfficialZipFile } from '../../node/officialZipFile';
import { commitPool } from '../../pool/commitPool';
import { formatCount } from '../format';
import { loadPool } from '../loadPool';
import { intArg, textArg, type CliContext } from '../context';

/** `yaohao export-zip`. */
export function exportZipCommand(cli: Command, context: CliContext): void {
  cli
    .command('export-zip <pool>')
    .description('write a pool in the official Beijing zip layout (byte-stable), and print its MD5')
    .requiredOption('--out <pool.zip>', 'the zip to write (- is stdout)')
    .requiredOption('--period <YYYYMM>', 'period number', textArg('--period', true))
    .requiredOption('--quota <n>', 'quota (header line 7)', intArg('--quota'))
    .addOption(
      new Option('--type <type>', 'period type')
        .choices(['PERSONCOMMON', 'PERSONNEW', 'UNITCOMMON', 'UNITNEW'])
        .default('PERSONCOMMON'),
    )
    .option('--title <text>', 'period title (header line 3)', textArg('--title', true))
    .option('--deflate', 'compress (smaller; bytes then depend on the zlib version)')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json; - is stdin)')
    .addHelpText(
      'after',
      '\nExample:\n  yaohao export-zip pool.jsonl --policy beijing2016 --period 202406 --quota 6400 --out bjPersonCommon202406.zip',
    )
    .action(
      async (
        file: string,
        options: {
          out: string;
          period: string;
          quota: number;
          type: string;
          title?: string;
          deflate?: boolean;
          policy?: string;
        },
      ) => {
        await checkFiles(
          [
            { option: '<pool>', path: file },
            { option: '--policy', path: options.policy ?? '' },
          ],
          [{ option: '--out', path: options.out }],
        );
        const out = context.output(options.out === '-');
        const loaded = await loadPool(file, options.policy);
        const md5 = await writeOfficialZipFile(loaded.pool, options.out, {
          period: options.period,
          quota: options.quota,
          periodType: options.type,
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.deflate === true ? { deflate: true } : {}),
        });
        out.say(
          `wrote      ${options.out}: ${formatCount(loaded.pool.totalEntries)} entries of ${formatCount(loaded.pool.size)} codes`,
        );
        out.say(`zip md5    ${md5}`);
        out.result({ ok: true, out: options.out, md5, commitment: commitPool(loaded.pool) });
      },
    );
}
