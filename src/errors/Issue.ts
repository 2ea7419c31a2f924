/** One segment of a path into the input: an object key or an array index. */
export type PathSegment = string | number;

/** Every kind of problem yaohao reports about its input. */
export type IssueCode =
  /** A value has the wrong JSON type (string where a number was expected, …). */
  | 'invalid_type'
  /** An application code is not 13 decimal digits. */
  | 'invalid_code'
  /** A value has the right type but is out of range or not allowed. */
  | 'invalid_value'
  /** A required field is absent. */
  | 'missing_field'
  /** A field that this record shape (or this policy) does not accept. */
  | 'unknown_field'
  /** Two records carry the same application code. */
  | 'duplicate_code'
  /** The same person appears in two applications, or twice in one family. */
  | 'duplicate_person'
  /** A family application breaks the family rules (one main applicant, roles, generations, size). */
  | 'invalid_family'
  /** The quota is not a positive safe integer. */
  | 'invalid_quota'
  /** The seed is empty, malformed, or not valid for the chosen generator. */
  | 'invalid_seed'
  /** The draw label is not a well-formed string. */
  | 'invalid_label'
  /** The generator name is not one yaohao knows. */
  | 'unknown_generator'
  /** The pool has more entries than the generator (or the layout) supports. */
  | 'too_many_entries'
  /** The pool holds no applications. */
  | 'empty_pool'
  /** The policy object does not match the policy schema. */
  | 'invalid_policy'
  /** A line of a file is not valid JSON / CSV. */
  | 'invalid_syntax'
  /** An entry number outside 1..totalEntries. */
  | 'entry_out_of_range'
  /** The draw used its whole pick budget (10·T) without filling the quota. */
  | 'draw_exhausted'
  /** The weights make the quota too costly to draw (docs/spec.md §5.3): refused before any pick. */
  | 'draw_too_costly'
  /** An audit record or sheet does not match its schema. */
  | 'invalid_record'
  // An application's life (docs/spec.md §16). Review reasons (reviewApplication):
  /** The resident ID is not a valid GB 11643 number. */
  | 'bad_id'
  /** Younger than the policy's minimum age at the application deadline. */
  | 'under_age'
  /** No Beijing hukou, no valid endorsed work residence permit, no unbroken years of contributions. */
  | 'no_residence_basis'
  /** A month without social insurance in the years that must be consecutive. */
  | 'social_insurance_gap'
  /** A month without income tax in the years that must be consecutive. */
  | 'income_tax_gap'
  /** A small car is already registered in Beijing in the applicant's name. */
  | 'owns_car'
  /** No driving licence. */
  | 'no_licence'
  /** The driving licence has expired. */
  | 'licence_expired'
  /** Serious traffic violations not yet processed. */
  | 'unresolved_violation'
  /** A unit paid less VAT in Beijing last year than the policy requires. */
  | 'unit_vat_below_threshold'
  // The registry (applyEvent):
  /** An event older than the last one applied. */
  | 'event_out_of_order'
  /** An event names an application code the registry does not hold. */
  | 'unknown_application'
  /** The application's state does not allow this event (confirming twice, a late confirmation, …). */
  | 'invalid_transition'
  /** An application made outside every application window of the calendar. */
  | 'outside_application_window'
  /** A draw record that does not fit the registry's pool (size, period, winners' kinds). */
  | 'draw_mismatch';

/** A problem with the input, as data: what, where, and what was expected. */
export interface Issue {
  /** Machine-readable kind of problem. */
  readonly code: IssueCode;
  /** Where the problem is, e.g. `[17, 'code']` for the code of record 17 (0-based). */
  readonly path: readonly PathSegment[];
  /** A sentence a person can act on. */
  readonly message: string;
  /** What was expected, when that is useful. */
  readonly expected?: string;
  /** What was found, when that is useful (never a whole record). */
  readonly received?: string;
  /** The file the problem is in, when the input came from a named file (`line` is a line of it). */
  readonly file?: string;
  /** 1-based line in the source file, when the input came from a file. */
  readonly line?: number;
  /** Path of another input involved, e.g. the first record of a duplicate pair. */
  readonly relatedPath?: readonly PathSegment[];
  /** 1-based line of that other input, when it came from a file. */
  readonly relatedLine?: number;
}

// Issues may come from plain JavaScript: render any value without throwing.
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '?';

/** Renders a path as `records[17].code` style text (anything that is not a path renders as `(root)`). */
export function formatPath(path: readonly PathSegment[]): string {
  if (!Array.isArray(path)) return '(root)';
  let out = '';
  for (const segment of path as readonly unknown[]) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? text(segment) : `.${text(segment)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line of text for an issue: `line 18: records[17].code: …` or `records[17].code: …`. */
export function formatIssue(issue: Issue): string {
  if (typeof issue !== 'object' || issue === null) return '(root): ?';
  const where =
    issue.line === undefined
      ? issue.file === undefined
        ? formatPath(issue.path)
        : `${text(issue.file)}: ${formatPath(issue.path)}`
      : issue.file === undefined
        ? `line ${text(issue.line)}`
        : `${text(issue.file)}:${text(issue.line)}`;
  const message = text(issue.message);
  // Messages start with their field's name for when only a line is shown ("draws: expected a
  // number"); after a path that already ends with it, once is enough.
  const field = Array.isArray(issue.path) ? (issue.path as readonly unknown[]).at(-1) : undefined;
  const named = issue.line === undefined && typeof field === 'string' && message.startsWith(`${field}: `);
  return `${where}: ${named ? message.slice(field.length + 2) : message}`;
}
