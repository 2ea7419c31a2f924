import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consumeCanonicalPool } from '../../src/pool/canonicalPoolBytes';
import {
  commitPool,
  createPool,
  formatIssue,
  presets,
  safeCreatePool,
  writeCanonicalPool,
  YaohaoError,
  type Issue,
  type Policy,
} from '../../src/index';

const issuesOf = (records: unknown[], policy: Policy = presets.beijing2016): readonly Issue[] => {
  const result = safeCreatePool(records, { policy });
  if (result.success) throw new Error('expected failure');
  return result.issues;
};

describe('createPool', () => {
  const records = [
    { code: '9999100000005', draws: 6 },
    { code: '0001100000001', draws: 0 },
    { code: '5000100000003', draws: 12, c5: true },
  ];
  const pool = createPool(records, { policy: presets.beijing2016 });

  it('orders codes ascending and weighs them by the policy (N counts the current draw; C5 adds a step)', () => {
    expect([...pool.applications()]).toEqual([
      { code: '0001100000001', weight: 1, kind: 'individual' },
      { code: '5000100000003', weight: 4, kind: 'individual' },
      { code: '9999100000005', weight: 2, kind: 'individual' },
    ]);
    expect(pool.size).toBe(3);
    expect(pool.totalEntries).toBe(7);
    expect(pool.maxWeight).toBe(4);
    expect(pool.policyId).toBe('beijing2016');
  });

  it('lays entries out in the official passes', () => {
    const entries = Array.from({ length: pool.totalEntries }, (_, i) => pool.codeAt(i + 1).slice(0, 4));
    expect(entries).toEqual(['0001', '5000', '9999', '5000', '9999', '5000', '5000']);
  });

  it('answers membership questions', () => {
    expect(pool.weightOf('5000100000003')).toBe(4);
    expect(pool.weightOf('5000100000004')).toBeUndefined();
    expect(pool.kindOf('0001100000001')).toBe('individual');
    expect(pool.has('not a code')).toBe(false);
    expect(pool.firstEntryOf('9999100000005')).toBe(3);
    expect(pool.indexOf('0001100000001')).toBe(0);
  });

  it('refuses entry numbers outside 1..T with a typed error', () => {
    for (const entry of [0, 8, 1.5, -1]) {
      expect(() => pool.codeAt(entry)).toThrow(YaohaoError);
    }
    try {
      pool.codeAt(8);
    } catch (error) {
      expect((error as YaohaoError).issues[0]).toMatchObject({ code: 'entry_out_of_range', path: ['entry'] });
    }
  });

  it('does not depend on input order', () => {
    const reversed = createPool([...records].reverse(), { policy: presets.beijing2016 });
    expect(commitPool(reversed)).toEqual(commitPool(pool));
  });

  it('writes the canonical form the spec defines', () => {
    let text = '';
    writeCanonicalPool(pool, (chunk) => (text += Buffer.from(chunk).toString('ascii')));
    expect(text).toBe('yaohao-pool/1\n0001100000001 I 1\n5000100000003 I 4\n9999100000005 I 2\n');
  });

  it("writes the same bytes into one reused buffer as into fresh chunks (the commitment's path)", () => {
    const many = createPool(
      Array.from({ length: 300 }, (_, i) => ({
        code: String(7_000_000_000_000 - i * 7919).padStart(13, '0'),
        draws: i,
      })),
      { policy: presets.beijing2016 },
    );
    const fresh: Uint8Array[] = [];
    writeCanonicalPool(many, (chunk) => fresh.push(chunk), 64);
    const reused: Uint8Array[] = [];
    consumeCanonicalPool(many, (chunk) => reused.push(chunk.slice()), 64);
    expect(reused.length).toBeGreaterThan(50);
    const text = Buffer.concat(fresh).toString('ascii');
    expect(Buffer.concat(reused).toString('ascii')).toBe(text);
    expect(commitPool(many).digest).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('accepts any iterable and an empty pool', () => {
    function* generate(): Generator<unknown> {
      yield { code: '1234567890123', draws: 3 };
    }
    const beijing2016: Policy = presets.beijing2016; // any records for a policy known only as Policy
    expect(createPool(generate(), { policy: beijing2016 }).size).toBe(1);
    const empty = createPool([], { policy: presets.beijing2016 });
    expect(empty.size).toBe(0);
    expect(empty.totalEntries).toBe(0);
    expect(commitPool(empty).digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('weighs by each preset', () => {
    const weigh = (policy: Policy, draws: number): number =>
      createPool([{ code: '0000000000001', draws }], { policy }).weightOf('0000000000001')!;
    expect([0, 5, 6, 11, 12, 17].map((d) => weigh(presets.beijing2016, d))).toEqual([1, 1, 2, 2, 3, 3]);
    expect([23, 24, 35, 36, 47, 48].map((d) => weigh(presets.beijing2014, d))).toEqual([1, 2, 2, 3, 3, 4]);
    expect([0, 100].map((d) => weigh(presets.beijing2011, d))).toEqual([1, 1]);
    expect(createPool([{ code: '0000000000001' }], { policy: presets.beijing2011 }).totalEntries).toBe(1);
    expect(
      createPool([{ code: '0000000000001', weight: 7, kind: 'family' }], { policy: presets.explicit }).kindOf(
        '0000000000001',
      ),
    ).toBe('family');
  });
});

describe('createPool errors (each names the record and field, before anything is built)', () => {
  it('duplicate codes: the later record, pointing at the first', () => {
    const issues = issuesOf([
      { code: '1111111111111', draws: 1 },
      { code: '2222222222222', draws: 1 },
      { code: '1111111111111', draws: 2 },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'duplicate_code',
        path: [2, 'code'],
        relatedPath: [0],
        message: expect.stringContaining('1111111111111'),
      }),
    ]);
  });
  it('duplicates after a bad record still name the right record indexes', () => {
    const issues = issuesOf([
      { code: 'x', draws: 1 },
      { code: '1111111111111', draws: 1 },
      { code: '1111111111111', draws: 1 },
    ]);
    expect(issues.map((i) => [i.code, i.path, i.relatedPath])).toEqual([
      ['invalid_code', [0, 'code'], undefined],
      ['duplicate_code', [2, 'code'], [1]],
    ]);
  });
  it('malformed codes', () => {
    for (const code of ['12345', '12345678901234', '12345678901a3', ' 123456789012', '１２３４５６７８９０１２３']) {
      expect(issuesOf([{ code, draws: 0 }])[0]).toMatchObject({ code: 'invalid_code', path: [0, 'code'] });
    }
    expect(issuesOf([{ code: 1234567890123, draws: 0 }])[0]).toMatchObject({ code: 'invalid_type', path: [0, 'code'] });
  });
  it('negative, fractional or missing draw counts', () => {
    expect(issuesOf([{ code: '1234567890123', draws: -1 }])[0]).toMatchObject({
      code: 'invalid_value',
      path: [0, 'draws'],
    });
    expect(issuesOf([{ code: '1234567890123', draws: 1.5 }])[0]).toMatchObject({
      code: 'invalid_type',
      path: [0, 'draws'],
    });
    expect(issuesOf([{ code: '1234567890123', draws: '3' }])[0]).toMatchObject({
      code: 'invalid_type',
      path: [0, 'draws'],
    });
    expect(issuesOf([{ code: '1234567890123' }])[0]).toMatchObject({ code: 'missing_field', path: [0, 'draws'] });
  });

  it('says what it received in plain words: an object, an array, a function', () => {
    const received = (draws: unknown): Issue | undefined => issuesOf([{ code: '1234567890123', draws }])[0];
    expect(received({})).toMatchObject({
      message: 'draws: expected a number, received an object',
      received: 'an object',
    });
    expect(received([])).toMatchObject({ received: 'an array' });
    expect(received(() => 1)).toMatchObject({ received: 'a function' });
    // In one line of text the path names the field, and the message does not name it again.
    expect(formatIssue(received({})!)).toBe('[0].draws: expected a number, received an object');
    expect(formatIssue({ ...received({})!, line: 4 })).toBe('line 4: draws: expected a number, received an object');
  });
  it('fields the policy does not take, with a helpful word for weight vs draws', () => {
    expect(issuesOf([{ code: '1234567890123', draws: 1, weight: 3 }])[0]).toMatchObject({
      code: 'unknown_field',
      path: [0, 'weight'],
      message: expect.stringContaining('explicit'),
    });
    expect(issuesOf([{ code: '1234567890123', weight: 3, draws: 1 }], presets.explicit)[0]).toMatchObject({
      code: 'unknown_field',
      path: [0, 'draws'],
    });
    expect(issuesOf([{ code: '1234567890123', draws: 1, name: '张三' }])[0]).toMatchObject({
      code: 'unknown_field',
      path: [0, 'name'],
    });
  });
  it('explicit weights must be integers from 1', () => {
    expect(issuesOf([{ code: '1234567890123', weight: 0 }], presets.explicit)[0]).toMatchObject({
      code: 'invalid_value',
      path: [0, 'weight'],
    });
    expect(issuesOf([{ code: '1234567890123', weight: 2 ** 32 }], presets.explicit)[0]).toMatchObject({
      code: 'invalid_value',
      path: [0, 'weight'],
    });
    expect(issuesOf([{ code: '1234567890123' }], presets.explicit)[0]).toMatchObject({
      code: 'missing_field',
      path: [0, 'weight'],
    });
  });
  it('records that are not objects', () => {
    expect(issuesOf([null, 5, 'x', []]).map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', [0]],
      ['invalid_type', [1]],
      ['invalid_type', [2]],
      ['invalid_type', [3]],
    ]);
  });
  it('a bad policy', () => {
    const result = safeCreatePool([], {
      policy: { ...presets.beijing2016, weights: { rule: 'ladder', drawsAtFirstStep: 0, drawsPerStep: 6 } },
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues[0]).toMatchObject({
        code: 'invalid_policy',
        path: ['options', 'policy', 'weights', 'drawsAtFirstStep'],
      });
  });
  it('throws a YaohaoError whose message lists the problems', () => {
    expect(() => createPool([{ code: '1', draws: 0 }], { policy: presets.beijing2016 })).toThrow(
      /1 problem in the input:\n {2}\[0\]\.code: code "1" is not 13 decimal digits/,
    );
  });
  it('keeps at most 100 issues and counts the rest', () => {
    const result = safeCreatePool(
      Array.from({ length: 250 }, () => ({ code: 'bad', draws: 0 })),
      { policy: presets.beijing2016 },
    );
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toHaveLength(100);
      expect(result.omittedIssues).toBe(150);
    }
  });
  it('does not mutate its input', () => {
    const input = [{ code: '1234567890123', draws: 3 }];
    const copy = structuredClone(input);
    createPool(input, { policy: presets.beijing2016 });
    expect(input).toEqual(copy);
  });
});
