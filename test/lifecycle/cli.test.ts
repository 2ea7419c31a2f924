// `yaohao lookup` and `yaohao continuity` end to end: the built bin (npm test builds first) on files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEvent,
  createPool,
  drawLottery,
  presets,
  registryPool,
  replayEvents,
  type AuditRecord,
} from '../../src/index';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const AUDITOR = join(import.meta.dirname, '..', '..', 'examples', 'auditor');
let dir: string;
let record: AuditRecord;

function yaohao(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
const jsonLines = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const at = (date: string): string => `${date}T10:00:00+08:00`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaohao-lifecycle-'));
  const people = Array.from({ length: 300 }, (_, n) => String(4_000_100_000_000 + n * 97));
  let registry = replayEvents(
    [
      ...people.map((code, n) => ({ type: 'applied', at: at('2019-05-02'), code, personId: code, draws: n % 20 })),
      ...people.map((code) => ({ type: 'reviewed', at: at('2019-05-20'), code, approved: true })),
    ],
    presets.beijing2016,
  );
  const june = registryPool(registry, '2019-06').ordinary;
  ({ record } = drawLottery(createPool(june, { policy: presets.beijing2016 }), {
    quota: 20,
    seed: 'cli',
    generator: 'default',
  }));
  registry = applyEvent(registry, { type: 'draw-held', at: at('2019-06-26'), period: '2019-06', record });
  const august = registryPool(registry, '2019-08').ordinary as { code: string; draws: number }[];
  writeFileSync(join(dir, 'june.jsonl'), jsonLines(june));
  writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
  writeFileSync(join(dir, 'august.jsonl'), jsonLines(august));
  // August with one winner back and one code reset to no draws.
  const reset = august.find((r) => r.draws >= 7)!;
  writeFileSync(
    join(dir, 'forged.jsonl'),
    jsonLines([
      ...august.map((r) => (r === reset ? { ...r, draws: 0 } : r)),
      { code: record.winners[0]!.code, draws: 3 },
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(CLI))('yaohao continuity and lookup', () => {
  it('continuity: ok on consecutive pools, exit 1 naming each problem, --list, --json', () => {
    const ok = yaohao(dir, 'continuity', 'june.jsonl', 'record.json', 'august.jsonl', '--policy', 'beijing2016');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('winners    20 (every one must be gone)');
    expect(ok.stdout).toContain('ok: the next pool follows from the previous one');
    const forged = yaohao(
      dir,
      'continuity',
      'june.jsonl',
      'record.json',
      'forged.jsonl',
      '--policy',
      'beijing2016',
      '--json',
    );
    expect(forged.code).toBe(1);
    const report = JSON.parse(forged.stdout) as {
      ok: boolean;
      problems: { problem: string; code: string }[];
      added: number;
    };
    expect(report.ok).toBe(false);
    // The reset code lost entries; the winner put back is still in the pool (and lost entries too).
    expect(report.problems.map((p) => p.problem).sort()).toEqual([
      'entries-lost',
      'entries-lost',
      'winner-still-in-pool',
    ]);
    const listed = yaohao(
      dir,
      'continuity',
      'june.jsonl',
      'record.json',
      'august.jsonl',
      '--policy',
      'beijing2016',
      '--list',
    );
    expect(listed.stdout).toMatch(/added +0/);
    const bad = yaohao(dir, 'continuity', 'june.jsonl', 'june.jsonl', 'august.jsonl', '--policy', 'beijing2016');
    expect(bad.code).toBe(2);
    expect(yaohao(dir, 'continuity', 'june.jsonl', 'record.json', 'august.jsonl', '--max-gain', 'x').code).toBe(2);
    expect(yaohao(dir, 'continuity', '--help').stdout).toMatch(/Example/);
  });

  it('lookup: won (exit 0), not won (exit 0), not in the pool (exit 1), bad input (exit 2)', () => {
    const winner = record.winners[2]!;
    const won = yaohao(dir, 'lookup', 'june.jsonl', 'record.json', winner.code, '--policy', 'beijing2016');
    expect(won.code).toBe(0);
    expect(won.stdout).toMatch(
      new RegExp(`^won: ${winner.code} is winner 3, drawn at entry [0-9,]+ \\(it had \\d+ of [0-9,]+ entries\\)`),
    );
    const loser = record.winners.some((w) => w.code === '4000100000000') ? '4000100000097' : '4000100000000';
    const notWon = yaohao(dir, 'lookup', 'june.jsonl', 'record.json', loser, '--policy', 'beijing2016', '--json');
    expect(notWon.code).toBe(0);
    expect(JSON.parse(notWon.stdout)).toMatchObject({ ok: true, status: 'not-won', code: loser });
    const absent = yaohao(dir, 'lookup', 'june.jsonl', 'record.json', '9999999999999', '--policy', 'beijing2016');
    expect(absent).toMatchObject({ code: 1, stdout: 'not in this pool: 9999999999999\n' });
    const other = yaohao(dir, 'lookup', 'august.jsonl', 'record.json', loser, '--policy', 'beijing2016');
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/MISMATCH: record.json is not the draw of august.jsonl/);
    expect(yaohao(dir, 'lookup', 'june.jsonl', 'record.json', '12', '--policy', 'beijing2016').code).toBe(2);
    expect(yaohao(dir, 'lookup', '--help').stdout).toMatch(/Example/);
  });

  it('lookup on the official example zip and its record', () => {
    const won = yaohao(AUDITOR, 'lookup', 'bjPersonCommon202406.zip', 'record-202406.json', '2626100000401');
    expect(won.stdout).toBe('won: 2626100000401 is winner 1, drawn at entry 5,761 (it had 5 of 10,973 entries)\n');
  });
});
