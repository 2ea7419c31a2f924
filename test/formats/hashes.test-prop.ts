// The JavaScript MD5 and CRC-32 (what browsers use) against node:crypto and node:zlib.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsCrc32 } from '../../src/formats/internal/crc32';
import { JsMd5 } from '../../src/formats/internal/jsMd5';
import { createMd5 } from '../../src/index';
import { cutAt } from '../support/chunks';

const md5Js = (chunks: readonly Uint8Array[]): string => {
  const hash = new JsMd5();
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest();
};

// Bytes, cut into chunks at arbitrary points.
const chunked = fc
  .tuple(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([bytes, cuts]) => ({ bytes, chunks: cutAt(bytes, cuts) }));

describe('MD5 in JavaScript', () => {
  it('RFC 1321 test suite', () => {
    const cases: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      [
        '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
        '57edf4a22be3c955ac49da2e2107b67a',
      ],
    ];
    for (const [text, digest] of cases) {
      expect(md5Js([new TextEncoder().encode(text)])).toBe(digest);
      const hash = createMd5();
      hash.update(new TextEncoder().encode(text));
      expect(hash.digest()).toBe(digest);
    }
  });
  it('equals node:crypto on any bytes, however they are chunked', () => {
    fc.assert(
      fc.property(chunked, ({ bytes, chunks }) => {
        expect(md5Js(chunks)).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('CRC-32 in JavaScript', () => {
  it('equals node:zlib on any bytes, however they are chunked', () => {
    fc.assert(
      fc.property(chunked, ({ bytes, chunks }) => {
        expect(chunks.reduce((crc, chunk) => jsCrc32(chunk, crc), 0)).toBe(crc32(bytes));
      }),
      { numRuns: 300 },
    );
    expect(jsCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
