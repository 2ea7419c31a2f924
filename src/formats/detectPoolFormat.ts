import { argumentError, requireString } from '../errors/arguments';
/** The pool file formats yaohao reads. */
export type PoolFormat = 'jsonl' | 'csv' | 'zip';

/**
 * The format of a pool file: by its name's extension (.jsonl, .ndjson, .json → JSON Lines; .csv;
 * .zip → the official zip) when it has one of these, else by its first bytes (docs/spec.md §14):
 * `PK\x03\x04` (or an empty zip's `PK\x05\x06`) → zip; a first non-blank character `{` → JSON
 * Lines; anything else → CSV. Undefined when neither the name nor any bytes say.
 */
export function detectPoolFormat(name: string | undefined, head?: Uint8Array): PoolFormat | undefined {
  if (name !== undefined) requireString(name, ['name']);
  if (head !== undefined && !(head instanceof Uint8Array)) throw argumentError(['head'], 'a Uint8Array', head);
  const extension = /\.([A-Za-z]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  if (extension === 'jsonl' || extension === 'ndjson' || extension === 'json') return 'jsonl';
  if (extension === 'csv') return 'csv';
  if (extension === 'zip') return 'zip';
  if (head === undefined || head.length === 0) return undefined;
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1) return 'zip';
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0d || head[at] === 0x0a)) at++;
  if (at === head.length) return undefined;
  return head[at] === 0x7b ? 'jsonl' : 'csv';
}
