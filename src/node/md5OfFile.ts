import { Worker } from 'node:worker_threads';
import { unreadable } from './readInput';

// Hashing runs on another thread (its own reads of the file) while the main thread parses it:
// node:crypto's MD5 is as slow as the whole parse, and the two need not wait for each other.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
try {
  const hash = createHash('md5');
  const fd = openSync(workerData, 'r');
  const buffer = Buffer.allocUnsafe(4 << 20);
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  closeSync(fd);
  parentPort.postMessage({ md5: hash.digest('hex') });
} catch (error) {
  parentPort.postMessage({ error: error.code ?? String(error) });
}`;

/** The MD5 of a file, computed on a worker thread. */
export function md5OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: path });
    worker.once('message', (message: { md5?: string; error?: string }) => {
      if (message.md5 !== undefined) resolve(message.md5);
      else reject(unreadable(path, { code: message.error }));
      void worker.terminate();
    });
    worker.once('error', (error) => reject(unreadable(path, error)));
  });
}
