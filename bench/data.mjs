// Writes the deterministic synthetic pool files the benchmarks read (once; they are reused).
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticBeijingRecords, syntheticPeriodInput } from '../dist/index.js';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');

/** Writes records as JSON Lines, 1 MiB at a time, waiting for the stream to drain. */
export async function writeJsonLines(path, records) {
  const out = createWriteStream(path);
  let buffer = '';
  for (const record of records) {
    buffer += `${JSON.stringify(record)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

/** Path of a JSON Lines pool file with `size` synthetic Beijing-2019-like records; written if missing. */
export async function syntheticPoolFile(size) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `pool-${size}.jsonl`);
  if (existsSync(path)) return path;
  const temporary = `${path}.tmp`;
  await writeJsonLines(temporary, syntheticBeijingRecords({ size }));
  renameSync(temporary, path);
  return path;
}

/** The records of a synthetic 2024-style mixed ordinary pool: `individuals` and `families` (points by beijing2024). */
export function mixedOrdinaryRecords(individuals, families) {
  return syntheticPeriodInput({
    year: 2024,
    nevUnits: 0,
    nevOperators: 0,
    nevFamilies: 0,
    nevIndividuals: 0,
    ordinaryUnits: 0,
    ordinaryIndividuals: individuals,
    ordinaryFamilies: families,
  }).ordinary;
}
