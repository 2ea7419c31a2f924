// Package basics: the README's links work from an installed copy (every file they name ships), a
// LICENSE, a CHANGELOG, and createPool's records typed by the policy.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the package', () => {
  it('ships every file the README links to, so the links work from node_modules/yaohao', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
    ) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((link) => !/^[a-z]+:/.test(link));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const path = link.replace(/^\.\//, '').replace(/\/$/, '');
      expect(existsSync(join(ROOT, path)), `${link} exists`).toBe(true);
      expect(
        files.some((file) => file === path || file.startsWith(`${path}/`)),
        `${link} is in the package`,
      ).toBe(true);
    }
    for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'docs/spec.md', 'package.json'])
      expect(files, file).toContain(file);
    expect(files.filter((file) => /\.test\.|test-prop|support\//.test(file))).toEqual([]);
  });

  it('has an MIT LICENSE, as package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
