import { YaohaoError } from '../errors/YaohaoError';
import { toStderr, toStdout } from './streams';

/** Where a command writes: human lines, or one JSON result with --json. */
export interface Output {
  json: boolean;
  /** Human lines (stdout, or stderr when stdout carries an output named `-`), or nothing in --json mode. */
  say(line: string): void;
  /** The --json result (stdout, or stderr when stdout carries an output). */
  result(value: unknown): void;
}

/** What every command gets from the program: its output, set by the global --json flag. */
export interface CliContext {
  /** The output of the running command; `stdoutTaken`: an output named `-` has stdout to itself. */
  output(stdoutTaken?: boolean): Output;
}

/** Thrown by a command whose check failed (exit 1); what failed has already been printed. */
export class Failed extends Error {}

/** An output on stdout (or stderr), human or --json. */
export function output(json: boolean, stdoutTaken = false): Output {
  const write = stdoutTaken ? toStderr : toStdout;
  return {
    json,
    say: (line) => {
      if (!json) write(`${line}\n`);
    },
    result: (value) => {
      // Peak memory goes with every result: long runs on big files are where it matters.
      if (json)
        write(
          `${JSON.stringify({ ...(value as object), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`,
        );
    },
  };
}

const badArgument = (name: string, message: string): YaohaoError =>
  new YaohaoError([{ code: 'invalid_value', path: [name], message }]);

/** A commander parser for a whole-number option from `min` to `max`. */
export const intArg =
  (name: string, min: number = 0, max: number = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min || Number(value) > max)
      throw badArgument(name, `takes a whole number from ${min} to ${max}, got ${JSON.stringify(value.slice(0, 40))}`);
    return Number(value);
  };

/**
 * A commander parser for text that is recorded or published (a seed, a label, a period, a title):
 * U+FFFD is refused, because that is what bytes that are not UTF-8 become on the command line,
 * and drawing with it would not be drawing with what was typed. `line`: the text must also be one
 * line as it stands (no control character, no white space at either end), for headers that a
 * reader trims and splits into lines.
 */
export const textArg =
  (name: string, line: boolean = false) =>
  (value: string): string => {
    if (value.includes('\uFFFD'))
      throw badArgument(name, 'contains U+FFFD: bytes that are not UTF-8 on the command line? give the text in UTF-8');
    // eslint-disable-next-line no-control-regex
    if (line && (value !== value.trim() || /[\u0000-\u001f\u007f]/.test(value)))
      throw badArgument(name, 'must be one line with no white space at either end (a header line carries it)');
    return value;
  };
