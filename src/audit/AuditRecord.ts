import * as z from 'zod/mini';
import { toHex } from '../encoding/hex';
import { sha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import { described } from '../errors/described';
import type { ApplicantKind } from '../pool/ApplicantKind';
import type { PoolCommitment } from '../pool/commitPool';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { isApplicationCode } from '../pool/applicationCode';
import { isObject } from '../errors/arguments';
import { parseWith } from '../errors/fromZod';
import { YaohaoError } from '../errors/YaohaoError';
import type { GeneratorId } from '../rng/generators';

/** Version tag of the audit record format (docs/spec.md §6). */
export const RECORD_FORMAT = 'yaohao-record/1';

/** One winner of a lottery, in draw order. */
export interface Winner {
  /** 13-digit application code. */
  readonly code: string;
  /** 1-based entry number (摇号基数序号) of the winning pick. */
  readonly entry: number;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
}

/** The audit record of one lottery draw: everything a replay needs, and the result. */
export interface AuditRecord {
  /** Always "yaohao-record/1". */
  readonly format: typeof RECORD_FORMAT;
  /** Engine that wrote the record (informative; bound by the digest, not compared on replay). */
  readonly engine: string;
  /** Id of the policy that weighed the pool (informative). */
  readonly policy: string;
  /** Generator used. */
  readonly generator: GeneratorId;
  /** Seed exactly as published. */
  readonly seed: string;
  /** Sub-draw label ("" when none). */
  readonly label: string;
  /** Winners wanted. */
  readonly quota: number;
  /** Commitment to the pool drawn from. */
  readonly pool: PoolCommitment;
  /** "all": quota ≥ pool size, everyone won without a draw; "drawn": a real draw. */
  readonly allocation: 'drawn' | 'all';
  /** Generator outputs used, rejected picks included. */
  readonly picks: number;
  /** Winners in draw order. */
  readonly winners: readonly Winner[];
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly digest: string;
}

const sha256HexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' }));
const countSchema = z.int().check(z.minimum(0));

/** The zod schema of PoolCommitment. */
export const PoolCommitmentSchema: z.ZodMiniType<PoolCommitment> = z
  .readonly(
    z.strictObject({
      format: z.literal('yaohao-pool/1'),
      size: countSchema.apply(described, 'Number of applications.'),
      totalEntries: countSchema.apply(described, 'Total entries T.'),
      digest: sha256HexSchema.apply(described, 'SHA-256 of the canonical pool form.'),
    }),
  )
  .apply(described, 'Commitment to a pool, published before the seed.');

/** The zod schema of Winner. */
export const WinnerSchema: z.ZodMiniType<Winner> = z.readonly(
  z.strictObject({
    code: ApplicationCodeSchema,
    entry: z.int().check(z.minimum(1)).apply(described, '1-based entry number (摇号基数序号) of the winning pick.'),
    kind: z.enum(['individual', 'family', 'unit']),
  }),
);

/** The zod schema of AuditRecord (also the source of its JSON Schema). */
export const AuditRecordSchema: z.ZodMiniType<AuditRecord> = z
  .readonly(
    z.strictObject({
      format: z.literal(RECORD_FORMAT),
      engine: z.string().apply(described, 'Engine that wrote the record (informative).'),
      policy: z.string().apply(described, 'Id of the policy that weighed the pool (informative).'),
      generator: z.enum(['legacy', 'default']),
      seed: z.string().check(z.minLength(1)),
      label: z.string(),
      quota: z.int().check(z.minimum(1)),
      pool: PoolCommitmentSchema,
      allocation: z.enum(['drawn', 'all']).apply(described, '"all": quota ≥ pool size, everyone won without a draw.'),
      picks: countSchema.apply(described, 'Generator outputs used, rejected picks included.'),
      winners: z.readonly(z.array(WinnerSchema)).apply(described, 'Winners in draw order.'),
      digest: sha256HexSchema.apply(described, 'SHA-256 of the canonical JSON of every other field.'),
    }),
  )
  .apply(described, 'A yaohao audit record (yaohao-record/1).');

/** An audit record before its digest is computed. */
export type UnsealedAuditRecord = Omit<AuditRecord, 'digest'>;

/**
 * The canonical JSON (RFC 8785) of a record of exactly the AuditRecord shape, written directly:
 * members in code-unit order, strings escaped by JSON.stringify, winners as fixed templates (codes
 * are 13 digits, kinds one of three words). Equal to canonicalJson(record) (a property test checks
 * this) and several times faster on thousands of winners, which is what verifying costs.
 */
function recordJson(record: UnsealedAuditRecord | AuditRecord, withDigest: boolean): string {
  const r = record as AuditRecord;
  const p = r.pool;
  let winners = '';
  for (let i = 0; i < r.winners.length; i++) {
    const w = r.winners[i]!;
    winners += `${i === 0 ? '' : ','}{"code":"${w.code}","entry":${w.entry},"kind":"${w.kind}"}`;
  }
  return (
    `{"allocation":${JSON.stringify(r.allocation)},${withDigest ? `"digest":${JSON.stringify(r.digest)},` : ''}"engine":${JSON.stringify(r.engine)},` +
    `"format":${JSON.stringify(r.format)},"generator":${JSON.stringify(r.generator)},"label":${JSON.stringify(r.label)},"picks":${r.picks},` +
    `"policy":${JSON.stringify(r.policy)},"pool":{"digest":${JSON.stringify(p.digest)},"format":${JSON.stringify(p.format)},"size":${p.size},` +
    `"totalEntries":${p.totalEntries}},"quota":${r.quota},"seed":${JSON.stringify(r.seed)},"winners":[${winners}]}`
  );
}

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of a record without its `digest` field. */
export function recordDigest(record: UnsealedAuditRecord | AuditRecord): string {
  return digestOfRecord(readRecord(record, false));
}

/** recordDigest of a record already read (drawLottery and verifyRecord have checked it). */
export function digestOfRecord(record: UnsealedAuditRecord | AuditRecord): string {
  return toHex(sha256(utf8(recordJson(record, false))));
}

/** The record with its digest filled in. */
export function sealRecord(record: UnsealedAuditRecord): AuditRecord {
  return { ...record, digest: digestOfRecord(record) };
}

/** The canonical JSON text of a record (RFC 8785): a byte-stable form to publish. */
export function serializeRecord(record: AuditRecord): string {
  return recordJson(readRecord(record, true), true);
}

/** `value` as an AuditRecord, or a YaohaoError naming each problem under `path`. */
export function readAuditRecord(value: unknown, path: readonly (string | number)[]): AuditRecord {
  const plain = plainAuditRecord(value);
  if (plain !== undefined) return plain;
  const parsed = parseWith(AuditRecordSchema, value, { path });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  return parsed.value;
}

// A record handed to recordDigest or serializeRecord must have the record's shape (a digest is
// optional for recordDigest); anything else is a YaohaoError naming the field.
function readRecord(record: unknown, sealed: boolean): AuditRecord {
  const candidate =
    sealed || !isObject(record) || Object.hasOwn(record, 'digest') ? record : { ...record, digest: '0'.repeat(64) };
  return readAuditRecord(candidate, ['record']);
}

const RECORD_KEYS = [
  'allocation',
  'digest',
  'engine',
  'format',
  'generator',
  'label',
  'picks',
  'policy',
  'pool',
  'quota',
  'seed',
  'winners',
];
const POOL_KEYS = ['digest', 'format', 'size', 'totalEntries'];
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHex64 = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const hasExactly = (value: object, keys: readonly string[]): boolean => {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
};

/**
 * The fast path of reading a record: the value itself when it is plainly a valid AuditRecord,
 * else undefined and AuditRecordSchema decides and explains. Accepts only what the schema accepts
 * (a property test checks this); checking 6,400 winners this way takes a fraction of zod's time.
 */
export function plainAuditRecord(value: unknown): AuditRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !hasExactly(value, RECORD_KEYS))
    return undefined;
  const r = value as Record<string, unknown>;
  const pool = r['pool'];
  if (typeof pool !== 'object' || pool === null || Array.isArray(pool) || !hasExactly(pool, POOL_KEYS))
    return undefined;
  const p = pool as Record<string, unknown>;
  const plain =
    r['format'] === RECORD_FORMAT &&
    typeof r['engine'] === 'string' &&
    typeof r['policy'] === 'string' &&
    (r['generator'] === 'legacy' || r['generator'] === 'default') &&
    typeof r['seed'] === 'string' &&
    r['seed'].length > 0 &&
    typeof r['label'] === 'string' &&
    isCount(r['quota']) &&
    (r['quota'] as number) >= 1 &&
    (r['allocation'] === 'drawn' || r['allocation'] === 'all') &&
    isCount(r['picks']) &&
    isHex64(r['digest']) &&
    p['format'] === 'yaohao-pool/1' &&
    isCount(p['size']) &&
    isCount(p['totalEntries']) &&
    isHex64(p['digest']) &&
    Array.isArray(r['winners']);
  if (!plain) return undefined;
  for (const w of r['winners'] as unknown[]) {
    if (typeof w !== 'object' || w === null || Array.isArray(w)) return undefined;
    const winner = w as Record<string, unknown>;
    let keys = 0;
    for (const key in winner) {
      if (key !== 'code' && key !== 'entry' && key !== 'kind') return undefined;
      keys++;
    }
    if (keys !== 3) return undefined;
    const code = winner['code'];
    if (typeof code !== 'string' || !isApplicationCode(code)) return undefined;
    if (!isCount(winner['entry']) || (winner['entry'] as number) < 1) return undefined;
    if (winner['kind'] !== 'individual' && winner['kind'] !== 'family' && winner['kind'] !== 'unit') return undefined;
  }
  return value as AuditRecord;
}
