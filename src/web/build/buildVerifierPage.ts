// Builds the verifier page (src/web, docs/spec.md §18) into one self-contained HTML file:
// dist/yaohao-verifier.html, which `yaohao verifier` copies out. Run by tsup after the library
// build (npm run build). The worker is bundled first and inlined into the page script as a string
// (started from a blob: URL); script and style are inlined and allowed by their SHA-256 in the
// page's Content-Security-Policy, which forbids everything else — every network request included.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform, type BuildOptions, type Metafile } from 'esbuild';
import { ENGINE } from '../../version';

// From import.meta.url (tsup bundles its config, and keeps the url of each file it bundles).
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WEB = join(ROOT, 'src', 'web');

/** Where the page is written; the CLI reads it from next to dist/cli.js. */
export const VERIFIER_PAGE: string = join(ROOT, 'dist', 'yaohao-verifier.html');

/** The page's Content-Security-Policy, given the SHA-256 (base64) of its one script and one style. */
export function verifierPolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const common: BuildOptions = {
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8', // Chinese labels as UTF-8, not \u escapes
  legalComments: 'none',
};

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** Bytes in the output, by package (yaohao's own source is "yaohao"). */
function bytesByPackage(metafile: Metafile): Record<string, number> {
  const out: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = match?.[1] ?? 'yaohao';
      out[name] = (out[name] ?? 0) + input.bytesInOutput;
    }
  return out;
}

/** What the build made: the page's size and what its scripts hold. */
export interface VerifierPageBuild {
  /** Bytes of the HTML file. */
  readonly bytes: number;
  /** Bytes of the worker script, by package (yaohao's own source is "yaohao"). */
  readonly worker: Record<string, number>;
  /** Bytes of the page script without the worker it carries. */
  readonly pageScript: number;
  /** Bytes of the style. */
  readonly style: number;
}

/** Builds dist/yaohao-verifier.html. */
export async function buildVerifierPage(): Promise<VerifierPageBuild> {
  const worker = await build({ ...common, entryPoints: [join(WEB, 'worker.ts')], format: 'iife' });
  const workerSource = worker.outputFiles![0]!.text;
  const page = await build({
    ...common,
    entryPoints: [join(WEB, 'page.ts')],
    format: 'iife',
    define: { WORKER_SOURCE: JSON.stringify(workerSource) },
  });
  const script = page.outputFiles![0]!.text.trim();
  const style = (
    await transform(readFileSync(join(WEB, 'page.css'), 'utf8'), { loader: 'css', minify: true })
  ).code.trim();
  if (/<\/(script|style)/i.test(script + style))
    throw new Error('an inlined script or style would end its element early');
  // The style and script fill their elements exactly: the placeholders are comments, so a formatter
  // leaves them alone, and the white space around them goes (the browser hashes every byte).
  const html = readFileSync(join(WEB, 'page.html'), 'utf8').replace(
    /\s*(?:\/\*)?\{\{(CSP|ENGINE|STYLE|SCRIPT)\}\}(?:\*\/)?\s*/g,
    (_, name: string) =>
      ({ CSP: verifierPolicy(sha256(script), sha256(style)), ENGINE, STYLE: style, SCRIPT: script })[name]!,
  );
  writeFileSync(VERIFIER_PAGE, html);
  return {
    bytes: Buffer.byteLength(html),
    worker: bytesByPackage(worker.metafile!),
    pageScript: Buffer.byteLength(script) - Buffer.byteLength(workerSource),
    style: Buffer.byteLength(style),
  };
}
