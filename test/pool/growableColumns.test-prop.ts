// The builder's columns keep record indexes and lines only when they stop following the rows
// (bad records skipped, blank lines): what they report must be what was pushed, in both storages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowableColumns } from '../../src/pool/internal/GrowableColumns';

// runLength > 0: that many rows of consecutive records and lines, pushed at once (pushRun).
const rows = fc.array(
  fc.record({
    skipRecords: fc.nat(2),
    skipLines: fc.nat(2),
    weight: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    runLength: fc.oneof(fc.constant(0), fc.nat(6)),
  }),
  { maxLength: 300 },
);

describe('GrowableColumns', () => {
  for (const storage of ['heap', 'typed'] as const) {
    it(`gives back every row's key, weight, record and line (${storage})`, () => {
      fc.assert(
        fc.property(rows, fc.boolean(), fc.array(fc.nat(400)), (input, withLines, removed) => {
          const columns = new GrowableColumns(4, storage);
          const pushed: { key: number; weight: number; record: number; line: number }[] = [];
          let record = 0;
          let line = 1;
          input.forEach((row, i) => {
            record += row.skipRecords;
            line += row.skipRecords + row.skipLines;
            const code = 1_000_000_000_000 + i * 7919;
            if (row.runLength === 0) {
              columns.push(code, row.weight, i % 3, record, withLines ? line : 0);
              pushed.push({ key: code * 4 + (i % 3), weight: row.weight, record, line: withLines ? line : 0 });
              record++;
              line++;
              return;
            }
            const keys = Float64Array.from({ length: row.runLength }, (_, k) => (code + k) * 4 + ((i + k) % 3));
            const weights = Uint32Array.from({ length: row.runLength }, (_, k) => (row.weight + k) % 2 ** 32 || 1);
            columns.pushRun(keys, weights, row.runLength, record, withLines ? line : 0);
            for (let k = 0; k < row.runLength; k++)
              pushed.push({ key: keys[k]!, weight: weights[k]!, record: record + k, line: withLines ? line + k : 0 });
            record += row.runLength;
            line += row.runLength;
          });
          const gone = new Set(removed);
          columns.removeRecords([...gone].sort((a, b) => a - b));
          const kept = pushed.filter((row) => !gone.has(row.record));
          expect(columns.count).toBe(kept.length);
          kept.forEach((row, i) => {
            expect(columns.keyAt(i)).toBe(row.key);
            expect(columns.weights.at(i)).toBe(row.weight);
            expect(columns.recordAt(i)).toBe(row.record);
            expect(columns.lineAt(i)).toBe(row.line);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('crosses chunk boundaries (heap chunks hold 65,536 values)', () => {
    const columns = new GrowableColumns(undefined, 'heap');
    const n = 140_000;
    for (let i = 0; i < n; i++) columns.push(1_000_000_000_000 + i, (i % 7) + 1, 0, i + (i > 70_000 ? 1 : 0), i + 1);
    columns.removeRecords([5, 65_536, 131_073]);
    expect(columns.count).toBe(n - 3);
    for (const row of [0, 4, 5, 65_534, 65_535, 65_536, 70_000, 131_070, n - 4]) {
      const i = row + (row >= 5 ? 1 : 0) + (row >= 65_535 ? 1 : 0) + (row >= 131_070 ? 1 : 0);
      expect([columns.keyAt(row), columns.weights.at(row), columns.lineAt(row)]).toEqual([
        (1_000_000_000_000 + i) * 4,
        (i % 7) + 1,
        i + 1,
      ]);
    }
  });
});
