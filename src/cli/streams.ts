/**
 * The command's two output streams, guarded: a reader that goes away (`yaohao … | head -c1`) ends
 * the command quietly with the conventional exit status 141 (128 + SIGPIPE), never a stack trace;
 * any other failure to write (stdout on a full disk, `> /dev/full`) is reported on stderr and ends
 * the command with exit 2. Every line the command prints goes through here.
 */

/** Exit status when the reader of stdout or stderr has gone (a closed pipe). */
export const EXIT_CLOSED_PIPE = 141;
/** Exit status when stdout cannot be written for another reason (bad output, like bad input). */
export const EXIT_OUTPUT_FAILED = 2;

let installed = false;

/** Listens for write errors on stdout and stderr (once per process). */
export function guardStreams(): void {
  if (installed) return;
  installed = true;
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT_CLOSED_PIPE);
      if (name === 'stdout') {
        try {
          process.stderr.write(`yaohao: cannot write to stdout: ${error.message}\n`);
        } catch {
          // stderr is gone too: the exit status is all that is left to say it.
        }
      }
      process.exit(EXIT_OUTPUT_FAILED);
    });
  }
}

/** Writes text to stdout. */
export function toStdout(text: string): void {
  process.stdout.write(text);
}

/** Writes text to stderr. */
export function toStderr(text: string): void {
  process.stderr.write(text);
}

/** Writes bytes to stdout and resolves once they are handed over (an output named `-`). */
export function writeToStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    // Errors end the process through guardStreams; the callback then never matters.
    process.stdout.write(data, () => resolve());
  });
}
