import { Command, CommanderError } from 'commander';
import { isYaohaoError } from '../errors/YaohaoError';
import { ENGINE } from '../version';
import { checkSheetCommand } from './commands/checkSheet';
import { commitCommand } from './commands/commit';
import { continuityCommand } from './commands/continuity';
import { demoCommand } from './commands/demo';
import { drawCommand } from './commands/draw';
import { exportZipCommand } from './commands/exportZip';
import { oddsCommand } from './commands/odds';
import { lookupCommand } from './commands/lookup';
import { schemaCommand } from './commands/schema';
import { selfcheckCommand } from './commands/selfcheck';
import { simulateCommand } from './commands/simulate';
import { verifierCommand } from './commands/verifier';
import { verifyCommand } from './commands/verify';
import { Failed, output, type CliContext } from './context';
import { issueLines } from './report';
import { guardStreams, toStderr, toStdout } from './streams';

/** The commands, in the order `yaohao --help` lists them. One file each, under commands/. */
const COMMANDS: readonly ((cli: Command, context: CliContext) => void)[] = [
  commitCommand,
  drawCommand,
  verifyCommand,
  checkSheetCommand,
  exportZipCommand,
  oddsCommand,
  selfcheckCommand,
  simulateCommand,
  lookupCommand,
  continuityCommand,
  schemaCommand,
  demoCommand,
  verifierCommand,
];

/**
 * Exit codes (docs/spec.md §15): 0 success, 1 a verification or check failed, 2 bad input, usage or
 * an output that cannot be written, 141 the reader of stdout went away (streams.ts), 70 a bug in yaohao.
 */
const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;

// A file with a million bad lines should not scroll a million lines: the first ones and a count.
const SHOWN_ISSUES = 20;

function program(): Command {
  const cli = new Command('yaohao')
    .description('Deterministic, auditable quota lotteries (摇号): commit pools, draw, replay, check published sheets.')
    .version(ENGINE.replace('yaohao ', ''), '--version')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(yaohao --help shows the commands; yaohao <command> --help their options)')
    .exitOverride()
    .configureOutput({ writeOut: toStdout, writeErr: toStderr })
    .addHelpText(
      'after',
      `
Pool files: .jsonl (one record per line), .csv (header row), .zip (official Beijing pool).
Inputs and outputs: - is stdin for a file read, stdout for a file written (--out -, --sheet -).
Exit codes: 0 ok, 1 a verification or check failed, 2 bad input or an output that cannot be written,
141 the reader of stdout went away (yaohao … | head), 70 a bug in yaohao.

Examples:
  yaohao commit pool.jsonl --policy beijing2016
  yaohao draw pool.zip --quota 6400 --seed 033859 --generator legacy --out record.json --sheet sheet.txt
  yaohao verify pool.zip record.json
  yaohao check-sheet sheet.txt
  yaohao schema record`,
    );
  const json = (): boolean => cli.opts<{ json?: boolean }>().json === true;

  const context: CliContext = { output: (stdoutTaken) => output(json(), stdoutTaken) };
  for (const command of COMMANDS) command(cli, context);
  return cli;
}

async function main(argv: readonly string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    await program().parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Failed) return EXIT.failed;
    if (error instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (isYaohaoError(error)) {
      // Readers name their file in each issue; this guess from the command line is the last resort.
      const file = argv.find((a) => /\.(jsonl|ndjson|json|csv|zip|txt)$/i.test(a));
      if (wantsJson)
        toStdout(
          `${JSON.stringify({ ok: false, error: 'bad-input', issues: error.issues, omittedIssues: error.omittedIssues }, null, 2)}\n`,
        );
      else
        for (const line of issueLines(error.issues, error.omittedIssues, file, SHOWN_ISSUES))
          toStderr(`yaohao: ${line}\n`);
      if (
        !wantsJson &&
        !argv.includes('--policy') &&
        error.issues.some((i) => i.code === 'unknown_field' && (i.path.includes('draws') || i.path.includes('members')))
      ) {
        toStderr(
          'yaohao: hint: these records carry a draw history, not weights: name the policy, e.g. --policy beijing2016\n',
        );
      }
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/ENOSPC|EACCES|EISDIR|ENOENT|EPERM/.test(message)) {
      toStderr(`yaohao: ${message}\n`);
      return EXIT.badInput;
    }
    toStderr(
      `yaohao: internal error: ${message}\n(this is a bug in yaohao; please report it with the command you ran)\n`,
    );
    return EXIT.internal;
  }
}

guardStreams();
process.exitCode = await main(process.argv.slice(2));
