import { YaohaoError } from '../errors/YaohaoError';

// What the system's error codes mean to someone reading the message.
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
  EXDEV: 'the temporary file is on another file system',
};

/**
 * The bad-input error for a file that cannot be read or written (missing, a directory, no
 * permission, a full disk): a YaohaoError on `option` naming the file, so the CLI exits 2 with a
 * message instead of a stack trace.
 */
export function fileError(error: unknown, path: string, option: string, action: 'read' | 'write'): YaohaoError {
  if (error instanceof YaohaoError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? String((error as Error | undefined)?.message ?? error) : (REASONS[code] ?? code);
  return new YaohaoError([
    {
      code: 'invalid_value',
      path: [option],
      file: path === '-' ? (action === 'read' ? 'stdin' : 'stdout') : path,
      message: `cannot ${action} it: ${reason}${code !== undefined && REASONS[code] !== undefined ? ` (${code})` : ''}`,
    },
  ]);
}
