import type { App } from './Application';
import { sortKeys } from '../../pool/internal/sortKeys';
import { AppColumns } from './AppColumns';
import { CodeIndex } from './CodeIndex';
import { PersistentMap } from './PersistentMap';

/** Visits the applications of a store in ascending code order: runs of column rows, and the changed applications between them. */
export interface StoreVisitor {
  /** Rows [from, to) of `columns`, in code order (callers loop over them with direct column reads). */
  rows(columns: AppColumns, from: number, to: number): void;
  /** An application held as an object (changed since the columns were written). */
  app(app: App): void;
}

// The overlay is merged into new columns once it holds this many applications and at least a
// quarter as many as the columns, so the copying stays proportional to the changes (amortised O(1)
// per change) while a single change never copies the columns.
const MIN_COMPACTION = 4096;

/**
 * All applications of a registry, immutable: columns sorted by code (shared by every registry
 * derived from them) plus a persistent map of the applications changed or added since (the
 * overlay). A change is O(log n); a batch of changes goes through a StoreDraft (one copy).
 */
export class ApplicationStore {
  private static readonly EMPTY = new ApplicationStore(new AppColumns(0), PersistentMap.empty<App>(), 0);

  private constructor(
    /** Applications in ascending code order; never written again. */
    readonly base: AppColumns,
    /** Applications changed or added since `base`, by code value. */
    readonly overlay: PersistentMap<App>,
    /** Number of applications. */
    readonly size: number,
  ) {}

  /** The store with no applications. */
  static empty(): ApplicationStore {
    return ApplicationStore.EMPTY;
  }

  /** A store over sorted, frozen columns. */
  static of(base: AppColumns): ApplicationStore {
    return new ApplicationStore(base, PersistentMap.empty<App>(), base.length);
  }

  /** The application with code value `code`, or undefined. */
  get(code: number): App | undefined {
    const changed = this.overlay.get(code);
    if (changed !== undefined) return changed;
    const row = this.base.search(code, this.base.length);
    return row < 0 ? undefined : this.base.read(row);
  }

  /** A store with these applications written (by code); this one is unchanged. */
  with(changes: Iterable<App>): ApplicationStore {
    let overlay = this.overlay;
    let size = this.size;
    for (const app of changes) {
      const grows = overlay.get(app.code) === undefined && this.base.search(app.code, this.base.length) < 0;
      overlay = overlay.set(app.code, app);
      if (grows) size++;
    }
    const store = new ApplicationStore(this.base, overlay, size);
    return overlay.size >= MIN_COMPACTION && overlay.size * 4 >= this.base.length ? store.draft().freeze() : store;
  }

  /**
   * A store with the applications of `run` added: columns in ascending code order whose codes
   * are not in this store (the caller checks). The columns, the run and the overlay are merged
   * into new columns in one pass, so the new store has no overlay (an overlay kept over new
   * columns would also keep the old ones' text segments alive: a person id read from the columns
   * is a slice of one).
   */
  withRun(run: AppColumns): ApplicationStore {
    if (run.length === 0) return this;
    const changed = this.overlayInOrder();
    const added = changed.filter((app) => this.base.search(app.code, this.base.length) < 0);
    let rows = run;
    if (added.length > 0) {
      const columns = new AppColumns(added.length);
      added.forEach((app, k) => columns.write(k, app));
      rows = AppColumns.merged(columns, run);
    }
    const merged = AppColumns.merged(this.base, rows);
    for (const app of changed)
      if (this.base.search(app.code, this.base.length) >= 0) merged.write(merged.search(app.code, merged.length), app);
    return ApplicationStore.of(merged);
  }

  private sortedOverlay: readonly App[] | undefined;

  /** Overlay applications in ascending code order (computed once: the store never changes). */
  overlayInOrder(): readonly App[] {
    this.sortedOverlay ??= this.overlay.values().sort((a, b) => a.code - b.code);
    return this.sortedOverlay;
  }

  /** Visits every application in ascending code order, column rows in runs (one call per run, not per row). */
  scan(visitor: StoreVisitor): void {
    const base = this.base;
    let i = 0;
    for (const app of this.overlayInOrder()) {
      const from = i;
      while (i < base.length && base.codes[i]! < app.code) i++;
      if (i > from) visitor.rows(base, from, i);
      if (i < base.length && base.codes[i] === app.code) i++; // replaced by the overlay's version
      visitor.app(app);
    }
    if (i < base.length) visitor.rows(base, i, base.length);
  }

  /** A mutable copy for a batch of changes. */
  draft(): StoreDraft {
    return new StoreDraft(this);
  }
}

/**
 * A mutable working copy of a store: the columns copied once, rows written in place, new
 * applications appended and found through an index until `freeze` sorts them in. Used for batches
 * (replaying a log, a period's arrivals, a yearly cleanup): one copy instead of one per event.
 */
export class StoreDraft {
  private readonly columns: AppColumns;
  /** Rows [0, sorted) are in ascending code order (the store's base). */
  private readonly sorted: number;
  /** Rows of the applications appended after the sorted ones, by code. */
  private appended = new CodeIndex();
  // Events mostly read an application and then write it: the last row found is remembered.
  private lastCode = -1;
  private lastRow = -1;

  constructor(store: ApplicationStore) {
    this.columns = store.base.copy(Math.max(1024, store.overlay.size));
    this.sorted = store.base.length;
    for (const app of store.overlay.values()) this.set(app);
  }

  /** Number of applications. */
  get size(): number {
    return this.columns.length;
  }

  /** The row of `code`, or −1. */
  rowOf(code: number): number {
    if (code === this.lastCode) return this.lastRow;
    const sortedRow = this.columns.search(code, this.sorted);
    const row = sortedRow >= 0 ? sortedRow : this.appended.get(code);
    this.lastCode = code;
    this.lastRow = row;
    return row;
  }

  /** The application with code value `code`, or undefined. */
  get(code: number): App | undefined {
    const row = this.rowOf(code);
    return row < 0 ? undefined : this.columns.read(row);
  }

  /** Writes an application (replacing the one with its code, or adding it). */
  set(app: App): void {
    const row = this.rowOf(app.code);
    if (row >= 0) this.columns.write(row, app);
    else {
      this.appended.set(app.code, this.columns.length);
      this.lastRow = this.columns.length;
      this.columns.write(this.columns.length, app);
    }
  }

  /** The columns, to scan or update in bulk (rows are not in code order until frozen). */
  get rows(): AppColumns {
    return this.columns;
  }

  /** The finished store; the draft must not be used afterwards. */
  freeze(): ApplicationStore {
    const columns = this.columns;
    const count = columns.length - this.sorted;
    if (count === 0) return ApplicationStore.of(columns);
    this.appended = new CodeIndex(); // not needed any more: let it go before the columns move
    // The appended rows sorted by code, each with its row number riding along, merged with the
    // sorted rows into the final order; then the columns move into it one at a time.
    const rows = new Uint32Array(count);
    for (let k = 0; k < count; k++) rows[k] = this.sorted + k;
    const added = sortKeys(columns.codes.subarray(this.sorted, columns.length), rows, count);
    const order = new Uint32Array(columns.length);
    let n = 0;
    let i = 0;
    for (let k = 0; k < count; k++) {
      const code = added.keys[k]!;
      while (i < this.sorted && columns.codes[i]! < code) order[n++] = i++;
      order[n++] = added.weights[k]!;
    }
    while (i < this.sorted) order[n++] = i++;
    columns.permute(order);
    return ApplicationStore.of(columns);
  }
}
