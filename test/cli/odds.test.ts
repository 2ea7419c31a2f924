// End-to-end: `yaohao odds` and `yaohao selfcheck` on the built bin (npm test builds first).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, runCliJson, type CliRun } from '../support/cli';

let dir: string;
const yaohao = (...args: string[]): CliRun => runCli(dir, args);
const json = (args: string[]): Record<string, unknown> => runCliJson(dir, args);
// The odds of the test pool: beijing2016 steps, 80 winners.
const POLICY = ['--policy', 'beijing2016'];
const ODDS = ['odds', 'pool.jsonl', ...POLICY, '--quota', '80'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-odds-cli-'));
  // 2,000 applications, 4 random digits then a serial, draws 0–39 (steps 1–7 under beijing2016).
  const lines = Array.from({ length: 2000 }, (_, i) =>
    JSON.stringify({
      code: `${String((i * 7919) % 10_000).padStart(4, '0')}${String(100_000_000 + i)}`,
      draws: i % 40,
    }),
  );
  writeFileSync(join(dir, 'pool.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'family.json'),
    JSON.stringify({
      kind: 'family',
      code: '3141500000001',
      members: [
        { personId: 'a', role: 'main', steps: 4 },
        { personId: 'b', role: 'spouse', steps: 2 },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(CLI))('yaohao odds and selfcheck', () => {
  it('odds: a table by weight class, with the naive base rate next to the exact odds', () => {
    const { code, stdout } = yaohao(...ODDS);
    expect(code).toBe(0);
    expect(stdout).toMatch(/weight +count +P\(win\) +base rate/);
    expect(stdout).toMatch(/exact odds per weight class \(error ≤ /);
    const result = json(ODDS);
    const classes = result['classes'] as { weight: number; expectedWinners: number }[];
    expect(classes.map((c) => c.weight)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(classes.reduce((s, c) => s + c.expectedWinners, 0)).toBeCloseTo(80, 8);
  });

  it('odds --draws: one applicant’s odds and waiting time, and a CSV of P(win by draw k)', () => {
    const { code, stdout } = yaohao(...ODDS, '--draws', '11', '--csv', 'wait.csv');
    expect(code).toBe(0);
    expect(stdout).toMatch(/applicant {2}weight 2 in the next draw \(beijing2016\)/);
    expect(stdout).toMatch(/waiting {4}median draw \d+, 95 % by draw \d+, mean \d+\.\d/);
    const csv = readFileSync(join(dir, 'wait.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('period,weight,probability,win_by');
    expect(csv[1]).toMatch(/^1,2,0\.\d+,0\.\d+$/);
    const winBy = csv.slice(1).map((line) => Number(line.split(',')[3]));
    for (let k = 1; k < winBy.length; k++) expect(winBy[k]!).toBeGreaterThanOrEqual(winBy[k - 1]!);
    // --csv - writes the CSV on stdout.
    expect(yaohao(...ODDS, '--draws', '0', '--csv', '-', '--periods', '3').stdout).toMatch(
      /period,weight,probability,win_by\n1,1,[^\n]+\n2,1,[^\n]+\n3,1,/,
    );
    // A family under the 2021– rules, from a JSON history; the pool's own weights by --growth.
    const family = json([...ODDS, '--applicant', 'family.json', '--growth', 'beijing2024', '--periods', '4']);
    expect((family['waitingTime'] as { periods: { weight: number }[] }).periods.map((p) => p.weight)).toEqual([
      18, 18, 22, 22,
    ]);
  });

  it('odds --simulate: the Monte Carlo column agrees with the exact odds', () => {
    const result = json([...ODDS, '--simulate', '400']);
    const simulated = result['simulated'] as { runs: number; classes: { interval: [number, number] }[] };
    expect(simulated.runs).toBe(400);
    const classes = result['classes'] as { probability: number }[];
    const inside = classes.filter(
      (c, k) =>
        c.probability >= simulated.classes[k]!.interval[0] && c.probability <= simulated.classes[k]!.interval[1],
    );
    expect(inside.length).toBeGreaterThanOrEqual(classes.length - 1);
  });

  it('selfcheck: an honest record passes (exit 0); a doctored one fails (exit 1)', () => {
    const draw = ['--quota', '200', '--seed', '033859', '--generator', 'legacy', '--out', 'record.json'];
    expect(yaohao('draw', 'pool.jsonl', ...POLICY, ...draw).code).toBe(0);
    const honest = yaohao('selfcheck', 'pool.jsonl', 'record.json', ...POLICY);
    expect(honest.code).toBe(0);
    expect(honest.stdout).toMatch(/PASS {2}submission-order/);
    expect(honest.stdout).toMatch(/seed {7}19\.93 bits \(6 decimal digits: 10\^6 seeds\)/);
    expect(honest.stdout).toMatch(/warning {4}The seed can take only about 1000000 values/);
    expect(honest.stdout).toMatch(/ok: the draw looks like a fair draw/);
    // Every winner moved to its first entry: the passes give it away.
    const record = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as {
      winners: { code: string; entry: number }[];
    };
    const firstEntry = new Map(
      Array.from(
        { length: 2000 },
        (_, i) => `${String((i * 7919) % 10_000).padStart(4, '0')}${String(100_000_000 + i)}`,
      )
        .sort()
        .map((code, index) => [code, index + 1]),
    );
    writeFileSync(
      join(dir, 'doctored.json'),
      JSON.stringify({ ...record, winners: record.winners.map((w) => ({ ...w, entry: firstEntry.get(w.code)! })) }),
    );
    const doctored = yaohao('selfcheck', 'pool.jsonl', 'doctored.json', ...POLICY);
    expect(doctored.code).toBe(1);
    expect(doctored.stdout).toMatch(/FAIL {2}entry-passes/);
    const verdict = json(['selfcheck', 'pool.jsonl', 'doctored.json', ...POLICY]);
    expect(verdict['ok']).toBe(false);
    expect(verdict['seedEntropy']).toMatchObject({ seedBits: expect.closeTo(19.93, 2) });
  });

  it('bad input: exit 2 with the problem named', () => {
    const bad = yaohao('selfcheck', 'pool.jsonl', 'record.json', ...POLICY, '--alpha', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--alpha takes a rate strictly between 0 and 1/);
    const other = yaohao('selfcheck', 'pool.jsonl', 'record.json', '--policy', 'beijing2014');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/the record was drawn from another pool/);
    expect(yaohao('odds', 'pool.jsonl', '--quota', '80', '--draws', '3').code).toBe(2);
    expect(yaohao('odds', 'pool.jsonl', ...POLICY, '--quota', '0').stderr).toMatch(/quota/);
    expect(yaohao(...ODDS, '--csv', 'x.csv').stderr).toMatch(/--csv writes an applicant’s waiting time/);
  });
});
