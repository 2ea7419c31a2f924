import type { Issue } from '../../errors/Issue';
import { IssueCollector } from '../../errors/IssueCollector';
import { APPLICANT_KINDS } from '../ApplicantKind';
import { numberToCode } from '../applicationCode';
import { EntryLayout, MAX_LAYOUT_MEMBERS } from '../EntryLayout';
import { Pool } from '../Pool';
import type { PoolRun } from './PoolRun';

/**
 * Turns a sorted run into the canonical Pool: refuse duplicates, check the entry total, lay out
 * the passes. Every reader (arrays, JSON Lines, CSV, the official zip) ends here, so the canonical
 * form cannot depend on where records came from or in which order they arrived. Throws every
 * collected issue (the reader's, then duplicates, in input order) before building anything.
 */
export function finishPool(run: PoolRun, policyId: string): Pool {
  const issues = new IssueCollector();
  issues.omitted += run.omittedIssues;
  const { keys, weights } = run;
  let duplicated: Set<number> | undefined;
  let total = 0;
  for (let k = 0; k < keys.length; k++) {
    total += weights[k]!;
    // Same code (whatever the kinds): floor(key / 4) equal.
    if (k > 0 && Math.floor(keys[k - 1]! / 4) === Math.floor(keys[k]! / 4))
      (duplicated ??= new Set()).add(Math.floor(keys[k]! / 4));
  }
  const found: Issue[] = [...run.issues];
  if (duplicated !== undefined) found.push(...duplicateIssues(run, duplicated));
  const recordOf = (issue: Issue): number => (typeof issue.path[0] === 'number' ? issue.path[0] : -1);
  found.sort((a, b) => recordOf(a) - recordOf(b)); // stable: a record's issues keep their order
  issues.addAll(found);
  if (total > Number.MAX_SAFE_INTEGER) {
    issues.add({
      code: 'too_many_entries',
      path: [],
      message: 'the pool has more than 2^53 − 1 entries in total; no generator can draw from it',
    });
  }
  issues.throwIfAny();
  const layout = EntryLayout.build(weights);
  if (!(layout instanceof EntryLayout)) {
    issues.add({
      code: 'too_many_entries',
      path: [],
      message: `the entry layout needs ${layout.membersNeeded} stored indexes, more than this implementation's limit of ${MAX_LAYOUT_MEMBERS} (many codes with many distinct large weights)`,
    });
    issues.throwIfAny();
  }
  return new Pool({ keys, weights, layout: layout as EntryLayout }, policyId);
}

// The error path: find every occurrence of the duplicated codes in input order (one scan of the
// unsorted keys of every run) and report each repeat against the first occurrence.
function duplicateIssues(run: PoolRun, duplicated: ReadonlySet<number>): Issue[] {
  const first = new Map<number, { record: number; line: number | undefined; kind: string }>();
  const out: Issue[] = [];
  const input = run.input;
  for (let row = 0; row < input.count; row++) {
    const key = input.keyAt(row);
    const code = Math.floor(key / 4);
    if (!duplicated.has(code)) continue;
    const kind = APPLICANT_KINDS[key - code * 4]!;
    const record = input.recordAt(row);
    const line = input.lineAt(row) === 0 ? undefined : input.lineAt(row);
    const earlier = first.get(code);
    if (earlier === undefined) {
      first.set(code, { record, line, kind });
      continue;
    }
    const where = earlier.line === undefined ? `record ${earlier.record}` : `line ${earlier.line}`;
    out.push({
      code: 'duplicate_code',
      path: [record, 'code'],
      message:
        earlier.kind === kind
          ? `code ${numberToCode(code)} appears twice (first at ${where})`
          : `code ${numberToCode(code)} is ${withArticle(kind)} application here and ${withArticle(earlier.kind)} one at ${where}: one code, one application`,
      ...(line === undefined ? {} : { line }),
      relatedPath: [earlier.record],
      ...(earlier.line === undefined ? {} : { relatedLine: earlier.line }),
    });
  }
  return out;
}

function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
