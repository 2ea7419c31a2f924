import type { Issue } from '../errors/Issue';
import { isYaohaoError, YaohaoError } from '../errors/YaohaoError';

/** How messages name a file argument: `stdin` for `-`. */
export function fileLabel(path: string): string {
  return path === '-' ? 'stdin' : path;
}

/**
 * The issues, those without a file blamed on `file`, so a message names the file the problem is in
 * (issue 8 §5). With `root`, only issues under that field are (`record`: the record's own fields) — a
 * bad code typed on the command line is not the record file's fault.
 */
export function blamedOn(issues: readonly Issue[], file: string, root?: string): Issue[] {
  const label = fileLabel(file);
  return issues.map((issue) =>
    issue.file === undefined && (root === undefined || issue.path[0] === root) ? { ...issue, file: label } : issue,
  );
}

/** Runs `work`; a YaohaoError it throws has its issues blamed on `file` (see blamedOn). */
export function blamingFile<T>(file: string, work: () => T, root?: string): T {
  try {
    return work();
  } catch (error) {
    throw isYaohaoError(error) ? new YaohaoError(blamedOn(error.issues, file, root), error.omittedIssues) : error;
  }
}
