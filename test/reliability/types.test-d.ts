// createPool types its records by the policy when TypeScript knows the policy's rule (the presets),
// and takes anything for a policy read at run time.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createPool,
  presets,
  type CountedIndividualRecord,
  type ExplicitRecord,
  type FamilyRecord,
  type FlatIndividualRecord,
  type Individual2021Record,
  type Policy,
  type PoolRecordOf,
} from '../../src/index';

describe('records typed by policy', () => {
  it('knows the record of each preset', () => {
    expectTypeOf<PoolRecordOf<typeof presets.beijing2016>>().toEqualTypeOf<CountedIndividualRecord>();
    expectTypeOf<PoolRecordOf<typeof presets.beijing2011>>().toEqualTypeOf<FlatIndividualRecord>();
    expectTypeOf<PoolRecordOf<typeof presets.explicit>>().toEqualTypeOf<ExplicitRecord>();
    expectTypeOf<PoolRecordOf<typeof presets.beijing2024>>().toEqualTypeOf<FamilyRecord | Individual2021Record>();
    expectTypeOf<PoolRecordOf<Policy>>().toEqualTypeOf<unknown>();
  });

  it('refuses, at compile time, a record the preset does not take', () => {
    createPool([{ code: '1000000000001', draws: 3, c5: true }], { policy: presets.beijing2016 });
    createPool([{ code: '1000000000001', weight: 3, kind: 'unit' }], { policy: presets.explicit });
    // @ts-expect-error beijing2016 computes weights from draws: a weight is not a field of its records
    createPool([{ code: '1000000000001', weight: 3 }], { policy: presets.beijing2016 });
    // @ts-expect-error the explicit policy takes a weight, not a draw history
    createPool([{ code: '1000000000001', draws: 3 }], { policy: presets.explicit });
    // A policy known only as Policy (read from a file) takes anything: it is checked at run time.
    const policy: Policy = presets.beijing2016;
    createPool([{ anything: true }], { policy });
  });
});
