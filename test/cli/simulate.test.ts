// End-to-end: `yaohao simulate` on the built bin (npm test builds first).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets, simulatePeriods, type SimulatedPeriod } from '../../src/index';
import { CLI, runCli, runCliJson, type CliRun } from '../support/cli';

let dir: string;
const yaohao = (...args: string[]): CliRun => runCli(dir, args);
const SMALL = [
  'simulate',
  '--start',
  '2019-02',
  '--periods',
  '4',
  '--quota',
  '25',
  '--arrivals',
  '40,10',
  '--initial',
  '600',
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-simulate-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(CLI))('yaohao simulate', () => {
  it('--json gives simulatePeriods’ statistics, period for period', () => {
    const result = runCliJson(dir, [...SMALL, '--seed', 'cli']);
    expect(result['ok']).toBe(true);
    const expected = [
      ...simulatePeriods({
        policy: presets.beijing2016,
        start: '2019-02',
        periods: 4,
        quota: [25],
        arrivals: [40, 10],
        seed: 'cli',
        initial: { size: 600 },
      }),
    ];
    expect(result['periods']).toEqual(JSON.parse(JSON.stringify(expected)) as SimulatedPeriod[]);
    expect((result['periods'] as SimulatedPeriod[]).map((p) => p.arrivals)).toEqual([40, 10, 10, 10]);
  });

  it('prints a table: one line per period, the classes with --classes', () => {
    const { code, stdout } = yaohao(...SMALL, '--classes');
    expect(code).toBe(0);
    expect(stdout).toMatch(/simulate {3}beijing2016 from 2019-02, 4 draws, seed "simulate", initial 600/);
    expect(stdout).toMatch(/period +arrivals +pool +entries +quota +winners/);
    expect(stdout).toMatch(/\n {2}2019-02 +40 +640 +[\d,]+ +25 +25 /);
    expect(stdout).toMatch(/\n {2}2019-08 +10 /);
    expect(stdout).toMatch(/weight +1 +\d+ in pool +\d+ won +rate +[\d.]+ % +P\(win\)/);
    expect(stdout).toMatch(/done {7}670 applications, 100 won/);
    expect(yaohao('simulate', '--help').stdout).toMatch(/Examples:\n {2}yaohao simulate --start 2019-02/);
  });

  it('bad arguments: exit 2 with the flag named, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [[...SMALL, '--quota', '5,0'], /--quota: takes a whole number from 1/],
      [['simulate', '--start', '2019-03', '--periods', '2', '--quota', '5'], /--start: "2019-03" is not a period/],
      [[...SMALL, '--initial-families', '3'], /--initial-families: policy beijing2016 has no family applications/],
      [[...SMALL, '--policy', 'explicit'], /--policy.*no lifecycle rules/],
      [['simulate', '--periods', '2', '--quota', '5'], /required option '--start <period>'/],
      // More than the command lets a simulation use (2 GB): refused before anything is built, not run out of memory.
      [
        [...SMALL, '--initial', '30000000'],
        /--initial: yaohao simulate stays within 2\.0 GB of memory; 30,000,070 individual /,
      ],
      [
        [...SMALL, '--initial', '3100000', '--periods', '1000', '--arrivals', '60000', '--long'],
        /--arrivals: .* 63,100,000 individual and 0 family applications over 1,000 periods need about 5\.7 GB/,
      ],
      // Hours of work unasked (1,000 draws from 3.1 M): refused unless --long says it is meant.
      [
        [...SMALL, '--initial', '3100000', '--periods', '1000'],
        /--periods: 1,000 periods draw from 3,1\d\d,\d{3},\d{3} applications in all, more than the 1,500,000,000 .* add --long/,
      ],
      [[...SMALL, '--policy', 'beijing2024', '--start', '2024-h1', '--initial', '6000000'], /--initial: .* 2\.1 GB/],
      [
        [...SMALL, '--policy', 'beijing2024', '--start', '2024-h1', '--initial', '0', '--initial-families', '1000000'],
        /--initial-families: .* 70 individual and 1,000,000 family applications .* 2\.4 GB/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = yaohao(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
