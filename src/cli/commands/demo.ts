import { Option, type Command } from 'commander';
import { DEMO_DEFAULTS, MAX_DEMO_SIZE, runDemo, type DemoEra } from '../demo';
import { intArg, type CliContext } from '../context';

/** `yaohao demo`. */
export function demoCommand(cli: Command, context: CliContext): void {
  cli
    .command('demo')
    .description('a city-scale draw on a built-in synthetic pool (nothing downloaded)')
    .addOption(
      new Option('--era <era>', '2019: individuals by steps; 2024: families by points and individuals in one pool')
        .choices(['2019', '2024'])
        .default('2019'),
    )
    .option(
      '--size <n>',
      `applications, 1 to ${MAX_DEMO_SIZE} (default: 3,100,000 for 2019, 3,000,000 for 2024)`,
      intArg('--size', 1, MAX_DEMO_SIZE),
    )
    .option('--quota <n>', 'winners (default: 6,400 for 2019, 9,600 for 2024)', intArg('--quota', 1))
    .action((options: { era: DemoEra; size?: number; quota?: number }) => {
      const defaults = DEMO_DEFAULTS[options.era];
      const out = context.output();
      const { summary } = runDemo({
        era: options.era,
        size: options.size ?? defaults.size,
        quota: options.quota ?? defaults.quota,
        print: (line) => out.say(line),
      });
      out.result({ ok: true, ...summary });
    });
}
