import type { Issue } from './Issue';
import { YaohaoError } from './YaohaoError';

/** Keeps at most this many issues; a 10-million-line file of bad records must not exhaust memory. */
export const MAX_KEPT_ISSUES = 100;

/** Gathers issues while validating, then throws them all at once (nothing is drawn before). */
export class IssueCollector {
  readonly issues: Issue[] = [];
  omitted = 0;

  add(issue: Issue): void {
    if (this.issues.length < MAX_KEPT_ISSUES) this.issues.push(issue);
    else this.omitted++;
  }

  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.add(issue);
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** Throws a YaohaoError when anything was collected. */
  throwIfAny(): void {
    if (!this.ok) throw new YaohaoError(this.issues, this.omitted);
  }
}
