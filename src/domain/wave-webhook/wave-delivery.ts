import { MAX_ID_LENGTH } from './constants';
import { WaveEnvelopeError } from './envelope-error';
import { isOneOf } from './event-guards';
import { INVOICE_EVENT_TYPES, type InvoiceEvent, type UnknownEvent } from './types';
import { invoiceGlobalId, isNumericRecordId, parseBusinessId } from './wave-ids';

/**
 * Wave's own delivery (its Webhooks Setup Guide; ../shared/docs/platform-facts.md):
 * `{"event_id", "event_type", "business_id", "data": {"invoice_id", "customer_id", "amount_paid", …}}`.
 * It is a prompt, never the data: only the ids are read, the invoice itself is then read from Wave's API.
 * Every other field (amounts, dates, anything Wave adds) is ignored and never echoed in an error.
 */
export function parseWaveDelivery(json: Record<string, unknown>, receivedAt: string): InvoiceEvent | UnknownEvent {
  const id = requiredText(json.event_id, 'event_id');
  const type = requiredText(json.event_type, 'event_type');
  const business = parseBusinessId(requiredText(json.business_id, 'business_id'));
  if (!business) throw invalid('business_id', 'must be a Wave business id: its uuid or its GraphQL global id');
  const base = { id, occurredAt: receivedAt, businessId: business.globalId };

  // Estimate events, and any type Wave adds later, are acknowledged and ignored.
  if (!isOneOf(INVOICE_EVENT_TYPES, type)) return { ...base, type, unknown: true };
  const data = json.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WaveEnvelopeError('missing_field', 'data: must be an object', 'data');
  }
  const invoiceId = numericId((data as Record<string, unknown>).invoice_id, 'data.invoice_id');
  return { ...base, type, invoice: { id: invoiceGlobalId(business, invoiceId), thin: true } };
}

function requiredText(value: unknown, path: string): string {
  if (value === undefined || value === null) throw new WaveEnvelopeError('missing_field', `${path}: is missing`, path);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(path, 'must be a non-empty string');
  if (value.length > MAX_ID_LENGTH) throw invalid(path, `must have at most ${MAX_ID_LENGTH} characters`);
  return value;
}

/** Wave's numeric ids travel as strings (19 digits); a JSON number is taken only while it is still exact. */
function numericId(value: unknown, path: string): string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value);
    throw invalid(path, 'must be sent as a string of digits (a JSON number this long has lost digits)');
  }
  const text = requiredText(value, path);
  if (!isNumericRecordId(text)) throw invalid(path, 'must be the numeric id of a Wave invoice (digits only)');
  return text;
}

function invalid(path: string, what: string): WaveEnvelopeError {
  return new WaveEnvelopeError('invalid_data', `${path}: ${what}`, path);
}
