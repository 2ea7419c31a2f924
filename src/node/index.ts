// Node-only helpers, bundled as dist/node.js for the CLI, the benchmarks and end-to-end tests,
// together with the whole public API so that one bundle serves them. Not part of the package's
// exports: the library itself ("." → dist/index.js) stays isomorphic.
export * from '../index';
export { readPoolFile, type ReadPoolFileOptions, type PoolFile } from './readPoolFile';
export { readOfficialZipFile, writeOfficialZipFile } from './officialZipFile';
export { openPoolInput, type PoolInput } from './poolInput';
