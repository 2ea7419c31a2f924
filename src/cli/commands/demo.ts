import type { Command } from 'commander';
import { runDemo } from '../demo';
import { intArg, type CliContext } from '../context';

/** `yaohao demo`. */
export function demoCommand(cli: Command, _context: CliContext): void {
  cli
    .command('demo')
    .description('a Beijing-2019-scale draw on a built-in synthetic pool (nothing downloaded)')
    .option('--size <n>', 'applications', intArg('--size'), 3_100_000)
    .option('--quota <n>', 'winners', intArg('--quota'), 6_400)
    .action((options: { size: number; quota: number }) => {
      runDemo({ size: options.size, quota: options.quota, print: (line) => process.stdout.write(`${line}\n`) });
    });
}
