import { argumentError, optionsObject, requireString } from '../errors/arguments';
import type { IssueCode, PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import type { GeneratorId } from '../rng/generators';
import { readAuditRecord, type AuditRecord } from './AuditRecord';
import type { PublishedRow, PublishedSheet } from './checkPublishedSheet';

/** Header lines of a sheet besides the figures the check needs (title, period, dates…). */
export interface SheetMeta {
  /** First line, e.g. 北京市小客车指标调控管理信息系统. */
  readonly title?: string;
  /** Second line, e.g. 个人普通指标配置. */
  readonly description?: string;
  /** Every `label：value` line, in order (a value in double quotes read as a JSON string). */
  readonly fields: readonly {
    /** The text before the colon. */
    readonly label: string;
    /** The text after it. */
    readonly value: string;
  }[];
}

/** A parsed result sheet: what checkPublishedSheet takes, and the rest of the header. */
export interface ParsedSheet {
  /** What checkPublishedSheet takes: seed, T, quota, rows (and generator and label when the sheet says). */
  readonly sheet: PublishedSheet;
  /** Everything else in the header. */
  readonly meta: SheetMeta;
}

const START = '-中签详细列表数据-';
const END = '-中签详细列表数据完成-';

// Labels used by Beijing, Guangzhou and Shenzhen sheets (docs/spec.md §8.1), and ours.
const TOTAL_LABELS = [
  '基数序号总数',
  '摇号基数序号总数',
  '有效个人申请编码总数',
  '有效单位申请编码总数',
  '有效申请编码总数',
  '摇号池编码总数',
];
const QUOTA_LABELS = [
  '指标配置总数',
  '配置个人指标总数',
  '配置单位指标总数',
  '配置个人普通指标总数',
  '配置单位普通指标总数',
  '配置指标个数',
  '配置指标总数',
];
const SEED_LABELS = ['指标配置种子数', '指标配置初始值', '种子数'];
const GENERATOR_LABELS = ['generator', '随机数生成器'];
const LABEL_LABELS = ['label', '子抽签标签'];

/**
 * Reads a result sheet in the official text layouts (docs/spec.md §8.1): a title line, a
 * description line, `label：value` header lines (full-width or ASCII colon), then rows
 * `序号 摇号基数序号 申请编码 [名称]` (Beijing) or `序号 申请编码 [姓名/名称]` (Guangzhou, Shenzhen)
 * between `-中签详细列表数据-` and `-中签详细列表数据完成-`, with page lines such as `-12-` anywhere.
 * Names are read past and never kept. Header figures are plain decimal integers; a figure given
 * twice must agree; a value in double quotes is a JSON string (how yaohao writes values with
 * spaces at the ends or control characters). Every problem is an issue with its 1-based line.
 */
export function parseResultSheet(text: string): ParsedSheet {
  if (typeof text !== 'string') throw argumentError(['text'], 'the text of a sheet', text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const issues = new IssueCollector();
  const problem = (
    line: number,
    message: string,
    path: PathSegment[] = ['sheet'],
    code: IssueCode = 'invalid_record',
  ): void => {
    issues.add({ code, path, line, message });
  };
  const fields: { label: string; value: string; line: number }[] = [];
  const free: string[] = [];
  const rows: PublishedRow[] = [];
  let inRows = false;
  let ended = false;
  let withEntries: boolean | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '' || /^-\d+-$/.test(text)) return;
    if (text === START) {
      inRows = true;
      return;
    }
    if (text === END) {
      inRows = false;
      ended = true;
      return;
    }
    if (text.startsWith('序号')) {
      withEntries = text.includes('摇号基数序号');
      inRows = true;
      return;
    }
    const row = /^(\d+)\s+(\d+)(?:\s+(\d+))?(?:\s+.*)?$/s.exec(text);
    if (inRows || (row !== null && !ended && fields.length > 0)) {
      if (row === null) return problem(line, `not a winner row: ${JSON.stringify(text.slice(0, 60))}`);
      const [, index, second, third] = row;
      const entries = withEntries ?? (third !== undefined && second!.length !== 13);
      withEntries ??= entries;
      if (Number(index) !== rows.length + 1)
        problem(line, `row number ${index!.slice(0, 20)} out of sequence (expected ${rows.length + 1})`);
      const code = entries ? third : second;
      if (code === undefined || !/^\d{13}$/.test(code))
        return problem(line, `code ${JSON.stringify(code ?? '')} is not 13 digits`);
      if (!entries) return void rows.push({ code });
      const entry = Number(second);
      if (!Number.isSafeInteger(entry) || entry < 1)
        return problem(line, `entry ${second!.slice(0, 20)} is not a whole number from 1 to 2^53 − 1`);
      rows.push({ entry, code });
      return;
    }
    const field = /^([^：:]+)[：:]\s*(.*)$/s.exec(text);
    if (field === null) return void free.push(text);
    const value = decodeValue(field[2]!.trim());
    if (value === undefined)
      return problem(line, `the value of ${field[1]!.trim()} starts with " but is not one JSON string`);
    fields.push({ label: field[1]!.trim(), value, line });
  });
  // A figure: the one value of every line that names it (a figure given twice must agree).
  const figure = (
    name: string,
    labels: readonly string[],
    pattern?: RegExp,
  ): { value: string; line: number } | undefined => {
    const found = fields.filter((f) => labels.includes(f.label) || (pattern?.test(f.label) ?? false));
    const other = found.find((f) => f.value !== found[0]!.value);
    if (other !== undefined)
      problem(
        other.line,
        `${name} is given twice with different values: ${JSON.stringify(found[0]!.value.slice(0, 40))} (line ${found[0]!.line}) and ${JSON.stringify(other.value.slice(0, 40))}`,
        ['sheet', name],
        'invalid_value',
      );
    return found[0];
  };
  const missing = (name: string, labels: readonly string[]): void => {
    issues.add({
      code: 'missing_field',
      path: ['sheet', name],
      message: `the sheet has no ${name} line (one of ${labels.join(', ')})`,
    });
  };
  // Plain decimal only: "0x2add" or "10973e0" are not what a sheet prints, and must not be read as numbers.
  const whole = (
    name: string,
    labels: readonly string[],
    pattern?: RegExp,
  ): { value: number; line: number } | undefined => {
    const found = figure(name, labels, pattern);
    if (found === undefined) return void missing(name, labels);
    if (!/^(0|[1-9][0-9]*)$/.test(found.value) || !Number.isSafeInteger(Number(found.value)))
      return void problem(
        found.line,
        `${name} must be a plain decimal integer (digits only, no leading zeros), got ${JSON.stringify(found.value.slice(0, 40))}`,
        ['sheet', name],
        'invalid_value',
      );
    return { value: Number(found.value), line: found.line };
  };
  const total = whole('total entries', TOTAL_LABELS, /^有效.*申请编码总数$/);
  if (total?.value === 0 && rows.length > 0)
    problem(
      total.line,
      `T is 0 (an empty pool) but the sheet lists ${rows.length} winners`,
      ['sheet', 'total entries'],
      'invalid_value',
    );
  const quota = whole('quota', QUOTA_LABELS, /^配置.*指标总数$/);
  if (quota?.value === 0)
    problem(quota.line, 'the quota is 0: a draw has at least one winner', ['sheet', 'quota'], 'invalid_quota');
  const seed = figure('seed', SEED_LABELS);
  if (seed === undefined) missing('seed', SEED_LABELS);
  else if (seed.value === '') problem(seed.line, 'the seed is empty', ['sheet', 'seed'], 'invalid_seed');
  const generator = figure('generator', GENERATOR_LABELS);
  if (generator !== undefined && generator.value !== 'default' && generator.value !== 'legacy')
    problem(
      generator.line,
      `unknown generator ${JSON.stringify(generator.value.slice(0, 40))}: default or legacy`,
      ['sheet', 'generator'],
      'unknown_generator',
    );
  const label = figure('label', LABEL_LABELS);
  issues.throwIfAny();
  const sheet: PublishedSheet = {
    seed: seed!.value,
    totalEntries: total!.value,
    quota: quota!.value,
    rows,
    ...(generator === undefined ? {} : { generator: generator.value as GeneratorId }),
    ...(label === undefined ? {} : { label: label.value }),
  };
  return {
    sheet,
    meta: {
      ...(free[0] === undefined ? {} : { title: free[0] }),
      ...(free[1] === undefined ? {} : { description: free[1] }),
      fields: fields.map(({ label, value }) => ({ label, value })),
    },
  };
}

