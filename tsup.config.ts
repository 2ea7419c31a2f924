import { defineConfig, type Options } from 'tsup';
import { buildVerifierPage } from './src/web/build/buildVerifierPage';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const options: Options[] = [
  {
    // The isomorphic library: no Node built-ins may be imported (platform "neutral" enforces it).
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    // The verifier page (src/web) as one HTML file next to dist/cli.js, after the clean.
    onSuccess: async () => {
      const page = await buildVerifierPage();
      const worker = Object.entries(page.worker)
        .sort((a, b) => b[1] - a[1])
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(', ');
      console.log(`verifier page: dist/yaohao-verifier.html ${kb(page.bytes)} (worker: ${worker})`);
    },
  },
  {
    // Node-only code (files, the command line), bundled with the library code it uses.
    // dist/node.js is internal (bench and end-to-end tests); the package exports only ".".
    entry: { cli: 'src/cli/main.ts', node: 'src/node/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
];
const config: ReturnType<typeof defineConfig> = defineConfig(options);
export default config;
