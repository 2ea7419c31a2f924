import { YaohaoError } from '../errors/YaohaoError';

/** Where a command writes: human lines, or one JSON result with --json. */
export interface Output {
  json: boolean;
  /** Human lines (stdout), or nothing in --json mode. */
  say(line: string): void;
  /** The --json result (stdout). */
  result(value: unknown): void;
}

/** What every command gets from the program: its output, set by the global --json flag. */
export interface CliContext {
  /** The output of the running command. */
  output(): Output;
}

/** Thrown by a command whose check failed (exit 1); what failed has already been printed. */
export class Failed extends Error {}

/** An output on stdout, human or --json. */
export function output(json: boolean): Output {
  return {
    json,
    say: (line) => {
      if (!json) process.stdout.write(`${line}\n`);
    },
    result: (value) => {
      // Peak memory goes with every result: long runs on big files are where it matters.
      if (json)
        process.stdout.write(
          `${JSON.stringify({ ...(value as object), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`,
        );
    },
  };
}

/** A commander parser for a whole-number option. */
export const intArg =
  (name: string) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw new YaohaoError([
        { code: 'invalid_value', path: [name], message: `${name} takes a whole number, got ${JSON.stringify(value)}` },
      ]);
    return Number(value);
  };
