// The verifier page (docs/spec.md §18), main thread: files in, the worker's answers out, in the
// reader's language. Every verdict comes from the library, run in the worker; this file only
// shows them. The worker's source is inlined by the build (no request, even for the worker).
import { detectPoolFormat, ENGINE, type PoolFormat } from '../index';
import { count, LABELS, type Labels, type Language } from './labels';
import type {
  Difference,
  PolicyName,
  PoolSummary,
  Problems,
  RecordSummary,
  Reply,
  ReplayVerdict,
  Request,
  SheetSummary,
} from './protocol';

/** The worker's bundled source, put here by the build. */
declare const WORKER_SOURCE: string;

type FileKind = 'pool' | 'record' | 'sheet';
type Status = 'empty' | 'reading' | 'done' | 'failed' | 'cancelled';

interface Box<T> {
  file?: File;
  id: number;
  status: Status;
  result?: T;
  problems?: Problems;
}

const POLICIES: readonly PolicyName[] = [
  'explicit',
  'beijing2016',
  'beijing2014',
  'beijing2011',
  'beijing2021',
  'beijing2022',
  'beijing2023',
  'beijing2024',
];

interface PageState {
  language: Language;
  pool: Box<PoolSummary> & { format?: PoolFormat; progress?: { read: number; total: number } };
  record: Box<RecordSummary>;
  sheet: Box<SheetSummary>;
  /** The replays against the pool, of the record and of the sheet. */
  replay: { record?: ReplayVerdict; sheet?: ReplayVerdict };
  lookup: { id: number; reply?: Extract<Reply, { kind: 'lookup' }>['result'] | Problems };
  /** The published MD5 typed or dropped: undefined when none, null when the text holds none. */
  publishedMd5: string | undefined | null;
}

const state: PageState = {
  language: navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en',
  pool: { id: 0, status: 'empty' },
  record: { id: 0, status: 'empty' },
  sheet: { id: 0, status: 'empty' },
  replay: {},
  lookup: { id: 0 },
  publishedMd5: undefined,
};

// An explicit language in the address (#en, #zh) wins: links and screenshots can choose.
if (location.hash === '#en' || location.hash === '#zh') state.language = location.hash.slice(1) as Language;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const t = (): Labels => LABELS[state.language];

/** An element with text or children; never HTML from a string (file names and messages are data). */
function h(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

// ---- the worker ----

const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
let worker: Worker;
let nextId = 1;

function startWorker(): void {
  worker = new Worker(workerUrl);
  worker.onmessage = (event: MessageEvent<Reply>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    crashed();
  };
  worker.onmessageerror = () => crashed();
}

function send(request: Request): void {
  worker.postMessage(request);
}

function readFile(kind: FileKind, file: File): void {
  const box = state[kind];
  box.file = file;
  box.id = nextId++;
  box.status = 'reading';
  delete box.result;
  delete box.problems;
  if (kind === 'pool') {
    delete state.pool.progress;
    delete state.replay.record;
    delete state.replay.sheet;
    send({ kind, id: box.id, file, policy: selectedPolicy() });
  } else {
    delete state.replay[kind];
    send({ kind, id: box.id, file });
  }
  delete state.lookup.reply;
  render();
}

/** Restarts the worker with the files that are still wanted (after a stop or a crash). */
function restart(keepPool: boolean): void {
  worker.terminate();
  startWorker();
  state.replay = {};
  delete state.lookup.reply;
  const kinds: FileKind[] = keepPool ? ['pool', 'record', 'sheet'] : ['record', 'sheet'];
  for (const kind of kinds) {
    const box = state[kind];
    if (box.file !== undefined && box.status !== 'failed') readFile(kind, box.file);
  }
}

function cancel(): void {
  state.pool.status = 'cancelled';
  delete state.pool.file;
  delete state.pool.progress;
  restart(false);
  render();
}

/** Crashes since the worker last said it was ready: a worker that cannot even start is not restarted forever. */
let crashes = 0;

function crashed(): void {
  // What was being read is dropped (it may be what broke the worker); the rest is read again.
  for (const kind of ['pool', 'record', 'sheet'] as const) {
    const box = state[kind];
    if (box.status === 'reading') {
      box.status = 'failed';
      box.problems = { lines: [], omitted: 0 };
    }
  }
  if (++crashes <= 2) restart(true);
  else $('worker-failed').hidden = false;
  render();
}

function receive(reply: Reply): void {
  switch (reply.kind) {
    case 'ready':
      crashes = 0;
      return;
    case 'progress':
      if (reply.id !== state.pool.id) return;
      state.pool.progress = { read: reply.read, total: reply.total };
      scheduleProgress();
      return;
    case 'pool':
    case 'record':
    case 'sheet': {
      const box = state[reply.kind] as Box<unknown>;
      if (reply.id !== box.id) return;
      box.status = 'done';
      box.result = reply.kind === 'pool' ? reply.pool : reply.kind === 'record' ? reply.record : reply.sheet;
      break;
    }
    case 'replay':
      state.replay[reply.source] = reply.verdict;
      break;
    case 'lookup':
      if (reply.id !== state.lookup.id) return;
      state.lookup.reply = reply.result;
      break;
    case 'failed':
      if (reply.task === 'lookup') {
        if (reply.id !== state.lookup.id) return;
        state.lookup.reply = reply.problems;
      } else {
        const box = state[reply.task];
        if (reply.id !== box.id) return;
        box.status = 'failed';
        box.problems = reply.problems;
        if (reply.task === 'pool') state.replay = {};
      }
      break;
  }
  render();
}

function selectedPolicy(): PolicyName {
  return $<HTMLSelectElement>('policy').value as PolicyName;
}

// ---- rendering ----

/** Problems the library found, under a headline (by default: this file cannot be used). */
function problemsView(problems: Problems, headline?: string): HTMLElement {
  const labels = t();
  if (problems.lines.length === 0) return h('div', { class: 'problem' }, h('p', { class: 'headline' }, labels.crashed));
  const total = problems.lines.length + problems.omitted;
  const shown = problems.lines.slice(0, 20);
  const more = total - shown.length;
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('p', { class: 'headline' }, headline ?? labels.problems(total)),
    h('ul', { class: 'lines', lang: 'en' }, ...shown.map((line) => h('li', {}, line))),
    more > 0 && h('p', {}, labels.moreProblems(more)),
    problems.needsPolicy === true && h('p', {}, labels.policyTip),
  );
}

