/** Reports long work on stderr. */
export interface Progress {
  /** Called often; prints at most every 200 ms. */
  update(done: number, total: number, unit: string): void;
  /** Clears the progress line. */
  done(): void;
}

/**
 * One self-overwriting line on stderr — only when stderr is a terminal, so logs and pipes stay clean.
 * Hand-written: it is a dozen lines, and the progress libraries bring a dependency tree for the same.
 */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total, unit) {
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      const percent = total > 0 ? ` ${Math.floor((done * 100) / total)}%` : '';
      stream.write(
        `\r${label}${percent} (${done.toLocaleString('en-US')} ${unit}, ${((now - started) / 1000).toFixed(1)} s)\u001b[K`,
      );
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
