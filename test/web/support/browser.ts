import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export { launchOffline, systemChromium, type OfflineBrowser } from './chromium.mjs';

/** Writes the page with the built CLI (npm test builds first), as a person would: `yaohao verifier --out …`. */
export function writeVerifierPage(dir: string): string {
  const out = join(dir, 'yaohao-verifier.html');
  execFileSync(process.execPath, [
    join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js'),
    'verifier',
    '--out',
    out,
  ]);
  return out;
}
