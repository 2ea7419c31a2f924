import { en } from 'zod/locales';
import { config, type z } from 'zod/mini';
import type { Issue, IssueCode, PathSegment } from './Issue';

// zod/mini, unlike zod classic, sets no messages of its own ("Invalid input" for every issue): give it
// classic's English ones as yaohao loads, unless the application has chosen a locale (classic does the same).
if (config().localeError === undefined) config(en());

/** Where a validated value sits: a path prefix, and the file line when it came from a file. */
export interface IssueLocation {
  readonly path: readonly PathSegment[];
  readonly line?: number;
}

/** A short, bounded rendering of a received value for messages (never a whole record). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
};

/**
 * Maps zod issues onto yaohao issues, once, so every entry point reports problems the same way.
 * Schemas mark domain-specific failures with `params: { yaohao: <IssueCode> }`.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], at: IssueLocation): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    const path = [...at.path, ...(raw.path as PathSegment[])];
    const line = at.line === undefined ? {} : { line: at.line };
    const received = 'input' in raw ? describeValue(raw.input) : undefined;
    const withReceived = received === undefined ? {} : { received };
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys) {
        out.push({ code: 'unknown_field', path: [...path, key], message: `unknown field "${key}"`, ...line });
      }
      continue;
    }
    const marked =
      raw.code === 'custom'
        ? (raw.params?.['yaohao'] as IssueCode | undefined)
        : raw.code === 'invalid_format' && path[path.length - 1] === 'code'
          ? 'invalid_code' // every field named `code` in our schemas is an application code
          : undefined;
    const code: IssueCode =
      marked ??
      (raw.code === 'invalid_type'
        ? 'input' in raw && raw.input === undefined
          ? 'missing_field'
          : 'invalid_type'
        : raw.code === 'invalid_union' || raw.code === 'invalid_key' || raw.code === 'invalid_element'
          ? 'invalid_type'
          : 'invalid_value');
    const field = path.length > 0 ? String(path[path.length - 1]) : 'value';
    let message = raw.message;
    if (code === 'missing_field') message = `missing required field "${field}"`;
    else if (code === 'invalid_code') message = `code ${received ?? '?'} is not 13 decimal digits`;
    else if (raw.code === 'invalid_type')
      message = `${field}: expected ${EXPECTED_WORDS[raw.expected] ?? raw.expected}, received ${received ?? 'something else'}`;
    else if (!message.includes(':') && received !== undefined) message = `${message} (received ${received})`;
    out.push({ code, path, message, ...line, ...withReceived });
  }
  return out;
}

/** Runs a zod schema and returns either the parsed value or yaohao issues at `at`. */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  at: IssueLocation,
): { ok: true; value: z.output<S> } | { ok: false; issues: Issue[] } {
  let result: z.util.SafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value, { reportInput: true });
  } catch {
    // zod throws on a few exotic inputs (it cannot freeze a typed array, say): that is bad input too.
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_type',
          path: [...at.path],
          message: `${describeValue(value)} cannot be read here`,
          ...(at.line === undefined ? {} : { line: at.line }),
        },
      ],
    };
  }
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: fromZodIssues(result.error.issues, at) };
}
