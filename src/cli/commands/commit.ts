import type { Command } from 'commander';
import { checkFiles } from '../../node/checkFiles';
import { commitPool } from '../../pool/commitPool';
import { formatCount, formatDuration } from '../format';
import { loadPool } from '../loadPool';
import type { CliContext } from '../context';

/** `yaohao commit`. */
export function commitCommand(cli: Command, context: CliContext): void {
  cli
    .command('commit <pool>')
    .description('print the pool commitment: size, total entries, SHA-256 digest (and the zip MD5)')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json; - is stdin)')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao commit pool.jsonl --policy beijing2016\n  yaohao commit bjPersonCommon202406.zip --json',
    )
    .action(async (file: string, options: { policy?: string }) => {
      await checkFiles(
        [
          { option: '<pool>', path: file },
          { option: '--policy', path: options.policy ?? '' },
        ],
        [],
      );
      const out = context.output();
      const loaded = await loadPool(file, options.policy, { md5: true });
      const commitment = commitPool(loaded.pool);
      out.say(
        `pool       ${file} (${loaded.format}, ${formatCount(loaded.items)} ${loaded.format === 'zip' ? 'entries' : 'lines'})`,
      );
      out.say(`size       ${formatCount(commitment.size)} codes`);
      out.say(`entries    ${formatCount(commitment.totalEntries)}`);
      out.say(`digest     ${commitment.digest}  (${commitment.format})`);
      if (loaded.md5 !== undefined) out.say(`zip md5    ${loaded.md5}  (compare with the published MD5)`);
      if (loaded.header !== undefined)
        out.say(
          `header     ${loaded.header.periodType} ${loaded.header.period}, quota ${formatCount(loaded.header.quota)}`,
        );
      const others = loaded.otherFiles ?? [];
      if (others.length > 0)
        out.say(
          `note       the zip holds ${formatCount(others.length)} other file${others.length === 1 ? '' : 's'}, not read: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}`,
        );
      out.say(`elapsed    ${formatDuration(loaded.elapsedMs)}`);
      out.result({
        ok: true,
        file,
        format: loaded.format,
        commitment,
        ...(loaded.md5 === undefined ? {} : { md5: loaded.md5, header: loaded.header, otherFiles: others }),
        items: loaded.items,
        bytes: loaded.bytes,
        elapsedMs: Math.round(loaded.elapsedMs),
      });
    });
}
