// The fast paths of 2021– pool building (records read into typed fields from objects or straight
// from JSON bytes, persons checked once at the end) against the general path (JSON.parse, the zod
// schemas, the family rules, persons checked record by record with a map): on random mixed
// records — valid or broken in every way the schemas and rules know — both give the same pool
// digest, or the same issues (codes, paths, messages, lines, order) and the same omitted count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitPool, JsonLinesPoolParser, presets, type Policy } from '../../src/index';
import { parse2021Line } from '../../src/family/internal/parse2021Line';
import { PoolBuilder } from '../../src/pool/PoolBuilder';
import { outcome, type Outcome } from '../support/poolOutcome';

const general = (records: readonly unknown[], policy: Policy): Outcome =>
  outcome(() => {
    const builder = new PoolBuilder({ policy, fastPath: false });
    for (const record of records) builder.add(record);
    return builder.finish();
  });

const fast = (records: readonly unknown[], policy: Policy): Outcome =>
  outcome(() => {
    const builder = new PoolBuilder({ policy });
    for (const record of records) builder.add(record);
    return builder.finish();
  });

// The general path of a JSON Lines file, as JsonLinesPoolParser defines it: the file's byte order
// mark skipped, every line decoded (bad UTF-8 refused, a mark there kept) and through JSON.parse
// (blank lines skipped, bad ones refused), then the schemas.
function generalLines(bytes: Uint8Array, policy: Policy): Outcome {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return outcome(() => {
    const builder = new PoolBuilder({ policy, fastPath: false });
    let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let line = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      line++;
      const lineBytes = bytes.subarray(start, end);
      start = end + 1;
      if (lineBytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d)) continue;
      let text: string;
      try {
        text = decoder.decode(lineBytes);
      } catch {
        builder.reject('invalid_syntax', 'not a valid JSON line (bytes that are not UTF-8)', line);
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof SyntaxError ? error.message : String(error);
        builder.reject('invalid_syntax', `not a valid JSON line (${reason})`, line);
        continue;
      }
      builder.add(record, line);
    }
    return builder.finish();
  });
}

