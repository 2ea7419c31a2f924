import * as z from 'zod/mini';
import { TIMESTAMP_PATTERN, parseOffset } from './timestamp';

/**
 * Timestamp text: the grammar only (the pattern also goes into the published JSON Schema).
 * Whether it names a real date is checked where the record is read, with the field named.
 */
export const TimestampSchema: z.ZodMiniString = z.string().check(
  z.regex(TIMESTAMP_PATTERN, {
    error: 'expected an ISO 8601 timestamp with offset, e.g. "2018-01-07T14:56:11.401+08:00"',
  }),
);

/** A UTC offset, "Z" or ±hh:mm with hours ≤ 23 and minutes ≤ 59. */
export const UtcOffsetSchema: z.ZodMiniType<string> = z.string().check(
  z.regex(/^(Z|[+-]\d{2}:\d{2})$/, { error: 'expected a UTC offset such as "+08:00"' }),
  z.refine((text) => parseOffset(text) !== undefined, { error: 'expected a UTC offset such as "+08:00"' }),
);
