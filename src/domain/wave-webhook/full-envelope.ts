import * as v from 'valibot';
import { object, pathOf } from '../../shared/validation';
import { WaveEnvelopeError } from './envelope-error';
import { MAX_ID_LENGTH } from './constants';
import { ISO_DATE_TIME } from './iso-formats';
import { customerSchema, idSchema, invoiceSchema, paymentSchema } from './resource-schemas';
import {
  CUSTOMER_EVENT_TYPES,
  INVOICE_EVENT_TYPES,
  PAYMENT_EVENT_TYPES,
  type CustomerEvent,
  type InvoiceEvent,
  type PaymentEvent,
  type UnknownEvent,
  type WaveEvent,
} from './types';
import { isOneOf } from './event-guards';

const envelopeSchema = object({
  id: idSchema,
  type: v.pipe(
    v.string(),
    v.minLength(1, 'must be a non-empty string'),
    v.maxLength(MAX_ID_LENGTH, `must have at most ${MAX_ID_LENGTH} characters`),
  ),
  occurredAt: v.pipe(
    v.string(),
    v.minLength(1, 'must be a non-empty string'),
    v.maxLength(64, 'must be an ISO-8601 date-time'),
  ),
  businessId: v.optional(idSchema),
  data: v.custom<Record<string, unknown>>(
    (data) => typeof data === 'object' && data !== null && !Array.isArray(data),
    'must be an object',
  ),
});

type Envelope = v.InferOutput<typeof envelopeSchema>;
type EnvelopeBase = Pick<WaveEvent, 'id' | 'occurredAt' | 'businessId'>;

/**
 * Parses the product brief's full-object envelope (`{id, type, occurredAt, businessId?, data: {invoice|customer|
 * payment}}`, docs/wave-webhooks.md), already read as a JSON object, into a WaveEvent.
 * Throws WaveEnvelopeError: 400 kinds for a body that is no envelope, 422 for data that cannot be Wave's.
 */
export function parseFullEnvelope(json: Record<string, unknown>): WaveEvent {
  const envelope = parseWith(envelopeSchema, json, '', 'missing_field');
  if (!ISO_DATE_TIME.test(envelope.occurredAt)) {
    throw new WaveEnvelopeError('invalid_data', 'occurredAt: must be an ISO-8601 date-time with a zone', 'occurredAt');
  }
  const base: EnvelopeBase = {
    id: envelope.id,
    occurredAt: envelope.occurredAt,
    ...(envelope.businessId !== undefined && { businessId: envelope.businessId }),
  };
  return toEvent(envelope, base);
}

function toEvent(envelope: Envelope, base: EnvelopeBase): WaveEvent {
  const { type, data } = envelope;
  if (isOneOf(INVOICE_EVENT_TYPES, type)) {
    const invoice = thinOrFull(data, 'invoice', invoiceSchema);
    return { ...base, type, invoice } satisfies InvoiceEvent;
  }
  if (isOneOf(CUSTOMER_EVENT_TYPES, type)) {
    const customer = thinOrFull(data, 'customer', customerSchema);
    return { ...base, type, customer } satisfies CustomerEvent;
  }
  if (isOneOf(PAYMENT_EVENT_TYPES, type)) {
    const payment = parseWith(paymentSchema, resourceObject(data, 'payment'), 'data.payment.', 'invalid_data');
    return { ...base, type, payment } satisfies PaymentEvent;
  }
  return { ...base, type, unknown: true } satisfies UnknownEvent;
}

/** A thin resource carries only its id: the receiver fetches the rest from Wave. */
function thinOrFull<T>(
  data: Record<string, unknown>,
  key: string,
  schema: v.GenericSchema<unknown, T>,
): T | { id: string; thin: true } {
  const resource = resourceObject(data, key);
  const keys = Object.keys(resource);
  if (keys.length === 1 && keys[0] === 'id') {
    return { id: parseWith(idSchema, resource.id, `data.${key}.id`, 'invalid_data'), thin: true };
  }
  return parseWith(schema, resource, `data.${key}.`, 'invalid_data');
}

function resourceObject(data: Record<string, unknown>, key: string): Record<string, unknown> {
  const resource = data[key];
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    throw new WaveEnvelopeError('missing_field', `data.${key}: must be an object`, `data.${key}`);
  }
  return resource as Record<string, unknown>;
}

function parseWith<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
  pathPrefix: string,
  kind: 'missing_field' | 'invalid_data',
): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = (pathPrefix + pathOf(issue)).replace(/\.$/, '') || '(body)';
  // A field that is there but too long can never become valid by retrying: always 422.
  throw new WaveEnvelopeError(issue.type === 'max_length' ? 'invalid_data' : kind, `${where}: ${issue.message}`, where);
}
