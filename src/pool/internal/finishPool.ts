import type { Issue, PathSegment } from '../../errors/Issue';
import { IssueCollector } from '../../errors/IssueCollector';
import { APPLICANT_KINDS } from '../ApplicantKind';
import { numberToCode } from '../applicationCode';
import { EntryLayout, MAX_LAYOUT_MEMBERS } from '../EntryLayout';
import { Pool } from '../Pool';
import type { PoolRun } from './PoolRun';

/**
 * Turns a sorted run into the canonical Pool: split keys into codes and kinds, refuse duplicates,
 * check the entry total, lay out the passes. Every reader (arrays, JSON Lines) ends here, so the
 * canonical form cannot depend on where records came from or in which order they arrived.
 * Throws every collected issue (the reader's, then duplicates) before building anything.
 */
export function finishPool(run: PoolRun, policyId: string, pathPrefix: readonly PathSegment[] = []): Pool {
  const issues = new IssueCollector();
  issues.omitted += run.omittedIssues;
  const { keys, weights } = run;
  const size = keys.length;
  const codes = new Float64Array(size);
  const kinds = new Uint8Array(size);
  let duplicated: Set<number> | undefined;
  let total = 0;
  for (let k = 0; k < size; k++) {
    const key = keys[k]!;
    const code = Math.floor(key / 4);
    codes[k] = code;
    kinds[k] = key - code * 4;
    total += weights[k]!;
    if (k > 0 && codes[k - 1] === code) (duplicated ??= new Set()).add(code);
  }
  // Reader issues and duplicates together, in input order (record index; the sort is stable).
  const found = [
    ...run.issues.map((issue) =>
      pathPrefix.length === 0 ? issue : { ...issue, path: [...pathPrefix, ...issue.path] },
    ),
  ];
  if (duplicated !== undefined) found.push(...duplicateIssues(run, duplicated, pathPrefix));
  const recordOf = (issue: Issue): number =>
    typeof issue.path[pathPrefix.length] === 'number' ? (issue.path[pathPrefix.length] as number) : -1;
  found.sort((a, b) => recordOf(a) - recordOf(b));
  issues.addAll(found);
  if (total > Number.MAX_SAFE_INTEGER) {
    issues.add({
      code: 'too_many_entries',
      path: [...pathPrefix],
      message: 'the pool has more than 2^53 − 1 entries in total; no generator can draw from it',
    });
  }
  issues.throwIfAny();
  const layout = EntryLayout.build(weights);
  if (!(layout instanceof EntryLayout)) {
    issues.add({
      code: 'too_many_entries',
      path: [...pathPrefix],
      message: `the entry layout needs ${layout.membersNeeded} stored indexes, more than this implementation's limit of ${MAX_LAYOUT_MEMBERS} (many codes with many distinct large weights)`,
    });
    issues.throwIfAny();
  }
  return new Pool({ codes, weights, kinds, layout: layout as EntryLayout }, policyId);
}

// The error path: find every occurrence of the duplicated codes in input order (one scan of the
// unsorted keys) and report each repeat against the first occurrence.
function duplicateIssues(run: PoolRun, duplicated: ReadonlySet<number>, pathPrefix: readonly PathSegment[]): Issue[] {
  const first = new Map<number, { record: number; line: number | undefined; kind: string }>();
  const out: Issue[] = [];
  for (let row = 0; row < run.inputKeys.length; row++) {
    const key = run.inputKeys[row]!;
    const code = Math.floor(key / 4);
    if (!duplicated.has(code)) continue;
    const kind = APPLICANT_KINDS[key - code * 4]!;
    const record = run.records[row]!;
    const line = run.lines?.[row];
    const earlier = first.get(code);
    if (earlier === undefined) {
      first.set(code, { record, line, kind });
      continue;
    }
    const where = earlier.line === undefined ? `record ${earlier.record}` : `line ${earlier.line}`;
    out.push({
      code: 'duplicate_code',
      path: [...pathPrefix, record, 'code'],
      message:
        earlier.kind === kind
          ? `code ${numberToCode(code)} appears twice (first at ${where})`
          : `code ${numberToCode(code)} is ${withArticle(kind)} application here and ${withArticle(earlier.kind)} one at ${where}: one code, one application`,
      ...(line === undefined ? {} : { line }),
      relatedPath: [...pathPrefix, earlier.record],
      ...(earlier.line === undefined ? {} : { relatedLine: earlier.line }),
    });
  }
  return out;
}

function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