function differenceView(difference: Difference, headline?: string): HTMLElement {
  const labels = t();
  const reason = labels.reasons[difference.reason];
  return h(
    'div',
    { class: 'verdict bad', role: 'alert' },
    headline !== undefined && h('p', {}, headline),
    h('p', { class: 'headline' }, reason === undefined ? labels.unknownReason : reason(difference.position)),
    h('p', { class: 'library-label' }, `${labels.details} (${difference.reason}):`),
    h('p', { class: 'library', lang: 'en' }, difference.message),
    difference.issues !== undefined &&
      h('ul', { class: 'lines', lang: 'en' }, ...difference.issues.slice(0, 20).map((line) => h('li', {}, line))),
  );
}

function statusText(kind: FileKind): string {
  const labels = t();
  const box = state[kind];
  if (box.status === 'cancelled') return labels.cancelled;
  if (box.file === undefined) return '';
  const mark = box.status === 'done' ? '✓ ' : box.status === 'failed' ? '✗ ' : '… ';
  const waiting = box.status === 'reading' && kind !== 'pool' && state.pool.status === 'reading';
  return `${mark}${box.file.name}${waiting ? ` — ${labels.waiting}` : ''}`;
}

function renderFiles(): void {
  for (const kind of ['pool', 'record', 'sheet'] as const) $(`${kind}-status`).textContent = statusText(kind);
  $('policy-row').hidden = state.pool.file === undefined || state.pool.format === 'zip';
  renderProgress();
}

function renderProgress(): void {
  const pool = state.pool;
  const reading = pool.status === 'reading' && pool.file !== undefined;
  $('progress-row').hidden = !reading;
  if (!reading) return;
  const { read, total } = pool.progress ?? { read: 0, total: pool.file!.size };
  const bar = $<HTMLProgressElement>('progress');
  bar.value = total === 0 ? 1 : read / total;
  $('progress-text').textContent = t().reading(pool.file!.name, read, total);
}

let progressFrame = 0;
function scheduleProgress(): void {
  if (progressFrame !== 0) return;
  progressFrame = requestAnimationFrame(() => {
    progressFrame = 0;
    renderProgress();
  });
}

function definitions(rows: readonly (readonly [string, string | Node, boolean?])[]): HTMLElement {
  const list = h('dl');
  for (const [term, value, mono] of rows)
    list.append(h('dt', {}, term), h('dd', mono === true ? { class: 'mono' } : {}, value));
  return list;
}

