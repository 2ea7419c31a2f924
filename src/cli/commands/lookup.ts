import type { Command } from 'commander';
import { lookupDrawResult } from '../../lifecycle/lookupDrawResult';
import { readJsonFile } from '../../node/readInput';
import { formatCount } from '../format';
import { loadPool } from '../loadPool';
import { blamingFile } from '../blameFile';
import { Failed, type CliContext } from '../context';

/** `yaohao lookup`. */
export function lookupCommand(cli: Command, context: CliContext): void {
  cli
    .command('lookup <pool> <record> <code>')
    .description(
      'look an application code up in a published draw: won (place, entry), not won (its entries of T), or not in the pool',
    )
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .addHelpText(
      'after',
      '\nExit 0 when the code is in the pool (won or not), 1 when it is not (or the record is not of this pool).\n\nExamples:\n  yaohao lookup bjPersonCommon202406.zip record-202406.json 0000100000033\n  yaohao lookup pool.jsonl record.json 1000000007919 --policy beijing2016 --json',
    )
    .action(async (file: string, recordFile: string, code: string, options: { policy?: string }) => {
      const out = context.output();
      const [loaded, record] = await Promise.all([loadPool(file, options.policy), readJsonFile(recordFile)]);
      const found = blamingFile(recordFile, () => lookupDrawResult(loaded.pool, record, code), 'record');
      out.result({ ok: found.status === 'won' || found.status === 'not-won', ...found });
      switch (found.status) {
        case 'won':
          out.say(
            `won: ${code} is winner ${formatCount(found.position)}, drawn at entry ${formatCount(found.entry)} (it had ${formatCount(found.entries)} of ${formatCount(found.totalEntries)} entries)`,
          );
          return;
        case 'not-won':
          out.say(
            `not won: ${code} was in the pool with ${formatCount(found.entries)} of ${formatCount(found.totalEntries)} entries and did not win`,
          );
          return;
        case 'not-in-pool':
          out.say(`not in this pool: ${code}`);
          throw new Failed();
        case 'record-not-of-pool':
          out.say(`MISMATCH: ${recordFile} is not the draw of ${file} (pool digest ${found.poolDigest})`);
          throw new Failed();
      }
    });
}
