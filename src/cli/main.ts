import { isYaohaoError } from '../errors/YaohaoError';
import { runDemo } from './demo';

const USAGE = `yaohao: deterministic, auditable quota lotteries (摇号)

Usage:
  yaohao demo [--size N] [--quota N]   a Beijing-2019-scale draw on a synthetic pool

Run "yaohao <command> --help" for a command's options.`;

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`${name} takes a positive integer, got ${JSON.stringify(args[at + 1] ?? '')}`);
  return value;
}

class UsageError extends Error {}

function main(args: readonly string[]): number {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'demo') {
    if (rest.includes('--help')) {
      console.log(
        'yaohao demo [--size N] [--quota N]\n\nBuilds a synthetic pool (default 3,100,000 applications), commits it, draws (default quota 6,400), verifies.',
      );
      return 0;
    }
    runDemo({
      size: option(rest, '--size', 3_100_000),
      quota: option(rest, '--quota', 6_400),
      print: (line) => console.log(line),
    });
    return 0;
  }
  throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`yaohao: ${error.message}`);
    process.exitCode = 2;
  } else if (isYaohaoError(error)) {
    console.error(`yaohao: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(`yaohao: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 70;
  }
}
