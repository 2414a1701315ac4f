import { z } from 'zod';
import { WaveEnvelopeError } from './envelope-error';
import { customerSchema, invoiceSchema, paymentSchema } from './resource-schemas';
import {
  CUSTOMER_EVENT_TYPES,
  INVOICE_EVENT_TYPES,
  PAYMENT_EVENT_TYPES,
  type CustomerEvent,
  type CustomerEventType,
  type InvoiceEvent,
  type InvoiceEventType,
  type PaymentEvent,
  type PaymentEventType,
  type UnknownEvent,
  type WaveEvent,
} from './types';

const envelopeSchema = z.object({
  id: z.string().min(1, 'must be a non-empty string'),
  type: z.string().min(1, 'must be a non-empty string'),
  occurredAt: z.string().min(1, 'must be a non-empty string'),
  businessId: z.string().min(1, 'must be a non-empty string').optional(),
  data: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
});
const occurredAtSchema = z.iso.datetime({ offset: true });

type Envelope = z.infer<typeof envelopeSchema>;
type EnvelopeBase = Pick<WaveEvent, 'id' | 'occurredAt' | 'businessId'>;

/**
 * Parses a webhook body (contract: docs/wave-webhooks.md) into a WaveEvent.
 * Throws WaveEnvelopeError: 400 kinds for a body that is no envelope, 422 for data that cannot be Wave's.
 */
export function parseWaveEnvelope(rawBody: string): WaveEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WaveEnvelopeError('not_json', 'the body is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WaveEnvelopeError('not_object', 'the body must be a JSON object');
  }
  const envelope = parseWith(envelopeSchema, json, '', 'missing_field');
  if (!occurredAtSchema.safeParse(envelope.occurredAt).success) {
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
  schema: z.ZodType<T>,
): T | { id: string; thin: true } {
  const resource = resourceObject(data, key);
  const keys = Object.keys(resource);
  if (keys.length === 1 && keys[0] === 'id' && typeof resource.id === 'string' && resource.id !== '') {
    return { id: resource.id, thin: true };
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
  schema: z.ZodType<T>,
  value: unknown,
  pathPrefix: string,
  kind: 'missing_field' | 'invalid_data',
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = pathPrefix + (issue?.path ?? []).map(String).join('.');
  const where = path.replace(/\.$/, '') || '(body)';
  throw new WaveEnvelopeError(kind, `${where}: ${describe(issue)}`, where);
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is invalid';
  // Zod says "expected string, received undefined" for an absent field; say it plainly.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: expected')) {
    return / received undefined$/.test(issue.message) ? 'is missing' : `must be of type ${issue.expected}`;
  }
  return issue.message;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function isInvoiceEvent(event: WaveEvent): event is InvoiceEvent {
  return !('unknown' in event) && isOneOf<InvoiceEventType>(INVOICE_EVENT_TYPES, event.type);
}

export function isCustomerEvent(event: WaveEvent): event is CustomerEvent {
  return !('unknown' in event) && isOneOf<CustomerEventType>(CUSTOMER_EVENT_TYPES, event.type);
}

export function isPaymentEvent(event: WaveEvent): event is PaymentEvent {
  return !('unknown' in event) && isOneOf<PaymentEventType>(PAYMENT_EVENT_TYPES, event.type);
}

export function isUnknownEvent(event: WaveEvent): event is UnknownEvent {
  return 'unknown' in event;
}
