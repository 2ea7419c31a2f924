import type { Issue } from '../errors/Issue';
import { formatPath } from '../errors/Issue';

/** Where an issue is, for a person reading a terminal: `pool.csv:18233`, `pool.zip:bj…_0001.csv:7`, or a field path. */
export function locate(issue: Issue, fallbackFile: string | undefined): string {
  // An issue that knows its file is never blamed on another one.
  const file = issue.file ?? fallbackFile;
  const first = issue.path[0];
  const inner =
    typeof first === 'string' && /\.(csv|txt|json|jsonl)$/i.test(first) && first !== file ? first : undefined;
  if (issue.line !== undefined) {
    const where =
      inner === undefined
        ? (file ?? (typeof first === 'string' ? first : 'input'))
        : file === undefined
          ? inner
          : `${file}:${inner}`;
    return `${where}:${issue.line}`;
  }
  // A whole file (a damaged zip), or a file inside a zip without a line (a bad CRC).
  if (issue.path.length === 0 && file !== undefined) return file;
  if (inner !== undefined && file !== undefined) return `${file}:${inner}`;
  if (typeof first === 'number' && file !== undefined)
    return `${file}: record ${first}${issue.path.length > 1 ? ` (${formatPath(issue.path.slice(1))})` : ''}`;
  if (issue.file !== undefined) {
    // A problem with a file as a whole: the file, and the option that named it or the field in it.
    if (issue.path.length === 1 && typeof first === 'string' && /^[-<]/.test(first)) return `${issue.file} (${first})`;
    return issue.path.length === 0 ? issue.file : `${issue.file}: ${formatPath(issue.path)}`;
  }
  return formatPath(issue.path);
}

/** The lines printed for a list of issues. */
export function issueLines(
  issues: readonly Issue[],
  omitted: number,
  file: string | undefined,
  limit: number = Number.POSITIVE_INFINITY,
): string[] {
  const shown = issues.slice(0, limit);
  const lines = shown.map((issue) => `${locate(issue, file)}: ${issue.message}`);
  const more = omitted + issues.length - shown.length;
  if (more > 0) lines.push(`… and ${more} more problems`);
  return lines;
}