/** parseResultSheet that returns `{ success, value | issues }` instead of throwing. */
export function safeParseResultSheet(text: string): SafeResult<ParsedSheet> {
  return safely(() => parseResultSheet(text));
}

// A value in double quotes is a JSON string; anything else is the text itself.
function decodeValue(raw: string): string | undefined {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How a header value is written so that parseResultSheet reads back exactly it: as itself, or as a
 * JSON string when the line would not carry it faithfully (white space at either end, which
 * reading trims; a control character such as a line break; a leading double quote).
 */
export function sheetValue(value: string): string {
  requireString(value, ['value']);
  // eslint-disable-next-line no-control-regex
  return value !== value.trim() || /[\u0000-\u001f\u007f]/.test(value) || value.startsWith('"')
    ? JSON.stringify(value)
    : value;
}

// A title or description line must read back as a free line: not empty, not a field, a row or a marker.
function isFreeLine(text: string): boolean {
  return (
    text !== '' &&
    text === text.trim() &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f：:]/.test(text) &&
    !text.startsWith('序号') &&
    !/^-\d+-$/.test(text) &&
    text !== START &&
    text !== END &&
    !/^\d+\s+\d+/.test(text)
  );
}

/** Options of formatResultSheet. */
export interface FormatSheetOptions {
  /** First line. Default 北京市小客车指标调控管理信息系统. */
  readonly title?: string;
  /** Second line. Default 指标配置结果. */
  readonly description?: string;
  /** 分期编号, e.g. "202406". */
  readonly period?: string;
}

