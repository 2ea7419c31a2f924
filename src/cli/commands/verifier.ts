import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { YaohaoError } from '../../errors/YaohaoError';
import { writeOutput } from '../../node/writeOutput';
import { formatCount } from '../format';
import type { CliContext } from '../context';

// Built with the library (npm run build) and shipped next to dist/cli.js: the CLI stays small to
// load for every other command, and the page in the package is byte for byte the one written here.
const PAGE = new URL('./yaohao-verifier.html', import.meta.url);

/** `yaohao verifier`. */
export function verifierCommand(cli: Command, context: CliContext): void {
  cli
    .command('verifier')
    .description('write the offline verifier page: one HTML file that checks pools, sheets and records in a browser')
    .option('--out <file.html>', 'where to write the page (- for stdout)', 'yaohao-verifier.html')
    .addHelpText(
      'after',
      '\nOpen the file in any modern browser, from disk: it makes no network request.\n\nExample:\n  yaohao verifier --out yaohao-verifier.html',
    )
    .action(async (options: { out: string }) => {
      const out = context.output(options.out === '-');
      const page = await readFile(PAGE).catch(() => {
        throw new YaohaoError([
          {
            code: 'invalid_value',
            path: [fileURLToPath(PAGE)],
            message: 'the verifier page is not built (npm run build builds it)',
          },
        ]);
      });
      await writeOutput(options.out, page, '--out');
      const sha256 = createHash('sha256').update(page).digest('hex');
      out.say(
        `wrote      ${options.out === '-' ? 'stdout' : options.out}: the verifier page, ${formatCount(page.length)} bytes`,
      );
      out.say(`sha256     ${sha256}`);
      out.say('open it in a browser (from disk, offline): drop the pool, the result sheet and the record');
      out.result({ ok: true, out: options.out, bytes: page.length, sha256 });
    });
}
