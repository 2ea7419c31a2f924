import { readFile } from 'node:fs/promises';
import { inFile, YaohaoError } from '../errors/YaohaoError';
import { fileError } from './fileErrors';

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

/** All of stdin (the input named `-`). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A whole text file (UTF-8; `-` is stdin), or a YaohaoError naming it and `option`. For small
 * inputs: records, sheets, policies.
 */
export async function readTextFile(path: string, option = 'file'): Promise<string> {
  try {
    return path === '-' ? (await readStdin()).toString('utf8') : await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, path, option, 'read');
  }
}

/** A JSON file (`-` is stdin), or a YaohaoError naming the file, the line and what is wrong with it. */
export async function readJsonFile(path: string, option = 'file'): Promise<unknown> {
  const text = await readTextFile(path, option);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 says where: "… at position 12" (or "line 2 column 5"); the line is what a person looks for.
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw inFile(
      new YaohaoError([
        {
          code: 'invalid_syntax',
          path: [],
          message: `not valid JSON (${message})`,
          ...(line === undefined ? {} : { line }),
        },
      ]),
      path === '-' ? 'stdin' : path,
    );
  }
}