function renderPool(): void {
  const labels = t();
  const box = state.pool;
  const target = $('pool-result');
  target.replaceChildren();
  if (box.status === 'failed' && box.problems !== undefined) target.append(problemsView(box.problems));
  else if (box.status === 'done' && box.result !== undefined) {
    const pool = box.result;
    const f = labels.fields;
    const format =
      pool.format === 'zip'
        ? labels.formats.zip
        : `${labels.formats[pool.format]} · ${labels.policies[pool.policy as PolicyName] ?? pool.policy}`;
    target.append(
      definitions([
        [f.file, pool.file],
        [f.format, format],
        ...(pool.header === undefined
          ? []
          : [[f.period, labels.periodLine(pool.header.periodType, pool.header.period, pool.header.quota)] as const]),
        [f.codes, count(pool.codes)],
        [f.entries, count(pool.entries)],
        [f.md5, pool.md5, true],
        [f.digest, pool.digest, true],
        [f.read, labels.readIn(pool.bytes, pool.milliseconds)],
      ]),
    );
    if (pool.otherFiles.length > 0)
      target.append(
        h('p', { class: 'hint' }, labels.otherFiles(pool.otherFiles.length, pool.otherFiles.slice(0, 3).join(', '))),
      );
  } else if (box.status !== 'reading') target.append(h('p', { class: 'hint' }, labels.noPool));
  renderMd5();
}

function renderMd5(): void {
  const labels = t();
  const out = $('md5-result');
  out.replaceChildren();
  const published = state.publishedMd5;
  if (published === undefined) return;
  if (published === null) {
    out.append(h('span', { class: 'verdict bad' }, labels.md5Unreadable));
    return;
  }
  const pool = state.pool.status === 'done' ? state.pool.result : undefined;
  if (pool === undefined) return;
  const same = pool.md5 === published;
  out.append(
    h(
      'div',
      { class: `verdict ${same ? 'ok' : 'bad'}` },
      h('p', { class: 'headline' }, same ? labels.md5Same : labels.md5Differs),
    ),
  );
}

function renderSheet(): void {
  const labels = t();
  const box = state.sheet;
  const target = $('sheet-result');
  target.replaceChildren();
  if (box.status === 'failed' && box.problems !== undefined) {
    target.append(problemsView(box.problems));
    return;
  }
  if (box.status !== 'done' || box.result === undefined) {
    if (box.status !== 'reading') target.append(h('p', { class: 'hint' }, labels.noSheet));
    return;
  }
  const sheet = box.result;
  const heading = [sheet.title, sheet.description].filter((x) => x !== undefined).join(' · ');
  target.append(
    h('p', {}, h('strong', {}, sheet.file), heading === '' ? '' : ` — ${heading}`),
    h('p', {}, labels.sheetFigures(sheet.totalEntries, sheet.quota, sheet.seed, sheet.rows)),
  );
  const verdict = sheet.verdict;
  if (!verdict.ok) {
    target.append(differenceView(verdict, labels.sheetBad));
    return;
  }
  const ok = h(
    'div',
    { class: 'verdict ok' },
    h(
      'p',
      { class: 'headline' },
      verdict.mode === 'all' ? labels.sheetOkAll : labels.sheetOk(verdict.picks, verdict.rejectedPicks),
    ),
  );
  target.append(ok);
  if (verdict.mode === 'entries' && state.replay.sheet === undefined)
    target.append(h('div', { class: 'verdict note' }, h('p', {}, labels.sheetWeightedNote)));
  if (verdict.unverifiedSkips > 0 && state.replay.sheet === undefined)
    target.append(h('div', { class: 'verdict note' }, h('p', {}, labels.sheetSkipsNote(verdict.unverifiedSkips))));
}

// A winners table is built once per verdict and language (6,400 rows), and filled a slice per
// frame, so showing a Beijing-scale draw never holds the page still for long.
const tables = new WeakMap<ReplayVerdict, { language: Language; element: HTMLElement }>();
const ROWS_PER_FRAME = 400;