function fastLines(bytes: Uint8Array, cuts: readonly number[], policy: Policy): Outcome {
  return outcome(() => {
    const parser = new JsonLinesPoolParser({ policy });
    let at = 0;
    for (const cut of [...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
      parser.push(bytes.subarray(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    return parser.finish();
  });
}

// Ids and codes: fresh ones (filled in by `numbered`), a few from small pools (so that persons
// and codes repeat), and now and then a wrong one.
const FRESH = '\u0000fresh';
const personId = (repeats: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant(FRESH) },
    { weight: repeats, arbitrary: fc.integer({ min: 0, max: 12 }).map((n) => `p${n}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'é-ü',
        '😀',
        '\uD800',
        'a"b',
        'a\\b',
        'tab\there',
        'x'.repeat(200),
        'y'.repeat(201),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(7, null, ['p1']) },
  );
const code = fc.oneof(
  { weight: 40, arbitrary: fc.constant(FRESH) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }).map((n) => String(9_000_000_000_000 + n)) },
  { weight: 1, arbitrary: fc.constantFrom('0000000000001', '123', '12345678901234', 'abcdefghijklm', 1234567890123) },
);
// Fills in fresh codes and person ids (unique, not in any order: codes are 4 varying digits and a running number).
function numbered(records: readonly unknown[]): unknown[] {
  let serial = 0;
  const fill = (value: unknown, key?: string): unknown => {
    if (value === FRESH) {
      serial++;
      return key === 'code' ? String(((serial * 7919) % 10_000) * 1e9 + serial).padStart(13, '0') : `person-${serial}`;
    }
    if (Array.isArray(value)) return value.map((v) => fill(v));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, k)]));
    return value;
  };
  return records.map((r) => fill(r));
}
const count = fc.oneof(
  { weight: 10, arbitrary: fc.nat(40) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -0, 2.5, '3', null, 2 ** 53, 1e15, 123456789012345) },
);
const timestamp = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2023-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2018-01-07T14:56:11.401+08:00',
      '2019-12-31T20:00:00Z',
      '2020-02-29T00:00:00-05:30',
      '2018-01-07T14:56:11.4Z',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2021-02-29T00:00:00Z',
      '2020-13-01T00:00:00Z',
      '2020-01-01 00:00:00Z',
      '2020-01-01T24:00:00Z',
      '2018-01-07T14:56:11.1234Z',
      '2018-01-07T14:56:11',
      '２018-01-07T06:56:11Z',
      5,
    ),
  },
);
// Any history fields, right or wrong.
const anyHistory = (repeats: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    {
      personId: personId(repeats),
      steps: count,
      drawsTo2020: count,
      drawsSince2021: count,
      c5: fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('yes', 1) }),
      queueYears: count,
      queueSince: timestamp,
      registeredAt: timestamp,
      nickname: fc.constant('unknown field'),
      undefinedValue: fc.constant(undefined),
    },
    { requiredKeys: [] },
  );
// Mostly plain histories (one lottery field, one queue field), so that most records are valid.
const plainHistory = (repeats: number): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.oneof(
        fc.constant({}),
        fc.record({ steps: fc.nat(20) }),
        fc.record({ drawsTo2020: fc.nat(70), drawsSince2021: fc.nat(9), c5: fc.boolean() }, { requiredKeys: [] }),
      ),
      fc.oneof(fc.constant({}), fc.record({ queueYears: fc.nat(8) }), fc.record({ queueSince: timestamp })),
      fc.option(timestamp, { nil: undefined }),
      personId(repeats),
    )
    .map(([lottery, queue, registeredAt, id]) => ({
      personId: id,
      ...lottery,
      ...queue,
      ...(registeredAt === undefined ? {} : { registeredAt }),
    }));
const history = (repeats: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof({ weight: 40, arbitrary: plainHistory(repeats) }, { weight: 1, arbitrary: anyHistory(repeats) });
// Families shaped like real ones (main, maybe a spouse, parents, children), sometimes broken.
const family = (repeats: number): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(
      {
        roles: fc.oneof(
          {
            weight: 20,
            arbitrary: fc.constantFrom(
              ['main', 'spouse'],
              ['main', 'child'],
              ['main', 'spouse', 'child', 'parent'],
              ['child', 'main', 'spouse', 'spouse-parent', 'parent', 'parent'],
              ['main', 'parent', 'child', 'child', 'child'],
            ),
          },
          {
            // Each breaks one family rule.
            weight: 3,
            arbitrary: fc.constantFrom(
              ['main'],
              ['spouse', 'child'],
              ['main', 'main', 'child'],
              ['main', 'spouse', 'spouse'],
              ['main', 'parent', 'parent', 'parent'],
              ['main', 'spouse', 'spouse-parent', 'spouse-parent', 'spouse-parent'],
              ['main', 'child', 'spouse-parent'],
            ),
          },
          {
            weight: 1,
            arbitrary: fc.array(fc.constantFrom('main', 'spouse', 'child', 'parent', 'spouse-parent', 'boss', 3), {
              maxLength: 7,
            }),
          },
        ),
        people: fc.array(history(repeats), { minLength: 7, maxLength: 7 }),
        code,
        familyYears: count,
        kind: fc.oneof({ weight: 30, arbitrary: fc.constant('family') }, { weight: 1, arbitrary: fc.constant('unit') }),
      },
      { requiredKeys: ['roles', 'people', 'code', 'kind'] },
    )
    .map(({ roles, people, ...rest }) => ({
      ...rest,
      members: (roles as readonly unknown[]).map((role, i) => ({ ...people[i], role })),
    }));
const individual = (repeats: number): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      history(repeats),
      code,
      fc.oneof(
        { weight: 30, arbitrary: fc.constant(undefined) },
        { weight: 10, arbitrary: fc.constant('individual') },
        { weight: 1, arbitrary: fc.constantFrom('family', 'x') },
      ),
    )
    .map(([h, c, kind]) => ({ ...(kind === undefined ? {} : { kind }), code: c, ...h }));
const oddRecord = fc.constantFrom(
  null,
  7,
  'text',
  [],
  {},
  { kind: 'family', code: '1000000000001' },
  { kind: 'family', code: '1000000000001', members: 'all' },
  { kind: 'family', code: '1000000000001', members: [null] },
  { kind: 'family', code: '1000000000001', personId: 'p1', members: [{ personId: 'p2', role: 'main' }] },
  { code: '1000000000001', personId: 'p3', role: 'main' },
  { code: '1000000000001', personId: 'p4', members: [] },
  { code: '1000000000001', personId: 'p5', steps: 0 },
  { code: '1000000000001', personId: 'p5', familyYears: 1 },
  {
    kind: 'family',
    code: '1000000000002',
    members: Array.from({ length: 20 }, (_, i) => ({ personId: `big-${i}`, role: i === 0 ? 'main' : 'child' })),
  },
);
const record = (repeats: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 30, arbitrary: individual(repeats) },
    { weight: 20, arbitrary: family(repeats) },
    { weight: 1, arbitrary: oddRecord },
  );
const records = (repeats: number, maxLength: number, minLength = 0): fc.Arbitrary<unknown[]> =>
  fc.array(record(repeats), { minLength, maxLength, size: 'max' }).map(numbered);

const twoGenerations: Policy = {
  ...presets.beijing2024,
  id: 'two-generations',
  family: { ...presets.beijing2024.family!, generationMultipliers: [1, 2], minMembers: 3 },
};
const policy = fc.constantFrom(presets.beijing2024, presets.beijing2021, twoGenerations);

// JSON text for a record with optional spaces between tokens, numbers spelled other ways (3.0, 3e0:
// the same values for JSON.parse, other bytes for the fast reader; 03: not JSON) and strings with an
// escape ("\u0070…": the same person as "p…", read by the general path and kept as a string).
function spelled(value: unknown, style: number): string {
  const space = style % 3 === 1 ? ' ' : style % 3 === 2 ? '\t\r ' : '';
  if (typeof value === 'string' && value.length > 0 && style % 13 === 12)
    return `"\\u${value.charCodeAt(0).toString(16).padStart(4, '0')}${JSON.stringify(value).slice(2)}`;
  if (typeof value === 'number' && Number.isInteger(value) && style % 5 === 4) return `${value}.0`;
  if (typeof value === 'number' && Number.isInteger(value) && style % 7 === 6) return `${value}e0`;
  if (typeof value === 'number' && Number.isInteger(value) && style % 11 === 10) return `0${value}`; // not JSON
  if (Array.isArray(value)) return `[${space}${value.map((v) => spelled(v, style)).join(`,${space}`)}${space}]`;
  if (typeof value === 'object' && value !== null)
    return `{${space}${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${spelled(v, style)}`)
      .join(`,${space}`)}${space}}`;
  return JSON.stringify(value);
}

const line = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.tuple(record(3), fc.nat(50)).map(([r, style]) => spelled(numbered([r])[0], style > 35 ? 0 : style)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '{"code":', 'not json', '{"code":"1000000000001"}{}', '\r') },
  {
    // A key twice (JSON.parse keeps the last value).
    weight: 2,
    arbitrary: fc
      .tuple(
        record(3),
        fc.constantFrom('"steps":2', '"personId":"p1"', '"code":"1000000000001"', '"kind":"family"', '"members":[]'),
      )
      .map(([r, pair]) => JSON.stringify(numbered([r])[0]).replace(/^\{/, `{${pair},`)),
  },
);

// The lines joined by LF or CRLF, fed in chunks cut anywhere: the fast reader agrees with the general path.
function linesAgree(lines: fc.Arbitrary<string[]>): void {
  fc.assert(
    fc.property(
      lines,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
      fc.boolean(),
      policy,
      (texts, cuts, crlf, p) => {
        const bytes = new TextEncoder().encode(texts.join(crlf ? '\r\n' : '\n'));
        expect(fastLines(bytes, cuts, p)).toEqual(generalLines(bytes, p));
      },
    ),
    { numRuns: 300 },
  );
}

describe('2021– fast paths agree with the general path', () => {
  it('createPool from objects: the same digest, or the same issues in the same order', () => {
    fc.assert(
      fc.property(fc.oneof(records(1, 30), records(6, 30)), policy, (input, p) => {
        expect(fast(input, p)).toEqual(general(input, p));
      }),
      { numRuns: 300 },
    );
  });

  it('JSON Lines bytes, in chunks of any size: the same digest, or the same issues in the same order', () => {
    linesAgree(fc.array(line, { maxLength: 40, size: 'max' }));
  });

  it('runs of individual lines as JSON.stringify writes them, some broken: the same digest or issues', () => {
    // The exact individual shape is read in runs (readIndividualRun); these lines are that shape, or
    // one byte away from it, among the other lines.
    const countText = fc.oneof(
      { weight: 20, arbitrary: fc.nat(70).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('07', '00', '1234567890123456', '999999999999999', '2.0', '-1', '') },
    );
    const individualLine = fc
      .record({
        code: fc.oneof(
          { weight: 20, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => String(7_000_000_000_000 + n * 7919)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('700000000000', '70000000000001', '70000000x0001', '７000000000001'),
          },
        ),
        id: fc.oneof(
          { weight: 20, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => `p${n}`) },
          { weight: 1, arbitrary: fc.constantFrom('', 'é', 'a"b', 'a\\b', 'tab\t', 'x'.repeat(200), 'y'.repeat(201)) },
        ),
        to2020: countText,
        since: countText,
        tail: fc.constantFrom('}', '}', '}', '} ', ',"c5":true}', '}}'),
      })
      .map(
        (r) =>
          `{"code":${JSON.stringify(r.code)},"personId":${JSON.stringify(r.id)},"drawsTo2020":${r.to2020},"drawsSince2021":${r.since}${r.tail}`,
      );
    linesAgree(
      fc.array(fc.oneof({ weight: 8, arbitrary: individualLine }, { weight: 1, arbitrary: line }), {
        maxLength: 60,
        size: 'max',
      }),
    );
  });

  it('JSON Lines bytes with stray bytes anywhere (bad UTF-8, byte order marks, NUL, CR, LF, quotes, backslashes)', () => {
    const stray = fc.constantFrom(
      [0xff],
      [0x80],
      [0xc3],
      [0xed, 0xa0, 0x80], // a surrogate's UTF-8 form: not UTF-8
      [0xc3, 0xa9],
      [0xef, 0xbb, 0xbf],
      [0xe2, 0x80, 0xa8], // U+2028: not JSON white space
      [0x00],
      [0x0d],
      [0x0a],
      [0x22],
      [0x5c],
      [0x20],
    );
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12, size: 'max' }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), stray, fc.boolean()), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        policy,
        (lines, strays, markFirst, cuts, p) => {
          const bytes = [...(markFirst ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(lines.join('\n'))];
          for (const [at, inserted, replace] of strays)
            bytes.splice(Math.floor(at * bytes.length), replace ? inserted.length : 0, ...inserted);
          const file = Uint8Array.from(bytes);
          expect(fastLines(file, cuts, p)).toEqual(generalLines(file, p));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the first 100 issues in input order and counts the rest, repeats of persons included', () => {
    fc.assert(
      fc.property(records(30, 160, 60), (input) => {
        expect(fast(input, presets.beijing2024)).toEqual(general(input, presets.beijing2024));
      }),
      { numRuns: 30 },
    );
  });

  it('stops alike when the first records are all refused for the same unknown field', () => {
    const refused = fc
      .array(plainHistory(1), { minLength: 20, maxLength: 24 })
      .map((rs) => rs.map((r) => ({ code: FRESH, ...r, nickname: 'unknown field' })));
    fc.assert(
      fc.property(refused, records(3, 10), fc.boolean(), (head, tail, asLines) => {
        const input = numbered([...head, ...tail]);
        const bytes = new TextEncoder().encode(input.map((r) => JSON.stringify(r)).join('\n'));
        const expected = asLines ? generalLines(bytes, presets.beijing2024) : general(input, presets.beijing2024);
        expect(JSON.stringify(expected)).toContain('reading stopped here');
        expect(asLines ? fastLines(bytes, [], presets.beijing2024) : fast(input, presets.beijing2024)).toEqual(
          expected,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('the fast paths do take plain records (they are not dead code)', () => {
    const records = [
      { code: '1000000000001', personId: 'a', drawsTo2020: 13, drawsSince2021: 3 },
      {
        kind: 'family',
        code: '1000000000002',
        familyYears: 1,
        members: [
          { personId: 'b', role: 'main', steps: 4, queueSince: '2019-03-15T10:00:00.000+08:00' },
          { personId: 'c', role: 'child', registeredAt: '2020-01-01T00:00:00Z' },
        ],
      },
    ];
    const viaObjects = new PoolBuilder({ policy: presets.beijing2024 });
    const viaBytes = new PoolBuilder({ policy: presets.beijing2024 });
    for (const r of records) {
      expect(viaObjects.reader2021!.fields.fromObject(r)).toBe(true);
      expect(viaObjects.addFields(0)).toBe(true);
      const bytes = new TextEncoder().encode(JSON.stringify(r));
      const view = new DataView(bytes.buffer);
      expect(parse2021Line(bytes, view, 0, bytes.length, viaBytes.reader2021!.fields)).toBe(bytes.length);
      expect(viaBytes.addFields(1)).toBe(true);
    }
    const expected = general(records, presets.beijing2024);
    expect({ digest: commitPool(viaObjects.finish()).digest }).toEqual(expected);
    expect({ digest: commitPool(viaBytes.finish()).digest }).toEqual(expected);
  });
});
