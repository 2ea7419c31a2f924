import { YaohaoError } from '../../errors/YaohaoError';
import { PERIOD_TYPES, type OfficialPoolHeader } from '../officialPool';

/** The header file may hold at most this many bytes (seven short lines; padding is refused). */
export const MAX_HEADER_BYTES: number = 64 << 10;

const utf8 = new TextDecoder('utf-8');

/**
 * Reads the seven-line header file. Lines end with LF or CRLF; a byte order mark is skipped; each
 * line is trimmed; lines 3–5 are free text (decoded as UTF-8, undecodable bytes become U+FFFD);
 * anything after line 7 must be blank.
 */
export function parseOfficialHeader(bytes: Uint8Array, file: string): OfficialPoolHeader {
  const fail = (message: string, line?: number): never => {
    throw new YaohaoError([{ code: 'invalid_record', path: [file], message, ...(line === undefined ? {} : { line }) }]);
  };
  const lines = utf8
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 7 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 7) fail(`the header file has ${lines.length} lines, expected 7`);
  if (lines.length > 7)
    fail(`the header file has more than 7 lines: line 8 is ${JSON.stringify(lines[7]!.slice(0, 40))}`, 8);
  const [periodType, period, title, note1, note2, total, quota] = lines as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const type = PERIOD_TYPES[periodType];
  if (type === undefined || !Object.hasOwn(PERIOD_TYPES, periodType))
    fail(
      `line 1 must be one of ${Object.keys(PERIOD_TYPES).join(', ')}, found ${JSON.stringify(periodType.slice(0, 40))}`,
      1,
    );
  if (!/^\d{6}$/.test(period) || !file.includes(period))
    fail(`line 2 must be the period YYYYMM of the file name, found ${JSON.stringify(period.slice(0, 40))}`, 2);
  if (!file.startsWith(`${type!.prefix}NumberPeriod`))
    fail(`the file name does not match the period type ${periodType}`, 1);
  if (!/^[1-9]\d{0,9}$/.test(total) || Number(total) > 2147483647)
    fail(
      `line 6 must be the total number of entries (1 to 2147483647), found ${JSON.stringify(total.slice(0, 40))}`,
      6,
    );
  if (!/^(0|[1-9]\d{0,15})$/.test(quota) || !Number.isSafeInteger(Number(quota)))
    fail(`line 7 must be the quota (a whole number), found ${JSON.stringify(quota.slice(0, 40))}`, 7);
  return { periodType, period, title, notes: [note1, note2], totalEntries: Number(total), quota: Number(quota) };
}