function winnersTable(verdict: Extract<ReplayVerdict, { ok: true }>): HTMLElement {
  const cached = tables.get(verdict);
  if (cached?.language === state.language) return cached.element;
  const labels = t();
  const body = h('tbody');
  const fill = (from: number): void => {
    const rows = document.createDocumentFragment();
    const to = Math.min(verdict.winners.length, from + ROWS_PER_FRAME);
    for (let i = from; i < to; i++) {
      const w = verdict.winners[i]!;
      rows.append(
        h('tr', {}, h('td', {}, String(i + 1)), h('td', {}, String(w.entry)), h('td', { class: 'code' }, w.code)),
      );
    }
    body.append(rows);
    if (to < verdict.winners.length) requestAnimationFrame(() => fill(to));
  };
  fill(0);
  const element = h(
    'details',
    { open: '' },
    h('summary', {}, labels.showWinners(verdict.winners.length)),
    h(
      'div',
      { class: 'table-box', tabindex: '0', role: 'region', 'aria-label': labels.showWinners(verdict.winners.length) },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, labels.columns.position),
            h('th', { scope: 'col' }, labels.columns.entry),
            h('th', { scope: 'col' }, labels.columns.code),
          ),
        ),
        body,
      ),
    ),
  );
  tables.set(verdict, { language: state.language, element });
  return element;
}

function replayView(source: 'record' | 'sheet', verdict: ReplayVerdict, withTable: boolean): HTMLElement {
  const labels = t();
  const name = source === 'record' ? labels.replayOfRecord : labels.replayOfSheet;
  const file = state[source].file?.name ?? '';
  const title = h('h3', {}, `${name}: ${file}`);
  if (!verdict.ok) return h('div', { class: 'replay', 'data-source': source }, title, differenceView(verdict));
  return h(
    'div',
    { class: 'replay', 'data-source': source },
    title,
    h(
      'div',
      { class: 'verdict ok' },
      h('p', { class: 'headline' }, labels.replayOk(verdict.winners.length)),
      h('p', {}, labels.replayDraw(verdict.generator, verdict.seed, verdict.quota)),
      source === 'record' && h('p', {}, `${labels.recordDigest}: `, h('span', { class: 'mono' }, verdict.recordDigest)),
    ),
    withTable && winnersTable(verdict),
  );
}

function renderReplay(): void {
  const labels = t();
  const target = $('replay-result');
  target.replaceChildren();
  const record = state.record;
  if (record.status === 'failed' && record.problems !== undefined)
    target.append(h('h3', {}, `${labels.replayOfRecord}: ${record.file?.name ?? ''}`), problemsView(record.problems));
  // The winners once: the record's when it replays, else the sheet's (both replayed means both equal the draw).
  const tableOf = state.replay.record?.ok === true ? 'record' : 'sheet';
  for (const source of ['record', 'sheet'] as const) {
    const verdict = state.replay[source];
    if (verdict !== undefined) target.append(replayView(source, verdict, source === tableOf));
  }
  if (state.replay.record === undefined && record.status === 'done' && record.result !== undefined) {
    const r = record.result;
    target.append(
      h(
        'p',
        {},
        h('strong', {}, `${labels.replayOfRecord}: ${r.file}`),
        ` — ${labels.recordLoaded(r.winners, r.seed, r.quota)}`,
      ),
    );
  }
  if (target.childElementCount === 0 || (state.replay.record === undefined && state.replay.sheet === undefined)) {
    const hasDraw = state.record.file !== undefined || state.sheet.file !== undefined;
    if (state.pool.status !== 'reading')
      target.append(
        h(
          'p',
          { class: 'hint' },
          state.pool.status !== 'done' ? labels.replayNeedsPool : hasDraw ? '' : labels.replayNeedsDraw,
        ),
      );
  }
}

function renderLookup(): void {
  const labels = t();
  const target = $('lookup-result');
  target.replaceChildren();
  const reply = state.lookup.reply;
  if (reply === undefined) return;
  if ('lines' in reply) {
    target.append(problemsView(reply, t().lookupProblem));
    return;
  }
  const line = (kind: 'ok' | 'bad' | 'note', text: string): HTMLElement =>
    h('div', { class: `verdict ${kind}`, 'data-status': reply.status }, h('p', { class: 'headline' }, text));
  switch (reply.status) {
    case 'won':
      target.append(line('ok', labels.won(reply.code, reply.position, reply.entry, reply.entries, reply.totalEntries)));
      return;
    case 'not-won':
      target.append(line('note', labels.notWon(reply.code, reply.entries, reply.totalEntries)));
      return;
    case 'not-in-pool':
      target.append(line('note', labels.notInPool(reply.code)));
      return;
    case 'record-not-of-pool':
      target.append(line('bad', labels.recordNotOfPool));
      return;
    case 'no-draw':
      target.append(line('note', labels.noDraw));
  }
}

