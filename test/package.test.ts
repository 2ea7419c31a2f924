import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../src/index';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  type: string;
  sideEffects: boolean;
  files: string[];
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('package', () => {
  it('writes its own version into records', () => expect(ENGINE_VERSION).toBe(pkg.version));

  it('has the shape the style guide asks for', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    // The build, the spec and what the README links to (examples, vectors), so its links work from an installed copy.
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'docs/spec.md', 'examples/auditor', 'test/vectors']));
    expect(Object.keys(pkg.exports).filter((k) => k !== './package.json')).toEqual(['.']);
    expect(pkg.exports['.']).toMatchObject({
      import: { types: './dist/index.d.ts' },
      require: { types: './dist/index.d.cts' },
    });
    expect(pkg.bin).toEqual({ yaohao: './dist/cli.js' });
  });

  it('keeps the core isomorphic: no Node built-ins outside src/node and src/cli', () => {
    const core = filesUnder(join(ROOT, 'src')).filter((f) => !/src[/\\](node|cli)[/\\]/.test(f));
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(ROOT, file)).not.toMatch(
        /from ['"](node:|fs|path|crypto|os|child_process|worker_threads)['"/]/,
      );
    }
  });

  // npm test builds before running the suite; run `npm run build` first when running vitest alone.
  describe.runIf(existsSync(join(ROOT, 'dist', 'index.cjs')))('built library', () => {
    // The built CJS library in a fresh context with no `process` and no Node built-ins, as in a browser.
    const browserLike = (): typeof import('../src/index') => {
      const requireDependency = createRequire(join(ROOT, 'package.json'));
      const allowed = new Set([
        'zod/mini',
        'zod/locales',
        'seedrandom',
        'decimal.js',
        '@noble/hashes/sha2.js',
        'fflate',
      ]);
      const module = { exports: {} as Record<string, unknown> };
      const sandbox = {
        module,
        exports: module.exports,
        require: (id: string): unknown => {
          if (!allowed.has(id)) throw new Error(`the core tried to load "${id}"`);
          return requireDependency(id);
        },
        TextEncoder,
        TextDecoder,
        console,
      };
      runInNewContext(readFileSync(join(ROOT, 'dist', 'index.cjs'), 'utf8'), sandbox);
      return module.exports as typeof import('../src/index');
    };
    it('reads the example pool zip, its MD5 in JavaScript (no node:crypto), and the same pool as JSON Lines and CSV', async () => {
      const lib = browserLike();
      const dir = join(ROOT, 'examples', 'auditor');
      const zip = readFileSync(join(dir, 'bjPersonCommon202406.zip'));
      const read = await lib.readOfficialZip(new Uint8Array(zip));
      expect(read.md5).toBe(readFileSync(join(dir, 'bjPersonCommon202406.zip.md5'), 'utf8').split(' ')[0]);
      const digest = lib.commitPool(read.pool).digest;
      expect(read.header.notes[1]).toBe(`yaohao-pool/1 ${digest}`);
      const records = [...read.pool.applications()].map((a) => ({ code: a.code, weight: a.weight }));
      const jsonl = new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n'));
      const csv = new TextEncoder().encode(`code,weight\n${records.map((r) => `${r.code},${r.weight}`).join('\n')}`);
      const policy = { policy: lib.presets.explicit, md5: true };
      const fromJsonl = await lib.readJsonLinesPool(jsonl, policy);
      expect(lib.commitPool(fromJsonl.pool).digest).toBe(digest);
      expect(fromJsonl.md5).toBe(createHash('md5').update(jsonl).digest('hex'));
      expect(lib.commitPool((await lib.readCsvPool(csv, policy)).pool).digest).toBe(digest);
      // The writer, without node:zlib: the same bytes as the published zip.
      const written = Buffer.concat([
        ...lib.writeOfficialZip(read.pool, { period: '202406', quota: 40, title: read.header.title }),
      ]);
      expect(written.equals(zip)).toBe(true);
    });
    it('runs a draw with no Node built-ins and no `process` (as in a browser)', () => {
      const lib = browserLike();
      const pool = lib.createPool(
        [
          { code: '0001100000001', weight: 1 },
          { code: '2345100000002', weight: 3 },
          { code: '5000100000003', weight: 2 },
          { code: '7777100000004', weight: 1 },
          { code: '9999100000005', weight: 2 },
        ],
        { policy: lib.presets.explicit },
      );
      const { winners, record } = lib.drawLottery(pool, { quota: 3, seed: '654321', generator: 'legacy' });
      expect(winners.map((w) => w.entry)).toEqual([6, 8, 3]);
      // The pure-JS SHA-256 path gives the same digest as Node's.
      const vectors = JSON.parse(readFileSync(join(ROOT, 'test', 'vectors', 'weighted-5.json'), 'utf8')) as {
        expect: { digest: string };
      };
      expect(record.pool.digest).toBe(vectors.expect.digest);
      expect(lib.verifyRecord(record, pool).ok).toBe(true);
    });
    it('does not import Node built-ins from the ESM build either', () => {
      const text = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
      expect(text).not.toMatch(/from ["']node:/);
      expect(text).not.toMatch(/require\(["'](fs|path|crypto)["']\)/);
    });
  });
});
