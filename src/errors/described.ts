import * as z from 'zod/mini';

/**
 * `schema` with a description (and any other `meta`) for its JSON Schema, as zod classic's
 * `.describe()` made it: a copy registered in zod's global registry. zod/mini's `z.describe()` is a
 * check instead, an empty one that every parse then runs (a family record has ~30 of them).
 */
export function described<S extends z.ZodMiniType>(schema: S, description: string, meta: z.core.GlobalMeta = {}): S {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { ...meta, description });
  return copy;
}
