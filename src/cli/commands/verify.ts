import type { Command } from 'commander';
import { verifyRecord } from '../../audit/verifyRecord';
import { checkFiles } from '../../node/checkFiles';
import { readJsonFile } from '../../node/readInput';
import { formatCount } from '../format';
import { loadPool } from '../loadPool';
import { issueLines } from '../report';
import { inFile, YaohaoError } from '../../errors/YaohaoError';
import { fileLabel } from '../blameFile';
import { Failed, type CliContext } from '../context';

/** `yaohao verify`. */
export function verifyCommand(cli: Command, context: CliContext): void {
  cli
    .command('verify <pool> <record>')
    .description('replay an audit record against the pool; says where and what differs')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json; - is stdin)')
    .option('--published-digest <hex>', 'the record digest published at the draw')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao verify pool.zip record.json\n  yaohao verify pool.jsonl record.json --policy beijing2016 --json\n  curl -s https://…/record.json | yaohao verify pool.zip -',
    )
    .action(async (file: string, recordFile: string, options: { policy?: string; publishedDigest?: string }) => {
      await checkFiles(
        [
          { option: '<pool>', path: file },
          { option: '<record>', path: recordFile },
          { option: '--policy', path: options.policy ?? '' },
        ],
        [],
      );
      const out = context.output();
      // The record first: it is small, and its problems should not wait for a big pool.
      const record = await readJsonFile(recordFile, '<record>');
      const loaded = await loadPool(file, options.policy);
      const verdict = verifyRecord(
        record,
        loaded.pool,
        options.publishedDigest === undefined ? {} : { publishedDigest: options.publishedDigest },
      );
      if (verdict.ok) {
        out.say(
          `ok: ${recordFile === '-' ? 'the record (stdin)' : recordFile} replays — ${formatCount(verdict.record.winners.length)} winners, in order, with entry numbers (pool ${verdict.record.pool.digest})`,
        );
        out.result({ ok: true, winners: verdict.record.winners.length, digest: verdict.record.digest });
        return;
      }
      out.say(`MISMATCH (${verdict.reason}): ${verdict.message}`);
      if (verdict.issues !== undefined)
        for (const line of issueLines(
          inFile(new YaohaoError(verdict.issues), fileLabel(recordFile), 'record').issues,
          0,
          fileLabel(recordFile),
        ))
          out.say(`  ${line}`);
      out.result(verdict);
      throw new Failed();
    });
}
