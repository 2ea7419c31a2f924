// What the page says, in Chinese and English. The library's own sentences (a mismatch, a refused
// line) are shown as the library words them, in English, under a heading in the reader's language:
// the page adds words around the library's verdicts, never different verdicts.
import type { PolicyName } from './protocol';

/** The page's languages. */
export type Language = 'zh' | 'en';

/** A count as people read it: 6,400 (the same separators in both languages). */
export const count = (n: number): string => n.toLocaleString('en-US');

const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(bytes < 10485760 ? 1 : 0)} MB`;
const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Every label of the page, in one language. */
export interface Labels {
  readonly documentTitle: string;
  readonly title: string;
  readonly lead: string;
  readonly offline: string;
  readonly switchTo: string;
  readonly stepFiles: string;
  readonly filesHint: string;
  readonly poolBox: string;
  readonly poolHint: string;
  readonly recordBox: string;
  readonly recordHint: string;
  readonly sheetBox: string;
  readonly sheetHint: string;
  readonly choose: string;
  readonly policy: string;
  readonly policyHint: string;
  readonly policies: Readonly<Record<PolicyName, string>>;
  readonly cancel: string;
  readonly reading: (file: string, read: number, total: number) => string;
  readonly waiting: string;
  readonly cancelled: string;
  readonly crashed: string;
  readonly workerFailed: string;
  readonly stepPool: string;
  readonly noPool: string;
  readonly fields: {
    readonly file: string;
    readonly format: string;
    readonly md5: string;
    readonly codes: string;
    readonly entries: string;
    readonly digest: string;
    readonly period: string;
    readonly read: string;
  };
  readonly formats: Readonly<Record<'zip' | 'csv' | 'jsonl', string>>;
  readonly periodLine: (type: string, period: string, quota: number) => string;
  readonly readIn: (bytes: number, ms: number) => string;
  readonly otherFiles: (n: number, names: string) => string;
  readonly publishedMd5: string;
  readonly publishedMd5Hint: string;
  readonly md5Same: string;
  readonly md5Differs: string;
  readonly md5Unreadable: string;
  readonly stepSheet: string;
  readonly noSheet: string;
  readonly sheetFigures: (total: number, quota: number, seed: string, rows: number) => string;
  readonly sheetOk: (picks: number, repeats: number) => string;
  readonly sheetOkAll: string;
  readonly sheetWeightedNote: string;
  readonly sheetSkipsNote: (n: number) => string;
  readonly sheetBad: string;
  readonly stepReplay: string;
  readonly replayNeedsPool: string;
  readonly replayNeedsDraw: string;
  readonly replayOfRecord: string;
  readonly replayOfSheet: string;
  readonly replayOk: (winners: number) => string;
  readonly replayDraw: (generator: string, seed: string, quota: number) => string;
  readonly recordDigest: string;
  readonly recordLoaded: (winners: number, seed: string, quota: number) => string;
  readonly columns: { readonly position: string; readonly entry: string; readonly code: string };
  readonly showWinners: (n: number) => string;
  readonly reasons: Readonly<Record<string, (position: number | undefined) => string>>;
  readonly unknownReason: string;
  readonly details: string;
  readonly problems: (n: number) => string;
  readonly moreProblems: (n: number) => string;
  readonly policyTip: string;
  readonly stepLookup: string;
  readonly lookupHint: string;
  readonly codeLabel: string;
  readonly lookup: string;
  readonly lookupProblem: string;
  readonly won: (code: string, position: number, entry: number, entries: number, total: number) => string;
  readonly notWon: (code: string, entries: number, total: number) => string;
  readonly notInPool: (code: string) => string;
  readonly recordNotOfPool: string;
  readonly noDraw: string;
  readonly footer: (engine: string) => string;
}

const en: Labels = {
  documentTitle: 'Lottery verifier (yaohao)',
  title: 'Check a published lottery draw',
  lead: 'Give this page the files the authority published — the pool, the result sheet, and the audit record if there is one — and it replays the draw on your own computer.',
  offline:
    'Nothing leaves this page: it works offline, and its security policy forbids every network request. The files stay on your computer.',
  switchTo: '中文',
  stepFiles: '1. Your files',
  filesHint: 'Drop files on a box, or anywhere on the page, or choose them. Any order.',
  poolBox: 'Pool file',
  poolHint: 'The official zip (bjPersonCommon….zip), or a CSV or JSON Lines pool',
  recordBox: 'Audit record',
  recordHint: 'record.json (yaohao-record/1), if published',
  sheetBox: 'Result sheet',
  sheetHint: 'The published result list (.txt)',
  choose: 'Choose a file',
  policy: 'How records become entries',
  policyHint: 'A CSV or JSON Lines pool needs the policy that weighs its records.',
  policies: {
    explicit: 'Explicit: each record states its number of entries',
    beijing2011: 'Beijing 2011–2013: one entry each',
    beijing2014: 'Beijing 2014–2015: 1 entry up to 24 draws, +1 per 12 more',
    beijing2016: 'Beijing 2016–2020: ceil(N / 6) entries',
    beijing2021: 'Beijing 2021: families by points, individuals by steps',
    beijing2022: 'Beijing 2022: families by points, individuals by steps',
    beijing2023: 'Beijing 2023: families by points, individuals by steps',
    beijing2024: 'Beijing 2024: families by points, individuals by steps',
  },
  cancel: 'Stop',
  reading: (file, read, total) =>
    `Reading ${file}: ${megabytes(read)} of ${megabytes(total)} (${total === 0 ? 100 : Math.floor((read / total) * 100)} %)`,
  waiting: 'Waiting for the pool to be read…',
  cancelled: 'Stopped. Choose the file again to read it.',
  crashed:
    'The check stopped: the browser could not finish it (out of memory?). The page is still working; try again, or use the yaohao command line for this file.',
  workerFailed:
    'This browser stops the page’s worker each time it starts, so nothing can be checked here. Open the page in another browser (Chrome, Edge, Firefox, Safari), or use the yaohao command line.',
  stepPool: '2. The pool',
  noPool: 'No pool file yet.',
  fields: {
    file: 'File',
    format: 'Format',
    md5: 'MD5 of the file',
    codes: 'Application codes',
    entries: 'Entries (T, 基数序号总数)',
    digest: 'Pool digest (SHA-256, yaohao-pool/1)',
    period: 'Period',
    read: 'Read',
  },
  formats: { zip: 'official Beijing pool zip', csv: 'CSV', jsonl: 'JSON Lines' },
  periodLine: (type, period, quota) => `${type} ${period}, quota ${count(quota)}`,
  readIn: (bytes, ms) => `${megabytes(bytes)} in ${seconds(ms)}`,
  otherFiles: (n, names) => `The zip holds ${count(n)} other file${n === 1 ? '' : 's'}, not read: ${names}`,
  publishedMd5: 'Published MD5',
  publishedMd5Hint: 'Paste the MD5 the authority published, or drop its .md5 file here, to compare.',
  md5Same: 'Same MD5: this is the published file.',
  md5Differs: 'Different MD5: this is not the published file.',
  md5Unreadable: 'No MD5 (32 hexadecimal digits) in that text.',
  stepSheet: '3. The result sheet against its own seed',
  noSheet: 'No result sheet yet. Without the pool, a sheet can still be checked against its seed.',
  sheetFigures: (total, quota, seed, rows) =>
    `T ${count(total)}, quota ${count(quota)}, seed ${seed}, ${count(rows)} rows`,
  sheetOk: (picks, repeats) =>
    `Consistent with its seed: ${count(picks)} picks, ${count(repeats)} repeats thrown away.`,
  sheetOkAll: 'Consistent: the quota covers the pool, so every code wins, in order.',
  sheetWeightedNote:
    'Without the pool, the codes of a weighted sheet are checked only for repeats. Add the pool file to tie each code to its entry number.',
  sheetSkipsNote: (n) =>
    `${count(n)} skipped picks hit entries no row shows; they are legitimate only if those entries belong to codes that had already won — the pool file confirms it.`,
  sheetBad: 'The sheet does not agree with its own seed.',
  stepReplay: '4. Replay the draw against the pool',
  replayNeedsPool: 'Add the pool file to replay the draw.',
  replayNeedsDraw: 'Add the audit record or the result sheet to replay the draw.',
  replayOfRecord: 'Audit record',
  replayOfSheet: 'Result sheet',
  replayOk: (winners) => `Verified: all ${count(winners)} winners, in order, with entry numbers.`,
  replayDraw: (generator, seed, quota) => `Generator ${generator}, seed ${seed}, quota ${count(quota)}`,
  recordDigest: 'Record digest',
  recordLoaded: (winners, seed, quota) => `${count(winners)} winners, seed ${seed}, quota ${count(quota)}`,
  columns: { position: 'No. (序号)', entry: 'Entry (摇号基数序号)', code: 'Application code (申请编码)' },
  showWinners: (n) => `The ${count(n)} winners`,
  reasons: {
    'malformed-record': () => 'This is not a valid audit record.',
    'pool-mismatch': () => 'The draw is of another pool.',
    'replay-failed': () => 'The draw cannot be replayed.',
    'allocation-mismatch': () => 'Whether everyone won differs from the replay.',
    'winner-mismatch': (p) => `Winner no. ${(p ?? 0) + 1} differs from the replay.`,
    'missing-winner': (p) => `Winners are missing: the replay has more, from no. ${(p ?? 0) + 1}.`,
    'extra-winner': (p) => `Extra winners: the replay stops before no. ${(p ?? 0) + 1}.`,
    'picks-mismatch': () => 'Same winners, but a different number of picks.',
    'digest-mismatch': () => 'Every winner replays, but the record was edited after the draw.',
    'malformed-sheet': () => 'This result sheet cannot be read.',
    'invalid-seed': () => 'The seed cannot be used by the generator.',
    'wrong-count': () => 'The number of winners does not fit the quota.',
    'repeated-code': (p) => `Row ${(p ?? 0) + 1} repeats a code: a code wins at most once.`,
    'repeated-entry': (p) => `Row ${(p ?? 0) + 1} repeats an entry number.`,
    'entry-mismatch': (p) => `Row ${(p ?? 0) + 1} has the wrong entry number.`,
    'skipped-winner': (p) => `Row ${(p ?? 0) + 1} is not what the seed draws.`,
    'unexplained-skip': (p) => `Row ${(p ?? 0) + 1} is not what the seed draws.`,
    'code-order': (p) => `Row ${(p ?? 0) + 1} does not fit the order of codes.`,
    exhausted: (p) => `The seed never draws row ${(p ?? 0) + 1}.`,
  },
  unknownReason: 'The check failed.',
  details: 'In the library’s words',
  problems: (n) => (n === 1 ? 'This file cannot be used:' : `This file cannot be used (${count(n)} problems):`),
  moreProblems: (n) => `… and ${count(n)} more`,
  policyTip: 'These records carry a draw history, not weights: choose the policy above (e.g. Beijing 2016–2020).',
  stepLookup: '5. Look up an application code',
  lookupHint: 'With the pool and the record (or a sheet that replays), see what the draw gave one code.',
  codeLabel: 'Application code (13 digits)',
  lookup: 'Look up',
  lookupProblem: 'This cannot be looked up:',
  won: (code, position, entry, entries, total) =>
    `Won: ${code} is winner no. ${count(position)}, drawn at entry ${count(entry)} (it had ${count(entries)} of ${count(total)} entries).`,
  notWon: (code, entries, total) =>
    `Not won: ${code} was in the pool with ${count(entries)} of ${count(total)} entries and did not win.`,
  notInPool: (code) => `Not in this pool: ${code}.`,
  recordNotOfPool: 'The record is not the draw of this pool.',
  noDraw: 'Add the pool file, and the audit record or the result sheet, first.',
  footer: (engine) =>
    `${engine}. This page is the yaohao library compiled for the browser: the same functions and the same messages as the yaohao command (verify, check-sheet). The rules are in the yaohao specification (docs/spec.md).`,
};

const zh: Labels = {
  documentTitle: '摇号结果核验（yaohao）',
  title: '核验已公布的摇号结果',
  lead: '把公布的文件交给本页——摇号池、中签结果表，以及审计记录（如有）——它会在您自己的电脑上重放这次摇号。',
  offline: '本页不向外发送任何数据：可离线使用，其安全策略禁止一切网络请求。文件始终留在您的电脑上。',
  switchTo: 'English',
  stepFiles: '一、您的文件',
  filesHint: '把文件拖到对应的框里（或页面任意位置），或点击选择。顺序不限。',
  poolBox: '摇号池文件',
  poolHint: '官方 zip（bjPersonCommon….zip），或 CSV、JSON Lines 格式的摇号池',
  recordBox: '审计记录',
  recordHint: 'record.json（yaohao-record/1），如已公布',
  sheetBox: '中签结果表',
  sheetHint: '公布的配置结果（.txt）',
  choose: '选择文件',
  policy: '记录如何换算为基数序号',
  policyHint: 'CSV 或 JSON Lines 摇号池需要指定换算规则。',
  policies: {
    explicit: '直接给出：每条记录写明自己的基数序号个数',
    beijing2011: '北京 2011–2013 年：每人一个',
    beijing2014: '北京 2014–2015 年：24 次以内 1 个，此后每 12 次加 1 个',
    beijing2016: '北京 2016–2020 年：阶梯数 = ⌈N / 6⌉',
    beijing2021: '北京 2021 年：家庭按积分，个人按阶梯',
    beijing2022: '北京 2022 年：家庭按积分，个人按阶梯',
    beijing2023: '北京 2023 年：家庭按积分，个人按阶梯',
    beijing2024: '北京 2024 年：家庭按积分，个人按阶梯',
  },
  cancel: '停止',
  reading: (file, read, total) =>
    `正在读取 ${file}：${megabytes(read)} / ${megabytes(total)}（${total === 0 ? 100 : Math.floor((read / total) * 100)}%）`,
  waiting: '等待摇号池读取完毕……',
  cancelled: '已停止。重新选择该文件即可再次读取。',
  crashed: '核验中断：浏览器无法完成（可能内存不足）。页面仍可使用；请重试，或用 yaohao 命令行处理此文件。',
  workerFailed:
    '此浏览器每次都会终止本页的后台任务（Web Worker），因此无法在这里核验。请换用其他浏览器（Chrome、Edge、Firefox、Safari），或使用 yaohao 命令行。',
  stepPool: '二、摇号池',
  noPool: '尚未提供摇号池文件。',
  fields: {
    file: '文件',
    format: '格式',
    md5: '文件 MD5',
    codes: '申请编码数',
    entries: '基数序号总数（T）',
    digest: '摇号池摘要（SHA-256，yaohao-pool/1）',
    period: '期号',
    read: '读取',
  },
  formats: { zip: '北京官方摇号池 zip', csv: 'CSV', jsonl: 'JSON Lines' },
  periodLine: (type, period, quota) => `${type} ${period}，指标 ${count(quota)} 个`,
  readIn: (bytes, ms) => `${megabytes(bytes)}，用时 ${seconds(ms)}`,
  otherFiles: (n, names) => `zip 中另有 ${count(n)} 个文件未读取：${names}`,
  publishedMd5: '公布的 MD5',
  publishedMd5Hint: '粘贴官方公布的 MD5，或把 .md5 文件拖到这里，即可比对。',
  md5Same: 'MD5 一致：这就是公布的文件。',
  md5Differs: 'MD5 不一致：这不是公布的文件。',
  md5Unreadable: '这段文字里没有 MD5（32 位十六进制数）。',
  stepSheet: '三、中签结果表与其种子数是否相符',
  noSheet: '尚未提供中签结果表。即使没有摇号池，也能用种子数核对结果表。',
  sheetFigures: (total, quota, seed, rows) =>
    `基数序号总数 ${count(total)}，指标数 ${count(quota)}，种子数 ${seed}，共 ${count(rows)} 行`,
  sheetOk: (picks, repeats) => `与种子数相符：共抽取 ${count(picks)} 次，其中 ${count(repeats)} 次重复被舍弃。`,
  sheetOkAll: '相符：指标数不少于摇号池，所有编码依次中签。',
  sheetWeightedNote: '没有摇号池时，有阶梯的结果表只能核对编码是否重复。加入摇号池文件，即可核对每个编码与其基数序号。',
  sheetSkipsNote: (n) =>
    `有 ${count(n)} 次被跳过的抽取落在表中没有的基数序号上；只有当这些序号属于已中签的编码时才合规——摇号池文件可以确认。`,
  sheetBad: '结果表与其种子数不符。',
  stepReplay: '四、用摇号池重放这次摇号',
  replayNeedsPool: '加入摇号池文件即可重放。',
  replayNeedsDraw: '加入审计记录或中签结果表即可重放。',
  replayOfRecord: '审计记录',
  replayOfSheet: '中签结果表',
  replayOk: (winners) => `核验通过：全部 ${count(winners)} 名中签者，顺序和基数序号都一致。`,
  replayDraw: (generator, seed, quota) => `随机数生成器 ${generator}，种子数 ${seed}，指标数 ${count(quota)}`,
  recordDigest: '记录摘要',
  recordLoaded: (winners, seed, quota) => `${count(winners)} 名中签者，种子数 ${seed}，指标数 ${count(quota)}`,
  columns: { position: '序号', entry: '摇号基数序号', code: '申请编码' },
  showWinners: (n) => `${count(n)} 名中签者`,
  reasons: {
    'malformed-record': () => '这不是有效的审计记录。',
    'pool-mismatch': () => '这次摇号对应的是另一个摇号池。',
    'replay-failed': () => '无法重放这次摇号。',
    'allocation-mismatch': () => '是否全员中签与重放结果不同。',
    'winner-mismatch': (p) => `第 ${(p ?? 0) + 1} 名中签者与重放结果不同。`,
    'missing-winner': (p) => `中签者不全：重放结果从第 ${(p ?? 0) + 1} 名起还有更多。`,
    'extra-winner': (p) => `中签者多出：重放结果在第 ${(p ?? 0) + 1} 名之前就结束了。`,
    'picks-mismatch': () => '中签者相同，但抽取次数不同。',
    'digest-mismatch': () => '每名中签者都能重放，但记录在摇号后被改动过。',
    'malformed-sheet': () => '无法读取这份中签结果表。',
    'invalid-seed': () => '该种子数不能用于这个随机数生成器。',
    'wrong-count': () => '中签人数与指标数不符。',
    'repeated-code': (p) => `第 ${(p ?? 0) + 1} 行的编码重复：一个编码最多中签一次。`,
    'repeated-entry': (p) => `第 ${(p ?? 0) + 1} 行的基数序号重复。`,
    'entry-mismatch': (p) => `第 ${(p ?? 0) + 1} 行的基数序号不对。`,
    'skipped-winner': (p) => `第 ${(p ?? 0) + 1} 行不是种子数抽出的结果。`,
    'unexplained-skip': (p) => `第 ${(p ?? 0) + 1} 行不是种子数抽出的结果。`,
    'code-order': (p) => `第 ${(p ?? 0) + 1} 行与编码顺序不符。`,
    exhausted: (p) => `种子数始终抽不到第 ${(p ?? 0) + 1} 行。`,
  },
  unknownReason: '核验未通过。',
  details: '程序库的原文说明（英文）',
  problems: (n) => (n === 1 ? '该文件无法使用：' : `该文件无法使用（${count(n)} 处问题）：`),
  moreProblems: (n) => `……另有 ${count(n)} 处`,
  policyTip: '这些记录给的是摇号次数而不是基数序号：请在上方选择换算规则（例如“北京 2016–2020 年”）。',
  stepLookup: '五、查询申请编码',
  lookupHint: '有了摇号池和审计记录（或能重放的结果表），即可查询某个编码的摇号结果。',
  codeLabel: '申请编码（13 位数字）',
  lookup: '查询',
  lookupProblem: '无法查询：',
  won: (code, position, entry, entries, total) =>
    `已中签：${code} 是第 ${count(position)} 名中签者，抽中的基数序号为 ${count(entry)}（共有 ${count(entries)} / ${count(total)} 个基数序号）。`,
  notWon: (code, entries, total) =>
    `未中签：${code} 在摇号池中，有 ${count(entries)} / ${count(total)} 个基数序号，本次未中签。`,
  notInPool: (code) => `不在此摇号池中：${code}。`,
  recordNotOfPool: '该记录不是这个摇号池的摇号结果。',
  noDraw: '请先加入摇号池文件，以及审计记录或中签结果表。',
  footer: (engine) =>
    `${engine}。本页就是编译到浏览器中的 yaohao 程序库：与 yaohao 命令（verify、check-sheet）使用相同的函数、给出相同的说明。规则见 yaohao 规范（docs/spec.md）。`,
};

/** The labels of each language. */
export const LABELS: Readonly<Record<Language, Labels>> = { en, zh };
