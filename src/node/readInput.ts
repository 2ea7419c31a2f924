import { readFile } from 'node:fs/promises';
import { YaohaoError } from '../errors/YaohaoError';

/** The bad-input error for a file that cannot be opened or read (missing, a directory, no permission). */
export function unreadable(path: string, error: unknown): YaohaoError {
  return new YaohaoError([
    {
      code: 'invalid_value',
      path: [path],
      message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    },
  ]);
}

/** A whole text file (UTF-8), or a YaohaoError naming it. For small inputs: records, sheets, policies. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
}

/** A JSON file, or a YaohaoError naming the file and what is wrong with it. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new YaohaoError([
      { code: 'invalid_syntax', path: [path], message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
}
