// What building a pool came to, in a form tests compare with toEqual: its digest, or every issue
// (codes, paths, messages, lines, order) and how many more were left out.
import { commitPool, type Issue, type Pool } from '../../src/index';

export type Outcome = { digest: string } | { issues: readonly Issue[]; omitted: number };

/** Runs `build`; a YaohaoError becomes its issues, anything else is rethrown. */
export function outcome(build: () => Pool): Outcome {
  try {
    return { digest: commitPool(build()).digest };
  } catch (error) {
    const { issues, omittedIssues } = error as { issues?: readonly Issue[]; omittedIssues: number };
    if (issues === undefined) throw error;
    return { issues, omitted: omittedIssues };
  }
}
