// The messages between the page (main thread) and its worker. Files travel as File objects (the
// worker reads them by slices); answers are plain data. Every request carries an id; the page
// drops answers to requests it has since replaced.

import type { DrawLookup } from '../index';

/** The presets a CSV or JSON Lines pool can be weighed by. */
export type PolicyName =
  | 'explicit'
  | 'beijing2011'
  | 'beijing2014'
  | 'beijing2016'
  | 'beijing2021'
  | 'beijing2022'
  | 'beijing2023'
  | 'beijing2024';

/** What the page asks the worker. */
export type Request =
  | { readonly kind: 'pool'; readonly id: number; readonly file: File; readonly policy: PolicyName }
  | { readonly kind: 'record'; readonly id: number; readonly file: File }
  | { readonly kind: 'sheet'; readonly id: number; readonly file: File }
  | { readonly kind: 'lookup'; readonly id: number; readonly code: string };

/** Problems with an input, as the library words them (formatted issues). */
export interface Problems {
  /** One line per issue, with its file and line. */
  readonly lines: readonly string[];
  /** Issues found beyond those kept. */
  readonly omitted: number;
  /** The records carry a draw history, not weights: the reader should choose a policy. */
  readonly needsPolicy?: boolean;
}

/** A pool file read and committed. */
export interface PoolSummary {
  readonly file: string;
  readonly format: 'zip' | 'csv' | 'jsonl';
  /** The policy that weighed it (CSV, JSON Lines), or the zip's own weights. */
  readonly policy: string;
  readonly md5: string;
  readonly codes: number;
  readonly entries: number;
  readonly digest: string;
  readonly bytes: number;
  readonly milliseconds: number;
  /** Official zip only. */
  readonly header?: {
    readonly periodType: string;
    readonly period: string;
    readonly title: string;
    readonly quota: number;
  };
  /** Official zip only: files neither header nor part. */
  readonly otherFiles: readonly string[];
}

/** A winner row as shown. */
export interface ShownWinner {
  readonly code: string;
  readonly entry: number;
}

/** A failed check, as the library reports it. */
export interface Difference {
  /** The library's reason code, e.g. winner-mismatch. */
  readonly reason: string;
  /** The library's sentence. */
  readonly message: string;
  /** 0-based position (winner or row), when there is one. */
  readonly position?: number;
  /** Issue lines, for malformed inputs. */
  readonly issues?: readonly string[];
}

/** A replay of a record or a sheet against the pool. */
export type ReplayVerdict =
  | {
      readonly ok: true;
      readonly winners: readonly ShownWinner[];
      readonly generator: string;
      readonly seed: string;
      readonly quota: number;
      readonly recordDigest: string;
    }
  | ({ readonly ok: false } & Difference);

/** A sheet read and checked against its own seed. */
export interface SheetSummary {
  readonly file: string;
  readonly title?: string;
  readonly description?: string;
  readonly totalEntries: number;
  readonly quota: number;
  readonly seed: string;
  readonly rows: number;
  readonly verdict:
    | {
        readonly ok: true;
        readonly mode: 'entries' | 'codes' | 'all';
        readonly picks: number;
        readonly rejectedPicks: number;
        readonly unverifiedSkips: number;
      }
    | ({ readonly ok: false } & Difference);
}

/** A record read (before or without its pool). */
export interface RecordSummary {
  readonly file: string;
  readonly winners: number;
  readonly seed: string;
  readonly quota: number;
  readonly generator: string;
  readonly poolDigest: string;
}

/** What the worker answers. */
export type Reply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly id: number; readonly read: number; readonly total: number }
  | { readonly kind: 'pool'; readonly id: number; readonly pool: PoolSummary }
  | { readonly kind: 'record'; readonly id: number; readonly record: RecordSummary }
  | { readonly kind: 'sheet'; readonly id: number; readonly sheet: SheetSummary }
  | {
      readonly kind: 'replay';
      readonly id: number;
      readonly source: 'record' | 'sheet';
      readonly verdict: ReplayVerdict;
    }
  | { readonly kind: 'lookup'; readonly id: number; readonly result: DrawLookup | { readonly status: 'no-draw' } }
  | {
      readonly kind: 'failed';
      readonly id: number;
      readonly task: Request['kind'];
      readonly problems: Problems;
    };
