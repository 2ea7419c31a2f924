import { Command, CommanderError, Option } from 'commander';
import { checkPublishedSheet } from '../audit/checkPublishedSheet';
import { formatResultSheet, parseResultSheet } from '../audit/resultSheetText';
import { serializeRecord } from '../audit/AuditRecord';
import { verifyRecord } from '../audit/verifyRecord';
import { drawLottery } from '../draw/drawLottery';
import { isYaohaoError, YaohaoError } from '../errors/YaohaoError';
import { atomicWrite } from '../node/atomicWrite';
import { readJsonFile, readTextFile } from '../node/readInput';
import { writeOfficialZip } from '../node/officialZip';
import { commitPool } from '../pool/commitPool';
import { ENGINE } from '../version';
import { runDemo } from './demo';
import { formatCount, formatDuration } from './format';
import { loadPool } from './loadPool';
import { issueLines } from './report';
import { jsonSchemaOf, SCHEMAS } from './schemas';

/** Exit codes: 0 success, 1 a verification or check failed, 2 bad input or usage, 70 a bug in yaohao. */
const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;

// A file with a million bad lines should not scroll a million lines: the first ones and a count.
const SHOWN_ISSUES = 20;

interface Output {
  json: boolean;
  /** Human lines (stdout), or nothing in --json mode. */
  say(line: string): void;
  /** The --json result (stdout). */
  result(value: unknown): void;
}

function output(json: boolean): Output {
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

class Failed extends Error {}

const intArg =
  (name: string) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw new YaohaoError([
        { code: 'invalid_value', path: [name], message: `${name} takes a whole number, got ${JSON.stringify(value)}` },
      ]);
    return Number(value);
  };

