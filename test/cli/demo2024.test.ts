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

  it('--json: the summary names the 2024 seed, label and policy', () => {
    const demo = yaohao('demo', '--era', '2024', '--size', '1200', '--quota', '12', '--json');
    expect(demo.code).toBe(0);
    const summary = JSON.parse(demo.stdout) as {
      ok: boolean;
      pool: { policy: string; applications: number };
      draw: { seed: string; label: string; winners: number };
      verified: boolean;
      timings: { makeRecords?: number };
    };
    expect(summary.ok).toBe(true);
    expect(summary.pool.policy).toBe('beijing2024');
    expect(summary.draw).toMatchObject({ seed: 'yaohao-demo-2024', label: 'ordinary/family+individual', winners: 12 });
    expect(summary.verified).toBe(true);
    expect(typeof summary.timings.makeRecords).toBe('number');
  });

  it('refuses an era it does not know', () => {
    const demo = yaohao('demo', '--era', '2030');
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('Allowed choices are 2019, 2024');
  });
});
