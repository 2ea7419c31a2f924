import { asciiWord } from '../../pool/internal/asciiWord';
import { codeDigitsAt } from '../../pool/internal/codeDigits';
import { lastCount, NOT_FAST, readCount } from '../../pool/internal/parseJsonLine';
import type { TemplateRun } from '../../pool/internal/readTemplateRun';
import type { Reader2021 } from '../read2021Record';
import { lastIdHash, readId } from './parse2021Line';
import { INDIVIDUAL_KIND } from './Record2021Fields';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const CLOSE = 0x7d;

// The fixed text of the line, as little-endian words (compared at fixed offsets, overlapping at the ends).
// Its opening `{"code":"` and its end `}\r?\n` are matched here as in readTemplateRun, not by a shared
// function: in these loops V8 stops inlining past its budget, and two more calls per line cost 12–15 %
// of the CPU time of reading the 2019 file.
const OPEN = '{"code":"'; // 9 bytes: words at 0 and 4, then a quote
const OPEN_0 = asciiWord(OPEN, 0);
const OPEN_4 = asciiWord(OPEN, 4);
const PERSON_ID = '","personId":"'; // 14 bytes: words at 0, 4, 8, 10
const PERSON_0 = asciiWord(PERSON_ID, 0);
const PERSON_4 = asciiWord(PERSON_ID, 4);
const PERSON_8 = asciiWord(PERSON_ID, 8);
const PERSON_10 = asciiWord(PERSON_ID, 10);
const DRAWS_TO_2020 = '","drawsTo2020":'; // 16 bytes: words at 0, 4, 8, 12
const TO_0 = asciiWord(DRAWS_TO_2020, 0);
const TO_4 = asciiWord(DRAWS_TO_2020, 4);
const TO_8 = asciiWord(DRAWS_TO_2020, 8);
const TO_12 = asciiWord(DRAWS_TO_2020, 12);
const DRAWS_SINCE = ',"drawsSince2021":'; // 18 bytes: words at 0, 4, 8, 12, 14
const SINCE_0 = asciiWord(DRAWS_SINCE, 0);
const SINCE_4 = asciiWord(DRAWS_SINCE, 4);
const SINCE_8 = asciiWord(DRAWS_SINCE, 8);
const SINCE_12 = asciiWord(DRAWS_SINCE, 12);
const SINCE_14 = asciiWord(DRAWS_SINCE, 14);
// The shortest such line, newline included: one-byte id, one-digit counts.
const SHORTEST = OPEN.length + 13 + PERSON_ID.length + 1 + DRAWS_TO_2020.length + 1 + DRAWS_SINCE.length + 1 + 1 + 1;

/**
 * Reads, from `start`, consecutive lines of the exact shape JSON.stringify writes for a 2021–
 * individual with a draw history — `{"code":"…","personId":"…","drawsTo2020":N,"drawsSince2021":N}`,
 * ending in `\n` or `\r\n` — into `run`, weighing and registering each person as the fast path
 * does (Reader2021.acceptIndividual), until `run` is full, a line is anything else or not plainly
 * valid, or a line's newline is not in `bytes`. Returns the start of the first line it did not
 * take, which the general byte parser (parse2021Line) then reads. The same checks as that parser
 * for these lines (codes, ids of printable ASCII without escapes up to MAX_PERSON_ID, counts
 * without leading zeros), at fixed places instead of key by key: most lines of a present-day pool
 * are such lines.
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
    if (view.getInt32(at, true) !== OPEN_0 || view.getInt32(at + 4, true) !== OPEN_4 || bytes[at + 8] !== QUOTE) break;
    const code = codeDigitsAt(bytes, view, at + 9);
    if (
      code < 0 ||
      view.getInt32(at + 22, true) !== PERSON_0 ||
      view.getInt32(at + 26, true) !== PERSON_4 ||
      view.getInt32(at + 30, true) !== PERSON_8 ||
      view.getInt32(at + 32, true) !== PERSON_10
    )
      break;
    const idStart = at + 36;
    const idEnd = readId(bytes, idStart, end);
    // The rest of the line after the id's closing quote (≥ 38 bytes) is inside `bytes`.
    if (idEnd === NOT_FAST || idEnd + 38 > end) break;
    const hash = lastIdHash();
    let i = idEnd;
    if (
      view.getInt32(i, true) !== TO_0 ||
      view.getInt32(i + 4, true) !== TO_4 ||
      view.getInt32(i + 8, true) !== TO_8 ||
      view.getInt32(i + 12, true) !== TO_12
    )
      break;
    i = readCount(bytes, i + 16, end);
    if (i < 0) break;
    const drawsTo2020 = lastCount();
    if (
      i + 20 > end ||
      view.getInt32(i, true) !== SINCE_0 ||
      view.getInt32(i + 4, true) !== SINCE_4 ||
      view.getInt32(i + 8, true) !== SINCE_8 ||
      view.getInt32(i + 12, true) !== SINCE_12 ||
      view.getInt32(i + 14, true) !== SINCE_14
    )
      break;
    i = readCount(bytes, i + 18, end);
    if (i < 0 || bytes[i] !== CLOSE) break;
    const drawsSince2021 = lastCount();
    i++;
    if (i < end && bytes[i] === RETURN) i++;
    if (i >= end || bytes[i] !== NEWLINE) break;
    const steps = reader.acceptIndividual(drawsTo2020, drawsSince2021, bytes, idStart, idEnd, hash, view);
    if (steps < 0) break;
    keys[count] = code * 4 + INDIVIDUAL_KIND;
    weights[count] = steps;
    count++;
    at = i + 1;
  }
  run.count = count;
  return at;
}
