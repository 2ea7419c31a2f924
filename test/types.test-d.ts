import { describe, expectTypeOf, it } from 'vitest';
import {
  createPool,
  drawLottery,
  presets,
  safeCreatePool,
  verifyRecord,
  type AuditRecord,
  type Issue,
  type Pool,
  type SafeResult,
  type VerifyResult,
  type Winner,
} from '../src/index';

describe('public types', () => {
  it('createPool returns a Pool; safeCreatePool a SafeResult', () => {
    expectTypeOf(createPool).returns.toEqualTypeOf<Pool>();
    expectTypeOf(safeCreatePool).returns.toEqualTypeOf<SafeResult<Pool>>();
  });
  it('draw results are readonly data', () => {
    const pool = createPool([], { policy: presets.beijing2016 });
    const { winners, record } = drawLottery(pool, { quota: 1, seed: '1', generator: 'legacy' });
    expectTypeOf(winners).toEqualTypeOf<readonly Winner[]>();
    expectTypeOf(record).toEqualTypeOf<AuditRecord>();
    expectTypeOf(record.generator).toEqualTypeOf<'legacy' | 'default'>();
    // @ts-expect-error records are immutable
    record.quota = 2;
  });
  it('the generator must be named', () => {
    const pool = createPool([], { policy: presets.beijing2016 });
    // @ts-expect-error generator is required
    drawLottery(pool, { quota: 1, seed: '1' });
    // @ts-expect-error unknown generator
    drawLottery(pool, { quota: 1, seed: '1', generator: 'mt19937' });
  });
  it('verifyRecord discriminates on ok', () => {
    const verdict = verifyRecord({}, createPool([], { policy: presets.beijing2016 }));
    expectTypeOf(verdict).toEqualTypeOf<VerifyResult>();
    if (!verdict.ok) expectTypeOf(verdict.reason).toBeString();
  });
  it('issues carry a code and a path', () => {
    expectTypeOf<Issue['path']>().toEqualTypeOf<readonly (string | number)[]>();
  });
});
