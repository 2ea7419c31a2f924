import type { Issue } from './Issue';

/** What a `safe…` entry point returns: the value, or the issues that prevented it. */
export type SafeResult<T> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly issues: readonly Issue[]; readonly omittedIssues: number };
