// `yaohao demo --era 2024`: today's mixed ordinary pool (families by points, individuals by steps), at a small size.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const yaohao = (...args: string[]): { code: number; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};

describe('demo --era 2024', () => {
  it('draws from a mixed pool of families and individuals and verifies the record', () => {
    const demo = yaohao('demo', '--era', '2024', '--size', '6000', '--quota', '60');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(
      /pool {7}6,000 applications, policy beijing2024: 1,000 families by points, 5,000 individuals/,
    );
    expect(demo.stdout).toMatch(/\d+ families and \d+ individuals won/);
    expect(demo.stdout).toContain('label "ordinary/family+individual"');
    expect(demo.stdout).toContain('verify     ok: replay reproduces all 60 winners');
  });

  it('refuses an era it does not know', () => {
    const demo = yaohao('demo', '--era', '2030');
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('Allowed choices are 2019, 2024');
  });
});
