import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a file all at once or not at all: to a temporary file next to it, then renamed over the
 * target (atomic on the same file system). An interrupted or failed run never leaves a half file.
 */
export async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
