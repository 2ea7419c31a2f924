import { formatIssue, type Issue } from './Issue';

const SHOWN_IN_MESSAGE = 5;

/** The one error type yaohao throws for bad input; `issues` says what is wrong and where. */
export class YaohaoError extends Error {
  /** Every problem found, in input order (capped, see `omittedIssues`). */
  readonly issues: readonly Issue[];
  /** How many further issues were found but not kept (to bound memory on huge inputs). */
  readonly omittedIssues: number;

  constructor(issues: readonly Issue[], omittedIssues = 0) {
    // Built from plain JavaScript too: anything but a list of issues and a count reads as none.
    const list = Array.isArray(issues) ? issues : [];
    const omitted = Number.isSafeInteger(omittedIssues) && omittedIssues > 0 ? omittedIssues : 0;
    super(summarise(list, omitted));
    this.name = 'YaohaoError';
    this.issues = list;
    this.omittedIssues = omitted;
  }
}

function summarise(issues: readonly Issue[], omitted: number): string {
  const total = issues.length + omitted;
  const shown = issues.slice(0, SHOWN_IN_MESSAGE).map(formatIssue);
  const more = total - shown.length;
  const head = total === 1 ? '1 problem' : `${total} problems`;
  return `${head} in the input:\n  ${shown.join('\n  ')}${more > 0 ? `\n  … and ${more} more` : ''}`;
}

/** True when `error` is a YaohaoError (also across bundle copies). */
export function isYaohaoError(error: unknown): error is YaohaoError {
  return error instanceof YaohaoError || (error instanceof Error && error.name === 'YaohaoError' && 'issues' in error);
}

/**
 * The same error with every issue that names no file placed in `file`: readers report lines and
 * record paths, and the caller who opened the file says which file it was. With `field`, only the
 * issues under that top-level field are (`record`: a record file's own fields, not a code typed on
 * the command line next to it).
 */
export function inFile(error: YaohaoError, file: string, field?: string): YaohaoError {
  if (!isYaohaoError(error) || typeof file !== 'string' || (field !== undefined && typeof field !== 'string'))
    throw new YaohaoError([
      {
        code: 'invalid_type',
        path: [],
        message: 'inFile takes a YaohaoError, a file name (a string) and optionally a field name (a string)',
      },
    ]);
  return new YaohaoError(
    error.issues.map((issue) =>
      issue.file === undefined && (field === undefined || issue.path[0] === field) ? { ...issue, file } : issue,
    ),
    error.omittedIssues,
  );
}