/**
 * Writes the result sheet of a draw in the Beijing layout: header figures, then every winner in
 * draw order as `序号 摇号基数序号 申请编码`, right-aligned. Byte-stable: the same record gives the
 * same bytes (UTF-8, LF). Sheets of the default generator add `generator：` and `label：` lines,
 * which official readers ignore and checkPublishedSheet uses.
 */
export function formatResultSheet(record: AuditRecord, options: FormatSheetOptions = {}): string {
  record = readAuditRecord(record, ['record']);
  const o = optionsObject(options, ['options']);
  const free = (name: 'title' | 'description', fallback: string): string => {
    const value = o[name] ?? fallback;
    if (typeof value !== 'string' || !isFreeLine(value))
      throw argumentError(
        ['options', name],
        'one line of text (no colon, no control characters, no spaces at the ends)',
        value,
      );
    return value;
  };
  const lines = [free('title', '北京市小客车指标调控管理信息系统'), free('description', '指标配置结果')];
  if (o['period'] !== undefined)
    lines.push(`分期编号：${sheetValue(requireString(o['period'], ['options', 'period']))}`);
  lines.push(
    `基数序号总数：${record.pool.totalEntries}`,
    `指标配置总数：${record.quota}`,
    `指标配置种子数：${sheetValue(record.seed)}`,
  );
  if (record.generator !== 'legacy') lines.push(`generator：${record.generator}`, `label：${sheetValue(record.label)}`);
  lines.push(START, '序号 摇号基数序号 申请编码');
  const width = String(record.pool.totalEntries).length + 2;
  record.winners.forEach((w, i) =>
    lines.push(`${String(i + 1).padStart(8)} ${String(w.entry).padStart(width)} ${w.code}`),
  );
  lines.push(END);
  return `${lines.join('\n')}\n`;
}
