// The examples run as tests, against the built package (npm test builds first), so they never rot.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;

describe('examples/auditor: the README walkthrough, command by command', () => {
  const cli = (...args: string[]): { status: number | null; stdout: string } => {
    const result = spawnSync(process.execPath, [join(DIR, '..', 'dist', 'cli.js'), ...args], {
      cwd: join(DIR, 'auditor'),
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout };
  };
  it('the zip is the published one (MD5), the sheet agrees with its seed, the record replays', () => {
    const published = readFileSync(join(DIR, 'auditor', 'bjPersonCommon202406.zip.md5'), 'utf8').split(' ')[0];
    const commit = cli('commit', 'bjPersonCommon202406.zip');
    expect(commit.status).toBe(0);
    expect(commit.stdout).toContain(`zip md5    ${published}`);
    expect(cli('check-sheet', 'result-202406.txt')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('ok: consistent with its seed'),
    });
    expect(cli('verify', 'bjPersonCommon202406.zip', 'record-202406.json')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('replays'),
    });
  });
});

describe('examples', () => {
  const scripts = readdirSync(DIR).filter((f) => f.endsWith('.mjs'));
  it('exist', () => expect(scripts.length).toBeGreaterThanOrEqual(5));
  for (const script of scripts) {
    it(`${script} runs and succeeds`, () => {
      const output = execFileSync(process.execPath, [join(DIR, script)], { encoding: 'utf8' });
      expect(output).not.toMatch(/FAILED|inconsistent:|not detected/);
      expect(output.length).toBeGreaterThan(0);
    });
  }
  it('quickstart replays its own record', () => {
    expect(execFileSync(process.execPath, [join(DIR, 'quickstart.mjs')], { encoding: 'utf8' })).toContain('replay: ok');
  });
  it('family-points reproduces the official 126-point example', () => {
    const output = execFileSync(process.execPath, [join(DIR, 'family-points.mjs')], { encoding: 'utf8' });
    expect(output).toContain('family points: ((7 + 6) × 2 + 6 + 1 + 1 + 1 + 1 + 6) × 3 = 126');
    expect(output).toContain('3141500000001 family     126 entries');
    expect(output).toContain('replay: ok');
  });
  it('run-a-period plans, runs and replays a 2024 period', () => {
    const output = execFileSync(process.execPath, [join(DIR, 'run-a-period.mjs')], { encoding: 'utf8' });
    expect(output).toMatch(/plan 2024-h1: 6 sub-draws, total 1400, digest [0-9a-f]{64}/);
    expect(output).toContain('replay: ok');
  });
  it('application-life follows one application through two years, to a used certificate', () => {
    const output = execFileSync(process.execPath, [join(DIR, 'application-life.mjs')], { encoding: 'utf8' });
    expect(output).toContain('2024-05-27  2024-h1  nev      draw (due 2024-05-26)');
    expect(output).toContain('2024-01-15  审核中 in review — review results on 2024-04-09');
    expect(output).toMatch(
      /2024-12-27 {2}在摇号池 in the pool — 21 draws counted \(累计摇号次数\), 7 steps in the next draw, 2025-h1 on 2025-06-26/,
    );
    expect(output).toContain('auditor: 2024-h2 follows from 2024-h1: ok (40 winners gone');
    expect(output).toMatch(
      /2025-09-01 {2}恭喜您获得指标 won — certificate 2025H1P0000\d\d, .*; car registered 2025-09-01T10:00:00.000\+08:00/,
    );
    expect(output).toContain('JSON round trip: same registry');
  });
  it('replay-official-draw reproduces the domain.md example', () => {
    const output = execFileSync(process.execPath, [join(DIR, 'replay-official-draw.mjs')], { encoding: 'utf8' });
    expect(output).toContain('winners: 5000100000003 @ 3, 2345100000002 @ 6 (3 picks)');
    expect(output).toContain('forged sheet:');
  });
});
