// A large pool built from records in memory keeps its columns in plain arrays (on the JS heap), one
// read from bytes in typed arrays: everything computed from a pool must be the same for both.
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  drawLottery,
  JsonLinesPoolParser,
  poolComposition,
  presets,
  serializeRecord,
  simulateDraws,
  verifyRecord,
  writeOfficialZip,
  type Pool,
} from '../../src/index';
import { poolColumns } from '../../src/pool/Pool';
import { PoolBuilder } from '../../src/pool/PoolBuilder';
import { syntheticMixedPool } from '../../src/synthetic/syntheticPeriodInput';

function fromBytes(records: readonly unknown[], policy: typeof presets.beijing2024): Pool {
  const parser = new JsonLinesPoolParser({ policy });
  parser.push(new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n')));
  return parser.finish();
}

const concat = (chunks: Iterable<Uint8Array>): number[] => [...chunks].flatMap((chunk) => [...chunk]);

describe('pool columns on the heap and in typed arrays', () => {
  it('give the same commitment, draw, record check, composition, simulation and official zip', () => {
    const records = syntheticMixedPool(3_600, 'columns');
    const policy = presets.beijing2024;
    // Pools of more than 3,000,000 records do so by default; this one at any size.
    const builder = new PoolBuilder({ policy, heapColumnsAbove: 0 });
    for (const record of records) builder.add(record);
    const heap = builder.finish();
    expect(Array.isArray(poolColumns(createPool(records as never, { policy })).keys)).toBe(false);
    const typed = fromBytes(records, policy);
    expect(Array.isArray(poolColumns(heap).keys)).toBe(true);
    expect(Array.isArray(poolColumns(heap).weights)).toBe(true);
    expect(poolColumns(typed).keys).toBeInstanceOf(Float64Array);
    expect(commitPool(heap)).toEqual(commitPool(typed));
    const options = {
      quota: 250,
      seed: 'columns-seed',
      generator: 'default',
      label: 'ordinary/family+individual',
    } as const;
    const drawn = drawLottery(heap, options);
    expect(serializeRecord(drawn.record)).toBe(serializeRecord(drawLottery(typed, options).record));
    expect(verifyRecord(drawn.record, typed).ok).toBe(true);
    expect(poolComposition(heap)).toEqual(poolComposition(typed));
    const simulation = { runs: 20, seed: 'sim' };
    expect(simulateDraws(heap, 250, simulation)).toEqual(simulateDraws(typed, 250, simulation));
    const zip = { period: '202406', quota: 250 };
    expect(concat(writeOfficialZip(heap, zip))).toEqual(concat(writeOfficialZip(typed, zip)));
    for (let index = 0; index < heap.size; index += 97) {
      const { code } = heap.at(index);
      expect([heap.weightOf(code), heap.kindOf(code), heap.firstEntryOf(code), heap.indexOf(code)]).toEqual([
        typed.weightOf(code),
        typed.kindOf(code),
        typed.firstEntryOf(code),
        typed.indexOf(code),
      ]);
      expect(heap.codeAt(index + 1)).toBe(typed.codeAt(index + 1));
    }
  });
});
