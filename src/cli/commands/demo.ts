import type { Command } from 'commander';
import { MAX_DEMO_SIZE, runDemo } from '../demo';
import { intArg, type CliContext } from '../context';

/** `yaohao demo`. */
export function demoCommand(cli: Command, context: CliContext): void {
  cli
    .command('demo')
    .description('a Beijing-2019-scale draw on a built-in synthetic pool (nothing downloaded)')
    .option('--size <n>', `applications (1 to ${MAX_DEMO_SIZE})`, intArg('--size', 1, MAX_DEMO_SIZE), 3_100_000)
    .option('--quota <n>', 'winners', intArg('--quota', 1), 6_400)
    .action((options: { size: number; quota: number }) => {
      const out = context.output();
      const { summary } = runDemo({ size: options.size, quota: options.quota, print: (line) => out.say(line) });
      out.result({ ok: true, ...summary });
    });
}