function applyLabels(): void {
  const labels = t() as unknown as Record<string, unknown>;
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  document.title = t().documentTitle;
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = labels[element.dataset['t']!];
    if (typeof text === 'string') element.textContent = text;
  }
  const switcher = $('language');
  switcher.textContent = t().switchTo;
  switcher.lang = state.language === 'zh' ? 'en' : 'zh-CN';
  const select = $<HTMLSelectElement>('policy');
  const chosen = select.value === '' ? 'explicit' : select.value;
  select.replaceChildren(...POLICIES.map((name) => h('option', { value: name }, t().policies[name])));
  select.value = chosen;
  $('footer').textContent = t().footer(ENGINE);
}

function render(): void {
  renderFiles();
  renderPool();
  renderSheet();
  renderReplay();
  renderLookup();
}

// ---- input ----

async function acceptPool(file: File): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const format = detectPoolFormat(file.name, head);
  if (format === undefined) delete state.pool.format;
  else state.pool.format = format;
  readFile('pool', file);
}

/** A file dropped anywhere: sorted by its name, as a person would. */
function accept(file: File, kind?: FileKind | 'md5'): void {
  const name = file.name.toLowerCase();
  const sorted =
    kind ??
    (name.endsWith('.md5')
      ? 'md5'
      : name.endsWith('.txt')
        ? 'sheet'
        : name.endsWith('.json') && !name.endsWith('.jsonl')
          ? 'record'
          : 'pool');
  if (sorted === 'md5') void readPublishedMd5(file);
  else if (sorted === 'pool') void acceptPool(file);
  else readFile(sorted, file);
}

async function readPublishedMd5(file: File): Promise<void> {
  const text = await file.slice(0, 4096).text();
  $<HTMLInputElement>('md5-published').value = text.trim().split(/\s+/)[0] ?? '';
  comparePublishedMd5();
}

function comparePublishedMd5(): void {
  const text = $<HTMLInputElement>('md5-published').value.trim();
  if (text === '') state.publishedMd5 = undefined;
  else state.publishedMd5 = /\b[0-9a-fA-F]{32}\b/.exec(text)?.[0].toLowerCase() ?? null;
  renderMd5();
}

function dropTarget(element: HTMLElement, onFiles: (files: FileList) => void): void {
  element.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.stopPropagation();
    element.classList.add('over');
  });
  element.addEventListener('dragleave', () => element.classList.remove('over'));
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    element.classList.remove('over');
    if (event.dataTransfer !== null && event.dataTransfer.files.length > 0) onFiles(event.dataTransfer.files);
  });
}

/** The three file boxes: what each takes. */
const DROPS: readonly { readonly kind: FileKind; readonly accept: string }[] = [
  { kind: 'pool', accept: '.zip,.csv,.jsonl,.ndjson,.json' },
  { kind: 'sheet', accept: '.txt,text/plain' },
  { kind: 'record', accept: '.json,application/json' },
];

function start(): void {
  $('drops').replaceChildren(
    ...DROPS.map(({ kind, accept }) =>
      h(
        'div',
        { class: 'drop' },
        h(
          'label',
          { for: `${kind}-file` },
          h('strong', { 'data-t': `${kind}Box` }),
          h('span', { class: 'hint', 'data-t': `${kind}Hint` }),
        ),
        h('input', { type: 'file', id: `${kind}-file`, accept }),
        h('p', { class: 'status', id: `${kind}-status`, 'aria-live': 'polite' }),
      ),
    ),
  );
  startWorker();
  for (const kind of ['pool', 'record', 'sheet'] as const) {
    const input = $<HTMLInputElement>(`${kind}-file`);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file !== undefined) accept(file, kind);
      input.value = ''; // choosing the same file again reads it again
    });
    dropTarget(input.closest<HTMLElement>('.drop')!, (files) => accept(files[0]!, kind));
  }
  dropTarget(document.documentElement, (files) => {
    for (const file of files) accept(file);
  });
  dropTarget($('md5-box'), (files) => void readPublishedMd5(files[0]!));
  $('md5-published').addEventListener('input', comparePublishedMd5);
  $('policy').addEventListener('change', () => {
    if (state.pool.file !== undefined && state.pool.format !== 'zip') readFile('pool', state.pool.file);
  });
  $('cancel').addEventListener('click', cancel);
  $('language').addEventListener('click', () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    applyLabels();
    render();
  });
  $('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.lookup.id = nextId++;
    send({ kind: 'lookup', id: state.lookup.id, code: $<HTMLInputElement>('code').value.trim() });
  });
  applyLabels();
  render();
  $('no-script').hidden = true;
  document.querySelector('main')!.hidden = false;
}

start();
