// Imported first by the worker: zod compiles object checks with `new Function` unless told not to,
// and the page's Content-Security-Policy forbids eval. Set before any schema is built (zod reads
// it when a schema is created), so the browser never even reports a refused eval. Exported and
// checked by the worker: a module imported only for its effect would be dropped ("sideEffects": false).
import { config } from 'zod/v4/core';

/** True once zod is set to build no code at run time. */
export const JITLESS: boolean = config({ jitless: true }).jitless === true;
