import { inFile, isYaohaoError } from '../errors/YaohaoError';

/** How messages name a file argument: `stdin` for `-`. */
export function fileLabel(path: string): string {
  return path === '-' ? 'stdin' : path;
}

/**
 * Runs `work`; a YaohaoError it throws has its issues placed in `file` (inFile), so a message names
 * the file the problem is in (issue 8 §5). With `field`, only issues under that field are
 * (`record`: the record's own fields) — a bad code typed on the command line is not the record
 * file's fault.
 */
export function blamingFile<T>(file: string, work: () => T, field?: string): T {
  try {
    return work();
  } catch (error) {
    throw isYaohaoError(error) ? inFile(error, fileLabel(file), field) : error;
  }
}
