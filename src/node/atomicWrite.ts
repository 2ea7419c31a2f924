import { writeOutput } from './writeOutput';

/**
 * Writes a file whole or not at all. Kept for callers written before writeOutput: it is
 * writeOutput for an output named `--out` (symlinks written through, devices written directly,
 * `-` for stdout). New code calls writeOutput with its option's name, after checkFiles.
 */
export function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  return writeOutput(path, data, '--out');
}
