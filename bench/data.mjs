// Writes the deterministic synthetic pool files the benchmarks read (once; they are reused).
// `node bench/data.mjs mixed <size>` writes a mixed file (run by bench/run.mjs in a process with a large heap).
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticBeijingRecords, syntheticMixedPool } from '../dist/index.js';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');

// Writes the lines to each file, the first `limit` lines of them (all: Infinity); files appear complete or not at all.
async function writeLines(files, lines) {
  const outputs = files.map(({ path, limit }) => ({ path, limit, out: createWriteStream(`${path}.tmp`), buffer: '' }));
  let count = 0;
  for (const line of lines) {
    count++;
    for (const output of outputs) {
      if (count > output.limit) continue;
      output.buffer += `${line}\n`;
      if (output.buffer.length > 1 << 20) {
        if (!output.out.write(output.buffer)) await new Promise((resolve) => output.out.once('drain', resolve));
        output.buffer = '';
      }
    }
  }
  for (const { path, out, buffer } of outputs) {
    out.write(buffer);
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
    renameSync(`${path}.tmp`, path);
  }
}

/** Writes records as JSON Lines, 1 MiB at a time (the file appears complete or not at all). */
export async function writeJsonLines(path, records) {
  await writeLines(
    [{ path, limit: Infinity }],
    (function* () {
      for (const record of records) yield JSON.stringify(record);
    })(),
  );
}

/** Path of a JSON Lines pool file with `size` synthetic Beijing-2019-like records; written if missing. */
export async function syntheticPoolFile(size) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `pool-${size}.jsonl`);
  if (existsSync(path)) return path;
  await writeJsonLines(path, syntheticBeijingRecords({ size }));
  return path;
}

/** Path of the mixed 2024-style file with `size` applications (written by writeMixedFiles). */
export function mixedFilePath(size) {
  return join(DATA_DIR, `mixed-${size}.jsonl`);
}

/**
 * A 2024-style ordinary pool of `big` applications from syntheticPeriodInput, 5 individuals to 1
 * family, interleaved, with codes renumbered in file order (4 random digits, then a running
 * number: applications arrive in order of submission), written as JSON Lines; `size` is the same
 * population's first `size` lines, so both files have the same mix. Needs a large heap
 * (the 6,000,000 records are built in memory once).
 */
export async function writeMixedFiles(size, big) {
  mkdirSync(DATA_DIR, { recursive: true });
  if (existsSync(mixedFilePath(size)) && existsSync(mixedFilePath(big))) return;
  const ordinary = syntheticMixedPool(big);
  const individuals = ordinary.filter((record) => record.kind !== 'family');
  const familyRecords = ordinary.filter((record) => record.kind === 'family');
  const families = familyRecords.length;
  await writeLines(
    [
      { path: mixedFilePath(big), limit: Infinity },
      { path: mixedFilePath(size), limit: size },
    ],
    (function* () {
      let next = 0;
      for (let k = 0; k < families; k++) {
        for (const record of [...individuals.slice(5 * k, 5 * k + 5), familyRecords[k]]) {
          const code = `${record.code.slice(0, 4)}${String(100_000_000 + next++)}`;
          yield JSON.stringify({ ...record, code });
        }
      }
      for (const record of individuals.slice(5 * families)) {
        const code = `${record.code.slice(0, 4)}${String(100_000_000 + next++)}`;
        yield JSON.stringify({ ...record, code });
      }
    })(),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'mixed') {
  await writeMixedFiles(Number(process.argv[3]), Number(process.argv[4]));
}
