import type { Issue } from '../errors/Issue';
import { YaohaoError } from '../errors/YaohaoError';
import type { AuditRecord } from './AuditRecord';
import type { PublishedRow, PublishedSheet } from './checkPublishedSheet';

/** Header lines of a sheet besides the figures the check needs (title, period, dates…). */
export interface SheetMeta {
  /** First line, e.g. 北京市小客车指标调控管理信息系统. */
  readonly title?: string;
  /** Second line, e.g. 个人普通指标配置. */
  readonly description?: string;
  /** Every `label：value` line, in order. */
  readonly fields: readonly { readonly label: string; readonly value: string }[];
}

/** A parsed result sheet: what checkPublishedSheet takes, and the rest of the header. */
export interface ParsedSheet {
  readonly sheet: PublishedSheet;
  readonly meta: SheetMeta;
}

const START = '-中签详细列表数据-';
const END = '-中签详细列表数据完成-';

// Labels used by Beijing, Guangzhou and Shenzhen sheets (domain.md §5), and ours.
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

/**
 * Reads a result sheet in the official text layouts (docs/spec.md §8.1): a title line, a
 * description line, `label：value` header lines (full-width or ASCII colon), then rows
 * `序号 摇号基数序号 申请编码 [名称]` (Beijing) or `序号 申请编码 [姓名/名称]` (Guangzhou, Shenzhen)
 * between `-中签详细列表数据-` and `-中签详细列表数据完成-`, with page lines such as `-12-` anywhere.
 * Names are read past and never kept. Problems are issues with their 1-based line.
 */
export function parseResultSheet(text: string): ParsedSheet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const issues: Issue[] = [];
  const problem = (line: number, message: string): void => {
    issues.push({ code: 'invalid_record', path: ['sheet'], line, message });
  };
  const fields: { label: string; value: string }[] = [];
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
    const row = /^(\d+)\s+(\d+)(?:\s+(\d+))?(?:\s+.*)?$/.exec(text);
    if (inRows || (row !== null && !ended && fields.length > 0)) {
      if (row === null) return problem(line, `not a winner row: ${JSON.stringify(text.slice(0, 60))}`);
      const [, index, second, third] = row;
      const entries = withEntries ?? (third !== undefined && second!.length !== 13);
      withEntries ??= entries;
      if (Number(index) !== rows.length + 1)
        problem(line, `row number ${index} out of sequence (expected ${rows.length + 1})`);
      const code = entries ? third : second;
      if (code === undefined || !/^\d{13}$/.test(code))
        return problem(line, `code ${JSON.stringify(code ?? '')} is not 13 digits`);
      rows.push(entries ? { entry: Number(second), code } : { code });
      return;
    }
    const field = /^([^：:]+)[：:]\s*(.*)$/.exec(text);
    if (field !== null) fields.push({ label: field[1]!.trim(), value: field[2]!.trim() });
    else free.push(text);
  });
  const value = (labels: readonly string[], pattern?: RegExp): string | undefined =>
    fields.find((f) => labels.includes(f.label) || (pattern?.test(f.label) ?? false))?.value;
  const number = (labels: readonly string[], name: string, pattern?: RegExp): number => {
    const text = value(labels, pattern);
    if (text === undefined) {
      issues.push({
        code: 'missing_field',
        path: ['sheet', name],
        message: `the sheet has no ${name} line (one of ${labels.join(', ')})`,
      });
      return 0;
    }
    const n = Number(text.replace(/[,，\s]/g, ''));
    if (!Number.isSafeInteger(n) || n < 0)
      issues.push({
        code: 'invalid_value',
        path: ['sheet', name],
        message: `${name} is not a whole number: ${JSON.stringify(text)}`,
      });
    return n;
  };
  const totalEntries = number(TOTAL_LABELS, 'total entries', /^有效.*申请编码总数$/);
  const quota = number(QUOTA_LABELS, 'quota', /^配置.*指标总数$/);
  const seed = value(SEED_LABELS);
  if (seed === undefined)
    issues.push({
      code: 'missing_field',
      path: ['sheet', 'seed'],
      message: `the sheet has no seed line (one of ${SEED_LABELS.join(', ')})`,
    });
  if (issues.length > 0) throw new YaohaoError(issues);
  const generator = value(['generator', '随机数生成器']);
  const label = value(['label', '子抽签标签']);
  const sheet: PublishedSheet = {
    seed: seed!,
    totalEntries,
    quota,
    rows,
    ...(generator === 'default' || generator === 'legacy' ? { generator } : {}),
    ...(label === undefined ? {} : { label }),
  };
  return {
    sheet,
    meta: {
      ...(free[0] === undefined ? {} : { title: free[0] }),
      ...(free[1] === undefined ? {} : { description: free[1] }),
      fields,
    },
  };
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
  const lines = [options.title ?? '北京市小客车指标调控管理信息系统', options.description ?? '指标配置结果'];
  if (options.period !== undefined) lines.push(`分期编号：${options.period}`);
  lines.push(
    `基数序号总数：${record.pool.totalEntries}`,
    `指标配置总数：${record.quota}`,
    `指标配置种子数：${record.seed}`,
  );
  if (record.generator !== 'legacy') lines.push(`generator：${record.generator}`, `label：${record.label}`);
  lines.push(START, '序号 摇号基数序号 申请编码');
  const width = String(record.pool.totalEntries).length + 2;
  record.winners.forEach((w, i) =>
    lines.push(`${String(i + 1).padStart(8)} ${String(w.entry).padStart(width)} ${w.code}`),
  );
  lines.push(END);
  return `${lines.join('\n')}\n`;
}
