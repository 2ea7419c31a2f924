// Debian's Chromium driven by playwright-core (never a downloaded browser), offline: every request
// that is not the page's own file (file:) or its worker (blob:) is aborted and recorded, and every
// console error (Content-Security-Policy reports are console errors) and page error is kept, so a
// caller can assert there were none. Used by the browser tests, the page bench and the screenshots.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The system Chromium (`command -v chromium`), or undefined when it is not installed. */
export function systemChromium() {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

/** Launch flags: headless, no sandbox (containers, CI as root), nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium with a fresh profile and the network cut off. */
export async function launchOffline({ viewport = { width: 1100, height: 900 } } = {}) {
  const executablePath = systemChromium();
  if (executablePath === undefined) throw new Error('Chromium is not installed: apt-get install -y chromium');
  const profile = mkdtempSync(join(tmpdir(), 'yaohao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
    viewport,
  });
  const blocked = [];
  const errors = [];
  const local = (url) => url.startsWith('file:') || url.startsWith('blob:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    if (!local(request.url()) && !blocked.includes(request.url())) blocked.push(request.url());
  });
  return {
    context,
    blocked,
    errors,
    async open(path, hash = '') {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(path).href + hash);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
