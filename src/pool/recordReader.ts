import type * as z from 'zod/mini';
import { parseWith, type IssueLocation } from '../errors/fromZod';
import type { Issue } from '../errors/Issue';
import type { Policy } from '../policy/Policy';
import { countedSteps } from '../policy/stepsForDraws';
import { kindId } from './ApplicantKind';
import { codeToNumber } from './applicationCode';
import { RecordFields, weighFields, type FastShape } from './internal/RecordFields';
import { MAX_WEIGHT, recordSchemaFor } from './recordSchemas';

/** A validated record, reduced to what the pool stores. */
export interface WeighedRecord {
  /** The code as a number (see codeToNumber). */
  readonly code: number;
  /** Entries. */
  readonly weight: number;
  /** Numeric kind id (see APPLICANT_KINDS). */
  readonly kind: number;
}

/** Validates one input record and computes its weight; issues are located at `at`. */
export type RecordReader = (record: unknown, at: IssueLocation) => WeighedRecord | Issue[];

/** Weight of a counted record: steps for its draws, plus the C5 bonus. Shared by every reader. */
export type CountedWeigher = (draws: number, c5: boolean) => number;

const TABLED_DRAWS = 1024;

/** The weigher of a counted policy (flat or ladder). */
export function countedWeigher(policy: Policy): CountedWeigher {
  const rule = policy.weights;
  const bonus = policy.c5ExtraSteps;
  // Real draw counts are small (Beijing has held < 200 draws): look them up, compute the rest.
  const table = new Uint32Array(TABLED_DRAWS);
  for (let draws = 0; draws < TABLED_DRAWS; draws++) table[draws] = countedSteps(rule, draws);
  return (draws, c5) => (draws < TABLED_DRAWS ? table[draws]! : countedSteps(rule, draws)) + (c5 ? bonus : 0);
}

/** The fast-path shape of a policy's records. */
export function fastShapeOf(policy: Policy): FastShape | undefined {
  // 2021– records (families, person ids) are outside the fast shape: JSON.parse and zod read them.
  if (policy.weights.rule === 'beijing2021') return undefined;
  const explicit = policy.weights.rule === 'explicit';
  return {
    explicit,
    drawsRequired: policy.weights.rule === 'ladder',
    weigh: explicit ? undefined : countedWeigher(policy),
  };
}

/**
 * The reader for a policy. Records of the usual shape are checked by a hand-written fast path
 * (zod is ~4× slower on millions of records); anything the fast path does not accept goes to the
 * zod schema, which is the definition: it either accepts the record or explains what is wrong.
 * The fast path accepts only records the schema accepts (a property test checks this); `fastPath`
 * false reads every record with the schema. Not for 2021– policies (see PoolBuilder).
 */
export function recordReaderFor(policy: Policy, fastPath = true): RecordReader {
  // 2021– records name persons, checked across the whole pool: PoolBuilder reads them (Reader2021).
  const schema = recordSchemaFor(policy);
  const shape = fastShapeOf(policy)!;
  const fields = new RecordFields();
  return (record, at) => {
    if (fastPath && fields.fromObject(record) && weighFields(fields, shape))
      return { code: fields.code, weight: fields.weight, kind: fields.kind };
    return readWithSchema(schema, shape, record, at);
  };
}

/** The slow path: the zod schema decides, and explains every problem. */
export function readWithSchema(
  schema: z.ZodMiniType,
  shape: FastShape,
  record: unknown,
  at: IssueLocation,
): WeighedRecord | Issue[] {
  const result = parseWith(schema, record, at);
  if (!result.ok) return explainWeightField(result.issues, shape.explicit);
  const value = result.value as {
    kind?: 'individual' | 'family' | 'unit';
    code: string;
    draws?: number;
    c5?: boolean;
    weight?: number;
  };
  const weight = shape.weigh === undefined ? value.weight! : shape.weigh(value.draws ?? 0, value.c5 === true);
  if (weight > MAX_WEIGHT) {
    return [
      {
        code: 'invalid_value',
        path: [...at.path, 'draws'],
        message: `draws gives ${weight} entries, more than ${MAX_WEIGHT}`,
        ...(at.line === undefined ? {} : { line: at.line }),
      },
    ];
  }
  return { code: codeToNumber(value.code), weight, kind: kindId(value.kind ?? 'individual') };
}

// The commonest mistake is a `weight` under a policy that computes weights (or the reverse):
// say so instead of a bare "unknown field".
function explainWeightField(issues: Issue[], isExplicit: boolean): Issue[] {
  return issues.map((issue) => {
    const field = issue.path[issue.path.length - 1];
    if (issue.code === 'unknown_field' && field === 'weight' && !isExplicit) {
      return {
        ...issue,
        message:
          'unknown field "weight": this policy computes entries from draws; use the explicit policy to give weights',
      };
    }
    if (issue.code === 'unknown_field' && (field === 'draws' || field === 'c5') && isExplicit) {
      return {
        ...issue,
        message: `unknown field "${String(field)}": the explicit policy takes a weight, not a draw history`,
      };
    }
    return issue;
  });
}
