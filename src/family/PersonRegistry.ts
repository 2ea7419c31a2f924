import type { Issue, PathSegment } from '../errors/Issue';

const NO_MEMBER = 0xffff_ffff;

/**
 * Everyone seen so far in one pool, by personId, to enforce that a person is in one application
 * only: not in a family and also an individual, not in two families. Keeps the first location of
 * each person (in input order), so a repeat is reported at its later occurrence, naming the first.
 * Locations are numbers in typed arrays (millions of persons: no object per person); paths are
 * built only for issues. Messages name records, never the personId itself.
 */
export class PersonRegistry {
  private readonly slot = new Map<string, number>();
  private records: Uint32Array = new Uint32Array(1024);
  private members: Uint32Array = new Uint32Array(1024);
  private lines: Uint32Array = new Uint32Array(1024);
  private count = 0;

  /** Whether `id` is already registered. */
  has(id: string): boolean {
    return this.slot.has(id);
  }

  /** The issue for `id` seen again at `path` (only call when has(id)). */
  repeatIssue(id: string, path: readonly PathSegment[], line: number | undefined): Issue {
    const at = this.slot.get(id)!;
    const record = this.records[at]!;
    const member = this.members[at]!;
    const firstLine = this.lines[at]! === 0 ? undefined : this.lines[at]!;
    const firstPath: PathSegment[] =
      member === NO_MEMBER ? [record, 'personId'] : [record, 'members', member, 'personId'];
    const where = `record ${record}${member === NO_MEMBER ? '' : ` (member ${member})`}${firstLine === undefined ? '' : ` on line ${firstLine}`}`;
    return {
      code: 'duplicate_person',
      path: [...path],
      message: `this person is already in ${where}: a person may be in one application only`,
      ...(line === undefined ? {} : { line }),
      relatedPath: firstPath,
      ...(firstLine === undefined ? {} : { relatedLine: firstLine }),
    };
  }

  /** Registers a person of record `record` (member index, or undefined for an individual). */
  add(id: string, record: number, member: number | undefined, line: number | undefined): void {
    if (this.count === this.records.length) this.grow();
    const at = this.count++;
    this.records[at] = record;
    this.members[at] = member ?? NO_MEMBER;
    this.lines[at] = line ?? 0;
    this.slot.set(id, at);
  }

  private grow(): void {
    const grown = (from: Uint32Array): Uint32Array => {
      const to = new Uint32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.records = grown(this.records);
    this.members = grown(this.members);
    this.lines = grown(this.lines);
  }
}
