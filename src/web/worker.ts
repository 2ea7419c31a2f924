// The page's worker: reads the files and runs the library, so the page stays responsive however
// big or hostile a file is. Requests are handled one at a time, in order; the state (the pool, the
// record, the sheet) lives here, so a lookup never reads a file again.
import { JITLESS } from './jitless';
import { readAuditRecord } from '../audit/AuditRecord';
import {
  checkPublishedSheet,
  commitPool,
  detectPoolFormat,
  formatIssue,
  inFile,
  isYaohaoError,
  lookupDrawResult,
  parseResultSheet,
  presets,
  readCsvPool,
  readJsonLinesPool,
  readOfficialZip,
  verifyRecord,
  verifySheet,
  YaohaoError,
  type AuditRecord,
  type Issue,
  type Pool,
  type PublishedSheet,
} from '../index';
import type { Difference, PoolSummary, Problems, ReplayVerdict, Reply, Request } from './protocol';

/** Records and sheets are small (a 6,400-winner record is 400 KB); anything far bigger is not one. */
const MAX_TEXT_BYTES = 64 << 20;

interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (reply: Reply): void => scope.postMessage(reply);

let pool: { readonly pool: Pool; readonly id: number } | undefined;
let record: { readonly value: unknown; readonly id: number } | undefined;
let sheet: { readonly sheet: PublishedSheet; readonly id: number } | undefined;
/** The replayed draw of the sheet, when the sheet replays against the pool. */
let sheetDraw: AuditRecord | undefined;

const elapsed = (): (() => number) => {
  const start = performance.now();
  return () => Math.round(performance.now() - start);
};

/** A YaohaoError (or anything thrown) as the lines a person reads. */
function problemsOf(error: unknown, file?: string): Problems {
  if (isYaohaoError(error)) {
    const named = file === undefined ? error : inFile(error, file);
    // As the CLI hints: records with a draw history were read without a policy that takes it.
    const needsPolicy = named.issues.some(
      (i) => i.code === 'unknown_field' && (i.path.includes('draws') || i.path.includes('members')),
    );
    return {
      lines: named.issues.map(formatIssue),
      omitted: named.omittedIssues,
      ...(needsPolicy ? { needsPolicy } : {}),
    };
  }
  // Not bad input: a bug, or the browser refusing (memory). Said as it is.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { lines: [`${file === undefined ? '' : `${file}: `}${message}`], omitted: 0 };
}

function difference(verdict: {
  reason: string;
  message: string;
  position?: number;
  issues?: readonly Issue[];
}): Difference {
  return {
    reason: verdict.reason,
    message: verdict.message,
    ...(verdict.position === undefined ? {} : { position: verdict.position }),
    ...(verdict.issues === undefined ? {} : { issues: verdict.issues.map(formatIssue) }),
  };
}

async function readText(file: File): Promise<string> {
  if (file.size > MAX_TEXT_BYTES)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: [],
        message: `${file.size} bytes is more than the ${MAX_TEXT_BYTES} bytes a record or a result sheet can take here: is it the right file?`,
      },
    ]);
  // Fatal: a file that is not UTF-8 text is not a record or a sheet.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError)
      throw new YaohaoError([{ code: 'invalid_syntax', path: [], message: 'not UTF-8 text' }]);
    throw error;
  }
}

async function readPool(request: Extract<Request, { kind: 'pool' }>): Promise<void> {
  const { id, file } = request;
  pool = undefined;
  sheetDraw = undefined;
  const done = elapsed();
  const onProgress = (read: number, total: number | undefined): void =>
    post({ kind: 'progress', id, read, total: total ?? file.size });
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const format = detectPoolFormat(file.name, head) ?? 'jsonl'; // nothing but blank lines: an empty pool says so
  let summary: Omit<PoolSummary, 'digest' | 'milliseconds'>;
  let read: Pool;
  if (format === 'zip') {
    const official = await readOfficialZip(file, { onProgress });
    read = official.pool;
    summary = {
      file: file.name,
      format,
      policy: official.pool.policyId,
      md5: official.md5,
      codes: read.size,
      entries: read.totalEntries,
      bytes: official.bytes,
      header: {
        periodType: official.header.periodType,
        period: official.header.period,
        title: official.header.title,
        quota: official.header.quota,
      },
      otherFiles: official.otherFiles,
    };
  } else {
    const reading = { policy: presets[request.policy], onProgress, md5: true };
    const text = format === 'csv' ? await readCsvPool(file, reading) : await readJsonLinesPool(file, reading);
    read = text.pool;
    summary = {
      file: file.name,
      format,
      policy: request.policy,
      md5: text.md5!,
      codes: read.size,
      entries: read.totalEntries,
      bytes: text.bytes,
      otherFiles: [],
    };
  }
  const digest = commitPool(read).digest;
  pool = { pool: read, id };
  post({ kind: 'pool', id, pool: { ...summary, digest, milliseconds: done() } });
  if (record !== undefined) replayRecord(record.id);
  if (sheet !== undefined) replaySheet(sheet.id);
}