function program(): Command {
  const cli = new Command('yaohao')
    .description('Deterministic, auditable quota lotteries (摇号): commit pools, draw, replay, check published sheets.')
    .version(ENGINE.replace('yaohao ', ''), '--version')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(yaohao --help shows the commands; yaohao <command> --help their options)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addHelpText(
      'after',
      `
Pool files: .jsonl (one record per line), .csv (header row), .zip (official Beijing pool).
Exit codes: 0 ok, 1 a verification or check failed, 2 bad input, 70 a bug in yaohao.

Examples:
  yaohao commit pool.jsonl --policy beijing2016
  yaohao draw pool.zip --quota 6400 --seed 033859 --generator legacy --out record.json --sheet sheet.txt
  yaohao verify pool.zip record.json
  yaohao check-sheet sheet.txt
  yaohao schema record`,
    );
  const json = (): boolean => cli.opts<{ json?: boolean }>().json === true;

  cli
    .command('commit <pool>')
    .description('print the pool commitment: size, total entries, SHA-256 digest (and the zip MD5)')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao commit pool.jsonl --policy beijing2016\n  yaohao commit bjPersonCommon202406.zip --json',
    )
    .action(async (file: string, options: { policy?: string }) => {
      const out = output(json());
      const loaded = await loadPool(file, options.policy);
      const commitment = commitPool(loaded.pool);
      out.say(
        `pool       ${file} (${loaded.format}, ${formatCount(loaded.items)} ${loaded.format === 'zip' ? 'entries' : 'lines'})`,
      );
      out.say(`size       ${formatCount(commitment.size)} codes`);
      out.say(`entries    ${formatCount(commitment.totalEntries)}`);
      out.say(`digest     ${commitment.digest}  (${commitment.format})`);
      if (loaded.md5 !== undefined) out.say(`zip md5    ${loaded.md5}  (compare with the published MD5)`);
      if (loaded.header !== undefined)
        out.say(
          `header     ${loaded.header.periodType} ${loaded.header.period}, quota ${formatCount(loaded.header.quota)}`,
        );
      out.say(`elapsed    ${formatDuration(loaded.elapsedMs)}`);
      out.result({
        ok: true,
        file,
        format: loaded.format,
        commitment,
        ...(loaded.md5 === undefined ? {} : { md5: loaded.md5, header: loaded.header }),
        items: loaded.items,
        bytes: loaded.bytes,
        elapsedMs: Math.round(loaded.elapsedMs),
      });
    });

  cli
    .command('draw <pool>')
    .description('draw winners, write the audit record and optionally the result sheet')
    .requiredOption('--quota <n>', 'number of winners', intArg('--quota'))
    .requiredOption('--seed <seed>', 'the seed as published (6 digits for legacy, any string for default)')
    .addOption(new Option('--generator <id>', 'generator').choices(['legacy', 'default']).default('default'))
    .option('--label <label>', 'sub-draw label (default generator stream)', '')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .option('--out <record.json>', 'write the audit record here (canonical JSON)')
    .option('--sheet <sheet.txt>', 'write the result sheet here (official layout)')
    .option('--period <YYYYMM>', 'period number for the sheet header')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao draw pool.zip --quota 6400 --seed 033859 --generator legacy --out record.json --sheet sheet.txt\n  yaohao draw pool.jsonl --policy beijing2016 --quota 100 --seed "drand 4513224" --label ordinary/individual --json',
    )
    .action(
      async (
        file: string,
        options: {
          quota: number;
          seed: string;
          generator: 'legacy' | 'default';
          label: string;
          policy?: string;
          out?: string;
          sheet?: string;
          period?: string;
        },
      ) => {
        const out = output(json());
        const loaded = await loadPool(file, options.policy);
        const started = performance.now();
        const { winners, record } = drawLottery(loaded.pool, {
          quota: options.quota,
          seed: options.seed,
          generator: options.generator,
          label: options.label,
        });
        const drawMs = performance.now() - started;
        if (options.out !== undefined) await atomicWrite(options.out, `${serializeRecord(record)}\n`);
        if (options.sheet !== undefined)
          await atomicWrite(
            options.sheet,
            formatResultSheet(record, options.period === undefined ? {} : { period: options.period }),
          );
        out.say(
          `pool       ${file}: ${formatCount(loaded.pool.size)} codes, ${formatCount(loaded.pool.totalEntries)} entries (read in ${formatDuration(loaded.elapsedMs)})`,
        );
        out.say(
          `draw       quota ${formatCount(record.quota)}, generator ${record.generator}, seed ${JSON.stringify(record.seed)}${record.label === '' ? '' : `, label ${JSON.stringify(record.label)}`}`,
        );
        out.say(
          `result     ${formatCount(winners.length)} winners, ${formatCount(record.picks)} picks${record.allocation === 'all' ? ' (quota covers the pool: everyone wins)' : ''} in ${formatDuration(drawMs)}`,
        );
        for (const [i, w] of winners.slice(0, 5).entries())
          out.say(`           ${String(i + 1).padStart(4)}  ${w.code}  entry ${formatCount(w.entry)}`);
        if (winners.length > 5) out.say(`           …`);
        out.say(
          `record     digest ${record.digest}${options.out === undefined ? ' (not saved: use --out)' : ` → ${options.out}`}`,
        );
        if (options.sheet !== undefined) out.say(`sheet      → ${options.sheet}`);
        out.result({
          ok: true,
          file,
          winners: winners.length,
          picks: record.picks,
          digest: record.digest,
          ...(options.out === undefined ? { record } : { out: options.out }),
          ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
        });
      },
    );

  cli
    .command('verify <pool> <record>')
    .description('replay an audit record against the pool; says where and what differs')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .option('--published-digest <hex>', 'the record digest published at the draw')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao verify pool.zip record.json\n  yaohao verify pool.jsonl record.json --policy beijing2016 --json',
    )
    .action(async (file: string, recordFile: string, options: { policy?: string; publishedDigest?: string }) => {
      const out = output(json());
      const [loaded, record] = await Promise.all([loadPool(file, options.policy), readJsonFile(recordFile)]);
      const verdict = verifyRecord(
        record,
        loaded.pool,
        options.publishedDigest === undefined ? {} : { publishedDigest: options.publishedDigest },
      );
      if (verdict.ok) {
        out.say(
          `ok: ${recordFile} replays — ${formatCount(verdict.record.winners.length)} winners, in order, with entry numbers (pool ${verdict.record.pool.digest})`,
        );
        out.result({ ok: true, winners: verdict.record.winners.length, digest: verdict.record.digest });
        return;
      }
      out.say(`MISMATCH (${verdict.reason}): ${verdict.message}`);
      if (verdict.issues !== undefined)
        for (const line of issueLines(verdict.issues, 0, recordFile)) out.say(`  ${line}`);
      out.result(verdict);
      throw new Failed();
    });

  cli
    .command('check-sheet <sheet>')
    .description('check a published result sheet against its own seed (no pool needed)')
    .option('--flat', 'the pool had one entry per code (Guangzhou, Shenzhen, Beijing 2011–2013)')
    .addOption(new Option('--generator <id>', 'generator, when the sheet does not say').choices(['legacy', 'default']))
    .option('--label <label>', 'sub-draw label, when the sheet does not say')
    .addHelpText(
      'after',
      '\nExamples:\n  yaohao check-sheet result-202406.txt\n  yaohao check-sheet gz-201908.txt --flat --json',
    )
    .action(async (file: string, options: { flat?: boolean; generator?: 'legacy' | 'default'; label?: string }) => {
      const out = output(json());
      const text = await readTextFile(file);
      const { sheet, meta } = parseResultSheet(text);
      const verdict = checkPublishedSheet({
        ...sheet,
        ...(options.generator === undefined ? {} : { generator: options.generator }),
        ...(options.label === undefined ? {} : { label: options.label }),
        ...(options.flat === true ? { pool: 'flat' } : {}),
      });
      out.say(
        `sheet      ${file}${meta.title === undefined ? '' : `: ${meta.title}`}${meta.description === undefined ? '' : ` / ${meta.description}`}`,
      );
      out.say(
        `figures    T ${formatCount(sheet.totalEntries)}, quota ${formatCount(sheet.quota)}, seed ${sheet.seed}, ${formatCount(sheet.rows.length)} rows`,
      );
      if (verdict.ok) {
        out.say(
          `ok: consistent with its seed (${verdict.mode}: ${formatCount(verdict.picks)} picks, ${formatCount(verdict.rejectedPicks)} repeats thrown away)`,
        );
        if (verdict.mode === 'entries' && options.flat !== true) {
          out.say(
            'note: in a weighted pool the codes are checked only for repeats: tying each code to its entry needs the pool (yaohao verify)',
          );
        }
        if (verdict.unverifiedSkips.length > 0) {
          out.say(
            `note: ${formatCount(verdict.unverifiedSkips.length)} skipped picks hit entries no row shows; they are legitimate only if those entries belong to codes that had already won — the pool file can confirm (yaohao verify)`,
          );
        }
        out.result({ ...verdict, meta });
        return;
      }
      out.say(
        `INCONSISTENT (${verdict.reason})${verdict.position === undefined ? '' : ` at row ${verdict.position + 1}`}: ${verdict.message}`,
      );
      out.result({ ...verdict, meta });
      throw new Failed();
    });

  cli
    .command('export-zip <pool>')
    .description('write a pool in the official Beijing zip layout (byte-stable), and print its MD5')
    .requiredOption('--out <pool.zip>', 'the zip to write')
    .requiredOption('--period <YYYYMM>', 'period number')
    .requiredOption('--quota <n>', 'quota (header line 7)', intArg('--quota'))
    .addOption(
      new Option('--type <type>', 'period type')
        .choices(['PERSONCOMMON', 'PERSONNEW', 'UNITCOMMON', 'UNITNEW'])
        .default('PERSONCOMMON'),
    )
    .option('--title <text>', 'period title (header line 3)')
    .option('--deflate', 'compress (smaller; bytes then depend on the zlib version)')
    .option('--policy <preset|file>', 'how records become entries (preset name or policy.json)')
    .addHelpText(
      'after',
      '\nExample:\n  yaohao export-zip pool.jsonl --policy beijing2016 --period 202406 --quota 6400 --out bjPersonCommon202406.zip',
    )
    .action(
      async (
        file: string,
        options: {
          out: string;
          period: string;
          quota: number;
          type: string;
          title?: string;
          deflate?: boolean;
          policy?: string;
        },
      ) => {
        const out = output(json());
        const loaded = await loadPool(file, options.policy);
        const md5 = await writeOfficialZip(loaded.pool, options.out, {
          period: options.period,
          quota: options.quota,
          periodType: options.type,
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.deflate === true ? { deflate: true } : {}),
        });
        out.say(
          `wrote      ${options.out}: ${formatCount(loaded.pool.totalEntries)} entries of ${formatCount(loaded.pool.size)} codes`,
        );
        out.say(`zip md5    ${md5}`);
        out.result({ ok: true, out: options.out, md5, commitment: commitPool(loaded.pool) });
      },
    );

  cli
    .command('schema [name]')
    .description('print the JSON Schema of input records, the policy, the audit record or a sheet')
    .addHelpText(
      'after',
      `\nNames: ${Object.keys(SCHEMAS).join(', ')}\n\nExamples:\n  yaohao schema           (all of them, by name)\n  yaohao schema record`,
    )
    .action((name: string | undefined) => {
      if (name !== undefined && SCHEMAS[name] === undefined) {
        throw new YaohaoError([
          {
            code: 'invalid_value',
            path: ['name'],
            message: `unknown schema "${name}"; names: ${Object.keys(SCHEMAS).join(', ')}`,
          },
        ]);
      }
      const value =
        name === undefined
          ? Object.fromEntries(
              Object.entries(SCHEMAS).map(([key, { about }]) => [
                key,
                { description: about, schema: jsonSchemaOf(key) },
              ]),
            )
          : jsonSchemaOf(name);
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    });

  cli
    .command('demo')
    .description('a Beijing-2019-scale draw on a built-in synthetic pool (nothing downloaded)')
    .option('--size <n>', 'applications', intArg('--size'), 3_100_000)
    .option('--quota <n>', 'winners', intArg('--quota'), 6_400)
    .action((options: { size: number; quota: number }) => {
      runDemo({ size: options.size, quota: options.quota, print: (line) => process.stdout.write(`${line}\n`) });
    });
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
      const file = argv.find((a) => /\.(jsonl|ndjson|json|csv|zip|txt)$/i.test(a));
      if (wantsJson)
        process.stdout.write(
          `${JSON.stringify({ ok: false, error: 'bad-input', issues: error.issues, omittedIssues: error.omittedIssues }, null, 2)}\n`,
        );
      else
        for (const line of issueLines(error.issues, error.omittedIssues, file, SHOWN_ISSUES))
          process.stderr.write(`yaohao: ${line}\n`);
      if (
        !wantsJson &&
        !argv.includes('--policy') &&
        error.issues.some((i) => i.code === 'unknown_field' && (i.path.includes('draws') || i.path.includes('members')))
      ) {
        process.stderr.write(
          'yaohao: hint: these records carry a draw history, not weights: name the policy, e.g. --policy beijing2016\n',
        );
      }
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/ENOSPC|EACCES|EISDIR|ENOENT|EPERM/.test(message)) {
      process.stderr.write(`yaohao: ${message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(
      `yaohao: internal error: ${message}\n(this is a bug in yaohao; please report it with the command you ran)\n`,
    );
    return EXIT.internal;
  }
}

process.exitCode = await main(process.argv.slice(2));
