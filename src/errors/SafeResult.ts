import type { Issue } from './Issue';

/** What a `safe…` entry point returns: the value, or the issues that prevented it. */
export type SafeResult<T> =
  | {
      /** It worked. */
      readonly success: true;
      /** What the throwing form returns. */
      readonly value: T;
    }
  | {
      /** It did not: nothing was made or drawn. */
      readonly success: false;
      /** Every problem found (capped at 100, see omittedIssues). */
      readonly issues: readonly Issue[];
      /** How many more problems were found but not kept. */
      readonly omittedIssues: number;
    };
