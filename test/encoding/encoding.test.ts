import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/encoding/canonicalJson';
import { toHex } from '../../src/encoding/hex';
import { createSha256, sha256 } from '../../src/encoding/sha256';
import { isWellFormedString } from '../../src/encoding/utf8';
import { YaohaoError } from '../../src/errors/YaohaoError';

describe('canonicalJson (RFC 8785 subset)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { z: 0, y: -1 } })).toBe(
      '{"A":{"y":-1,"z":0},"a":[true,null,"x"],"b":1}',
    );
    // Code-unit order, not locale order: "é" (U+00E9) sorts after "z", "€" (U+20AC) after it.
    expect(canonicalJson({ z: 1, é: 2, '€': 3 })).toBe('{"z":1,"é":2,"€":3}');
  });
  it('escapes strings exactly as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(canonicalJson(s)).toBe(JSON.stringify(s));
      }),
    );
  });
  it('refuses numbers that are not safe integers', () => {
    expect(() => canonicalJson(1.5)).toThrow(YaohaoError);
    expect(() => canonicalJson(2 ** 53)).toThrow(YaohaoError);
    expect(() => canonicalJson(Number.NaN)).toThrow(YaohaoError);
  });
  it('leaves out undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('sha256', () => {
  it('native and pure-JS paths agree with node:crypto, in any chunking', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(toHex(sha256(bytes))).toBe(expected);
        const js = createSha256({ useNative: false });
        for (let at = 0; at < bytes.length; at += chunk) js.update(bytes.subarray(at, at + chunk));
        expect(toHex(js.digest())).toBe(expected);
      }),
    );
  });
});

describe('isWellFormedString', () => {
  it('finds lone surrogates', () => {
    expect(isWellFormedString('摇号 😀')).toBe(true);
    expect(isWellFormedString('\uD800')).toBe(false);
    expect(isWellFormedString('a\uDC00b')).toBe(false);
    expect(isWellFormedString('\uDC00\uD800')).toBe(false);
  });
});
