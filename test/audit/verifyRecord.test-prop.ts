import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuditRecordSchema,
  createPool,
  drawLottery,
  presets,
  recordDigest,
  serializeRecord,
  verifyRecord,
  type AuditRecord,
} from '../../src/index';
import { plainAuditRecord } from '../../src/audit/AuditRecord';
import { canonicalJson, type CanonicalJsonValue } from '../../src/encoding/canonicalJson';

const codeArb = fc.stringMatching(/^[0-9]{13}$/);
const recordsArb = fc.uniqueArray(fc.record({ code: codeArb, weight: fc.integer({ min: 1, max: 9 }) }), {
  selector: (r) => r.code,
  minLength: 3,
  maxLength: 60,
});
const drawArb = fc.oneof(
  fc.record({
    generator: fc.constant('legacy' as const),
    seed: fc.integer({ min: 0, max: 999_999 }).map(String),
    label: fc.constant(''),
  }),
  fc.record({
    generator: fc.constant('default' as const),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    label: fc.string({ maxLength: 8 }),
  }),
);

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

// Every single-field tamper an attacker (or a careless edit) could make.
const tampers: Record<string, (r: Mutable<AuditRecord>) => void> = {
  seed: (r) => (r.seed = r.generator === 'legacy' ? String((Number(r.seed) + 1) % 1_000_000) : `${r.seed}!`),
  quota: (r) => (r.quota += 1),
  quotaDown: (r) => (r.quota = Math.max(1, r.quota - 1)),
  generator: (r) => {
    r.generator = r.generator === 'legacy' ? 'default' : 'legacy';
    if (r.generator === 'legacy') r.seed = '1';
  },
  label: (r) => (r.label = `${r.label}x`),
  policy: (r) => (r.policy = 'beijing2014'),
  engine: (r) => (r.engine = 'yaohao 9.9.9'),
  poolDigest: (r) => (r.pool.digest = r.pool.digest.replace(/^./, (c) => (c === '0' ? '1' : '0'))),
  poolSize: (r) => (r.pool.size += 1),
  poolEntries: (r) => (r.pool.totalEntries += 1),
  picks: (r) => (r.picks += 1),
  allocation: (r) => (r.allocation = r.allocation === 'all' ? 'drawn' : 'all'),
  winnerCode: (r) => (r.winners[0]!.code = r.winners[0]!.code === '0000000000000' ? '0000000000001' : '0000000000000'),
  winnerEntry: (r) => (r.winners[0]!.entry += 1),
  winnerKind: (r) => (r.winners[0]!.kind = r.winners[0]!.kind === 'unit' ? 'family' : 'unit'),
  swapWinners: (r) => r.winners.reverse(),
  dropWinner: (r) => r.winners.pop(),
  extraWinner: (r) => r.winners.push({ code: '9999999999999', entry: 1, kind: 'individual' }),
  digest: (r) => (r.digest = r.digest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
};

describe('verifyRecord', () => {
  it('accepts every honest record', () => {
    fc.assert(
      fc.property(recordsArb, drawArb, fc.integer({ min: 1, max: 70 }), (records, draw, quota) => {
        const pool = createPool(records, { policy: presets.explicit });
        const { record } = drawLottery(pool, { ...draw, quota });
        expect(
          verifyRecord(
            JSON.parse(JSON.stringify(record)),
            createPool([...records].reverse(), { policy: presets.explicit }),
          ),
        ).toMatchObject({ ok: true });
      }),
    );
  });

  it.each(Object.keys(tampers))('rejects a tampered %s, even with a recomputed digest', (name) => {
    fc.assert(
      fc.property(
        recordsArb,
        drawArb,
        fc.integer({ min: 2, max: 70 }),
        fc.boolean(),
        (records, draw, quota, reseal) => {
          const pool = createPool(records, { policy: presets.explicit });
          const { record } = drawLottery(pool, { ...draw, quota: Math.min(quota, pool.size - 1) });
          const tampered = structuredClone(record) as Mutable<AuditRecord>;
          tampers[name]!(tampered);
          fc.pre(JSON.stringify(tampered) !== JSON.stringify(record));
          if (reseal && name !== 'digest') tampered.digest = recordDigest(tampered);
          // Fields that do not change the outcome can only be checked against the digest published at the draw.
          const informative =
            name === 'engine' || name === 'policy' || (name === 'label' && record.generator === 'legacy');
          const verdict = verifyRecord(tampered, pool, reseal && informative ? { publishedDigest: record.digest } : {});
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names the first differing winner, with expected and actual', () => {
    const pool = createPool(
      Array.from({ length: 30 }, (_, i) => ({ code: String(i + 1).padStart(13, '7'), weight: 1 + (i % 4) })),
      { policy: presets.explicit },
    );
    const { record } = drawLottery(pool, { quota: 5, seed: '654321', generator: 'legacy' });
    const tampered = structuredClone(record) as Mutable<AuditRecord>;
    [tampered.winners[2], tampered.winners[3]] = [tampered.winners[3]!, tampered.winners[2]!];
    const verdict = verifyRecord(tampered, pool);
    expect(verdict).toMatchObject({
      ok: false,
      reason: 'winner-mismatch',
      position: 2,
      expected: record.winners[2],
      actual: record.winners[3],
    });
    if (!verdict.ok) expect(verdict.message).toContain('seed "654321"');
  });

  it('says which check failed', () => {
    const pool = createPool(
      Array.from({ length: 30 }, (_, i) => ({ code: String(i + 1).padStart(13, '7'), weight: 2 })),
      { policy: presets.explicit },
    );
    const other = createPool(
      Array.from({ length: 30 }, (_, i) => ({ code: String(i + 1).padStart(13, '7'), weight: 3 })),
      { policy: presets.explicit },
    );
    const { record } = drawLottery(pool, { quota: 5, seed: 'x', generator: 'default' });
    expect(verifyRecord(record, other)).toMatchObject({ ok: false, reason: 'pool-mismatch' });
    expect(verifyRecord({ ...record, quota: 6 }, pool)).toMatchObject({
      ok: false,
      reason: 'missing-winner',
      position: 5,
    });
    expect(verifyRecord({ ...record, label: 'y' }, pool)).toMatchObject({
      ok: false,
      reason: 'winner-mismatch',
      position: 0,
    });
    expect(verifyRecord({ ...record, engine: 'other' }, pool)).toMatchObject({ ok: false, reason: 'digest-mismatch' });
    expect(verifyRecord({ ...record, format: 'yaohao-record/2' }, pool)).toMatchObject({
      ok: false,
      reason: 'malformed-record',
    });
    expect(verifyRecord({ ...record, generator: 'legacy' }, pool)).toMatchObject({
      ok: false,
      reason: 'replay-failed',
    });
    expect(verifyRecord('not a record', pool)).toMatchObject({ ok: false, reason: 'malformed-record' });
  });
});

describe('record fast paths', () => {
  const anyRecordArb = fc
    .tuple(recordsArb, drawArb, fc.integer({ min: 1, max: 70 }), fc.string(), fc.string())
    .map(([records, draw, quota, engine, policy]) => ({
      ...drawLottery(createPool(records, { policy: presets.explicit }), { ...draw, quota }).record,
      engine,
      policy,
    }));
  it('the direct canonical JSON equals the generic RFC 8785 serialiser', () => {
    fc.assert(
      fc.property(anyRecordArb, (record) => {
        expect(serializeRecord(record)).toBe(canonicalJson(record as unknown as CanonicalJsonValue));
      }),
      { numRuns: 50 },
    );
  });
  it('the structural check accepts only what the schema accepts', () => {
    fc.assert(
      fc.property(
        anyRecordArb,
        fc.constantFrom(...Object.keys(tampers)),
        fc.anything(),
        fc.boolean(),
        (record, field, junk, replace) => {
          const value = structuredClone(record) as Record<string, unknown>;
          if (replace) value[field === 'poolDigest' ? 'pool' : field.startsWith('winner') ? 'winners' : field] = junk;
          if (plainAuditRecord(value) !== undefined) expect(AuditRecordSchema.safeParse(value).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(plainAuditRecord({})).toBeUndefined();
  });
});
