import { z } from 'zod';
import { canonicalJson, type CanonicalJsonValue } from '../encoding/canonicalJson';
import { toHex } from '../encoding/hex';
import { sha256 } from '../encoding/sha256';
import { utf8 } from '../encoding/utf8';
import type { ApplicantKind } from '../pool/ApplicantKind';
import type { PoolCommitment } from '../pool/commitPool';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
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

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' });
const countSchema = z.int().min(0);

/** The zod schema of PoolCommitment. */
export const PoolCommitmentSchema: z.ZodType<PoolCommitment> = z
  .strictObject({
    format: z.literal('yaohao-pool/1'),
    size: countSchema.describe('Number of applications.'),
    totalEntries: countSchema.describe('Total entries T.'),
    digest: sha256HexSchema.describe('SHA-256 of the canonical pool form.'),
  })
  .readonly()
  .describe('Commitment to a pool, published before the seed.');

/** The zod schema of Winner. */
export const WinnerSchema: z.ZodType<Winner> = z
  .strictObject({
    code: ApplicationCodeSchema,
    entry: z.int().min(1).describe('1-based entry number (摇号基数序号) of the winning pick.'),
    kind: z.enum(['individual', 'family', 'unit']),
  })
  .readonly();

/** The zod schema of AuditRecord (also the source of its JSON Schema). */
export const AuditRecordSchema: z.ZodType<AuditRecord> = z
  .strictObject({
    format: z.literal(RECORD_FORMAT),
    engine: z.string().describe('Engine that wrote the record (informative).'),
    policy: z.string().describe('Id of the policy that weighed the pool (informative).'),
    generator: z.enum(['legacy', 'default']),
    seed: z.string().min(1),
    label: z.string(),
    quota: z.int().min(1),
    pool: PoolCommitmentSchema,
    allocation: z.enum(['drawn', 'all']).describe('"all": quota ≥ pool size, everyone won without a draw.'),
    picks: countSchema.describe('Generator outputs used, rejected picks included.'),
    winners: z.array(WinnerSchema).readonly().describe('Winners in draw order.'),
    digest: sha256HexSchema.describe('SHA-256 of the canonical JSON of every other field.'),
  })
  .readonly()
  .describe('A yaohao audit record (yaohao-record/1).');

/** An audit record before its digest is computed. */
export type UnsealedAuditRecord = Omit<AuditRecord, 'digest'>;

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of a record without its `digest` field. */
export function recordDigest(record: UnsealedAuditRecord | AuditRecord): string {
  const { digest: _ignored, ...rest } = record as AuditRecord;
  return toHex(sha256(utf8(canonicalJson(rest as unknown as CanonicalJsonValue))));
}

/** The record with its digest filled in. */
export function sealRecord(record: UnsealedAuditRecord): AuditRecord {
  return { ...record, digest: recordDigest(record) };
}

/** The canonical JSON text of a record (RFC 8785): a byte-stable form to publish. */
export function serializeRecord(record: AuditRecord): string {
  return canonicalJson(record as unknown as CanonicalJsonValue);
}
