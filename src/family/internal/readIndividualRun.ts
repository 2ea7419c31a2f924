import { codeDigitsAt } from '../../pool/internal/codeDigits';
import type { TemplateRun } from '../../pool/internal/readTemplateRun';
import { MAX_WEIGHT } from '../../pool/recordSchemas';
import { ID_HASH_START, idHashEnd, idHashStep } from '../PersonRegistry';
import type { Reader2021 } from '../read2021Record';
import { Literal } from './Literal';
import { ID_BYTE, ID_BYTES, lastCount, readCount } from './parse2021Line';
import { INDIVIDUAL_KIND, MAX_PERSON_ID } from './Record2021Fields';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const CLOSE = 0x7d;

const OPEN = new Literal('{"code":"', 0);
const PERSON_ID = new Literal('","personId":"', 0);
const DRAWS_TO_2020 = new Literal('","drawsTo2020":', 0);
// `,"drawsSince2021":` is 18 bytes: two literals.
const DRAWS_SINCE_1 = new Literal(',"drawsSince', 0);
const DRAWS_SINCE_2 = new Literal('2021":', 0);
// The shortest such line, newline included: one-byte id, one-digit counts.
const SHORTEST = 9 + 13 + 14 + 1 + 16 + 1 + 18 + 1 + 1 + 1;

/**
 * Reads, from `start`, consecutive lines of the exact shape JSON.stringify writes for a 2021–
 * individual with a draw history — `{"code":"…","personId":"…","drawsTo2020":N,"drawsSince2021":N}`,
 * ending in `\n` or `\r\n` — into `run`, registering each person as the fast path does
 * (Reader2021.accept), until `run` is full, a line is anything else or not plainly valid, or a
 * line's newline is not in `bytes`. Returns the start of the first line it did not take, which
 * the general byte parser (parse2021Line) then reads. The same checks as that parser for these
 * lines (codes, ids of printable ASCII without escapes up to MAX_PERSON_ID, counts without leading
 * zeros), at fixed places instead of key by key: most lines of a present-day pool are such lines.
 */
export function readIndividualRun(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  reader: Reader2021,
  run: TemplateRun,
): number {
  const { keys, weights, capacity } = run;
  let count = 0;
  let at = start;
  while (count < capacity && at + SHORTEST <= end) {
    if (!OPEN.isAt(bytes, view, at, end)) break;
    const code = codeDigitsAt(bytes, view, at + 9);
    if (code < 0 || !PERSON_ID.isAt(bytes, view, at + 22, end)) break;
    const idStart = at + 36;
    const limit = Math.min(end, idStart + MAX_PERSON_ID + 1);
    let hash = ID_HASH_START;
    let i = idStart;
    for (; i < limit; i++) {
      const byte = bytes[i]!;
      if (ID_BYTES[byte] !== ID_BYTE) break;
      hash = idHashStep(hash, byte);
    }
    const idEnd = i;
    if (i === limit || idEnd === idStart || bytes[i] !== QUOTE || !DRAWS_TO_2020.isAt(bytes, view, i, end)) break;
    i = readCount(bytes, i + 16, end);
    if (i < 0) break;
    const drawsTo2020 = lastCount();
    if (!DRAWS_SINCE_1.isAt(bytes, view, i, end) || !DRAWS_SINCE_2.isAt(bytes, view, i + 12, end)) break;
    i = readCount(bytes, i + 18, end);
    if (i < 0 || bytes[i] !== CLOSE) break;
    const drawsSince2021 = lastCount();
    i++;
    if (i < end && bytes[i] === RETURN) i++;
    if (i >= end || bytes[i] !== NEWLINE) break;
    const steps = reader.individualSteps(drawsTo2020, drawsSince2021);
    if (!(steps >= 1 && steps <= MAX_WEIGHT)) break;
    reader.persons.addBytes(bytes, idStart, idEnd, idHashEnd(hash), true, view);
    keys[count] = code * 4 + INDIVIDUAL_KIND;
    weights[count] = steps;
    count++;
    at = i + 1;
  }
  run.count = count;
  return at;
}
