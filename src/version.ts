/** The engine version written into records (kept equal to package.json by a test). */
export const ENGINE_VERSION = '0.1.0';

/** Engine name and version as written into audit records. */
export const ENGINE: string = `yaohao ${ENGINE_VERSION}`;
