import { defineConfig, type Options } from 'tsup';

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