/** A replay's verdict as the page shows it: every winner, or the first difference. */
function replayVerdict(
  verdict: { ok: true; record: AuditRecord } | ({ ok: false } & Parameters<typeof difference>[0]),
): ReplayVerdict {
  if (!verdict.ok) return { ok: false, ...difference(verdict) };
  const { winners, generator, seed, quota, digest } = verdict.record;
  return {
    ok: true,
    winners: winners.map(({ code, entry }) => ({ code, entry })),
    generator,
    seed,
    quota,
    recordDigest: digest,
  };
}

function replayRecord(id: number): void {
  post({ kind: 'replay', id, source: 'record', verdict: replayVerdict(verifyRecord(record!.value, pool!.pool)) });
}

function replaySheet(id: number): void {
  const verdict = verifySheet(sheet!.sheet, pool!.pool);
  sheetDraw = verdict.ok ? verdict.record : undefined;
  post({ kind: 'replay', id, source: 'sheet', verdict: replayVerdict(verdict) });
}

async function readRecord(request: Extract<Request, { kind: 'record' }>): Promise<void> {
  record = undefined;
  const text = await readText(request.file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new YaohaoError([
      { code: 'invalid_syntax', path: [], message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
  const r = readAuditRecord(value, ['record']);
  record = { value, id: request.id };
  post({
    kind: 'record',
    id: request.id,
    record: {
      file: request.file.name,
      winners: r.winners.length,
      seed: r.seed,
      quota: r.quota,
      generator: r.generator,
      poolDigest: r.pool.digest,
    },
  });
  if (pool !== undefined) replayRecord(request.id);
}

async function readSheet(request: Extract<Request, { kind: 'sheet' }>): Promise<void> {
  sheet = undefined;
  sheetDraw = undefined;
  const parsed = parseResultSheet(await readText(request.file));
  const verdict = checkPublishedSheet(parsed.sheet);
  sheet = { sheet: parsed.sheet, id: request.id };
  post({
    kind: 'sheet',
    id: request.id,
    sheet: {
      file: request.file.name,
      ...(parsed.meta.title === undefined ? {} : { title: parsed.meta.title }),
      ...(parsed.meta.description === undefined ? {} : { description: parsed.meta.description }),
      totalEntries: parsed.sheet.totalEntries,
      quota: parsed.sheet.quota,
      seed: parsed.sheet.seed,
      rows: parsed.sheet.rows.length,
      verdict: verdict.ok
        ? {
            ok: true,
            mode: verdict.mode,
            picks: verdict.picks,
            rejectedPicks: verdict.rejectedPicks,
            unverifiedSkips: verdict.unverifiedSkips.length,
          }
        : { ok: false, ...difference(verdict) },
    },
  });
  if (pool !== undefined) replaySheet(request.id);
}

function lookup(request: Extract<Request, { kind: 'lookup' }>): void {
  // The record's draw when there is a record, else the sheet's when it replays against the pool.
  const draw = record?.value ?? sheetDraw;
  if (pool === undefined || draw === undefined) {
    post({ kind: 'lookup', id: request.id, result: { status: 'no-draw' } });
    return;
  }
  post({ kind: 'lookup', id: request.id, result: lookupDrawResult(pool.pool, draw, request.code) });
}

async function handle(request: Request): Promise<void> {
  const file = request.kind === 'lookup' ? undefined : request.file.name;
  try {
    if (request.kind === 'pool') await readPool(request);
    else if (request.kind === 'record') await readRecord(request);
    else if (request.kind === 'sheet') await readSheet(request);
    else lookup(request);
  } catch (error) {
    post({ kind: 'failed', id: request.id, task: request.kind, problems: problemsOf(error, file) });
  }
}

if (!JITLESS) throw new Error("zod must not compile code under the page's Content-Security-Policy");

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
post({ kind: 'ready' });
