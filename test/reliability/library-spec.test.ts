// The spec stays complete: §9 lists every vector file, vectors cite only documents in the
// repository, §1.5 lists every issue code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const spec = readFileSync(join(ROOT, 'docs', 'spec.md'), 'utf8');
const section = (heading: string): string => {
  const start = spec.indexOf(heading);
  const next = spec.indexOf('\n## ', start + heading.length);
  const nextSub = spec.indexOf('\n### ', start + heading.length);
  const end = Math.min(...[next, nextSub].filter((i) => i > 0));
  return spec.slice(start, end);
};

describe('the spec covers what the repository holds', () => {
  it('§9 lists every vector file', () => {
    const listed = section('## 9. Test vectors');
    const files = readdirSync(join(ROOT, 'test', 'vectors')).filter((f) => f.endsWith('.json'));
    expect(files.filter((file) => !listed.includes(`\`${file}\``))).toEqual([]);
  });

  it('every vector cites this repository (docs/spec.md or a repository file), never an outside brief', () => {
    for (const file of readdirSync(join(ROOT, 'test', 'vectors')).filter((f) => f.endsWith('.json'))) {
      const { source, description } = JSON.parse(readFileSync(join(ROOT, 'test', 'vectors', file), 'utf8')) as {
        source: string;
        description: string;
      };
      expect(`${source} ${description}`, file).not.toMatch(/domain\.md/);
      const cited = [...source.matchAll(/(docs\/[\w.-]+|src\/[\w./-]+|test\/[\w./-]+)/g)].map((m) => m[1]!);
      expect(cited.length, `${file} cites a document`).toBeGreaterThan(0);
      for (const path of cited)
        expect(existsSync(join(ROOT, path.replace(/[.,;:]$/, ''))), `${file}: ${path}`).toBe(true);
    }
  });

  it('§1.5 lists every issue code', () => {
    const issueCodes = [
      ...readFileSync(join(ROOT, 'src', 'errors', 'Issue.ts'), 'utf8').matchAll(/\| '([a-z_]+)'/g),
    ].map((m) => m[1]!);
    expect(issueCodes.length).toBeGreaterThan(15);
    const table = section('### 1.5 Issues');
    expect(issueCodes.filter((code) => !table.includes(`\`${code}\``))).toEqual([]);
  });
});
