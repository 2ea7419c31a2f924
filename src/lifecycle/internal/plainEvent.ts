import { isWellFormedString } from '../../encoding/utf8';
import { hasOnly, isObject, isOptionalCount } from '../../family/fastCheck2021';
import { isApplicationCode } from '../../pool/applicationCode';
import { parseTimestamp } from '../../time/timestamp';
import type { RegistryEvent } from '../RegistryEvent';

const APPLIED_KEYS = new Set([
  'type',
  'at',
  'code',
  'personId',
  'kind',
  'draws',
  'c5',
  'drawsTo2020',
  'drawsSince2021',
]);
const REVIEWED_KEYS = new Set(['type', 'at', 'code', 'approved']);
const CODE_KEYS = new Set(['type', 'at', 'code']);
const KINDS = new Set(['individual', 'family', 'unit']);
const CODE_EVENTS = new Set(['quota-confirmed', 'vehicle-registered', 'continuation-confirmed', 'cancelled']);

// Batches often carry many events with the same time: the last one parsed is remembered.
let lastText = '';
let lastAt: number | undefined;

/**
 * The fast path of event validation: the event (and its time, parsed) when it is plainly a valid `applied` (no
 * family or queue fields), `reviewed` (no reasons) or single-code event, else undefined and the
 * zod schema decides and explains. Accepts only what EVENT_SCHEMAS accept (a property test checks
 * this): replaying millions of arrivals should not cost a schema walk each.
 */
export function readPlainEvent(value: unknown): { event: RegistryEvent; at: number } | undefined {
  if (!isObject(value)) return undefined;
  const text = value['at'];
  const code = value['code'];
  if (typeof text === 'string' && text !== lastText) {
    lastText = text;
    lastAt = parseTimestamp(text);
  }
  const at = typeof text === 'string' ? lastAt : undefined;
  if (at === undefined) return undefined;
  if (typeof code !== 'string' || !isApplicationCode(code)) return undefined;
  const type = value['type'];
  if (type === 'applied') {
    const id = value['personId'];
    const plain =
      hasOnly(value, APPLIED_KEYS) &&
      typeof id === 'string' &&
      id.length >= 1 &&
      id.length <= 200 &&
      isWellFormedString(id) &&
      (value['kind'] === undefined || KINDS.has(value['kind'] as string)) &&
      isOptionalCount(value['draws']) &&
      isOptionalCount(value['drawsTo2020']) &&
      isOptionalCount(value['drawsSince2021']) &&
      (value['c5'] === undefined || typeof value['c5'] === 'boolean');
    return plain ? { event: value as unknown as RegistryEvent, at } : undefined;
  }
  if (type === 'reviewed')
    return hasOnly(value, REVIEWED_KEYS) && typeof value['approved'] === 'boolean'
      ? { event: value as unknown as RegistryEvent, at }
      : undefined;
  return CODE_EVENTS.has(type as string) && hasOnly(value, CODE_KEYS)
    ? { event: value as unknown as RegistryEvent, at }
    : undefined;
}
