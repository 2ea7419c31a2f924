import type { BrowserContext, Page } from 'playwright-core';

/** The system Chromium (`command -v chromium`), or undefined when it is not installed. */
export function systemChromium(): string | undefined;

/** Launch flags: headless, no sandbox, nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[];

/** One browser, and what the pages it opened asked for or reported. */
export interface OfflineBrowser {
  readonly context: BrowserContext;
  /** URLs of requests that were neither file: nor blob: (each was aborted). */
  readonly blocked: string[];
  /** Console errors and uncaught page errors (CSP reports are console errors). */
  readonly errors: string[];
  /** Opens a file in a new tab; `hash` (e.g. "#en") is added to its URL. */
  open(path: string, hash?: string): Promise<Page>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile and the network cut off. */
export function launchOffline(options?: { viewport?: { width: number; height: number } }): Promise<OfflineBrowser>;
