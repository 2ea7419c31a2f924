import type { SafeResult } from './SafeResult';
import { isYaohaoError } from './YaohaoError';

/** Runs a throwing entry point and turns its YaohaoError into a SafeResult; other errors propagate. */
export function safely<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, value: run() };
  } catch (error) {
    if (isYaohaoError(error)) return { success: false, issues: error.issues, omittedIssues: error.omittedIssues };
    throw error;
  }
}

/** safely() for an async entry point. */
export async function safelyAsync<T>(run: () => Promise<T>): Promise<SafeResult<T>> {
  try {
    return { success: true, value: await run() };
  } catch (error) {
    if (isYaohaoError(error)) return { success: false, issues: error.issues, omittedIssues: error.omittedIssues };
    throw error;
  }
}
