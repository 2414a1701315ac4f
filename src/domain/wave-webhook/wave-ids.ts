/**
 * Wave's ids. GraphQL global ids are base64 of "Business:<business uuid>" and, for a business's records,
 * "Business:<business uuid>;Invoice:<n>"; Wave's own webhooks carry only the uuid (or the business's
 * global id) and the numeric part `<n>` of the invoice (19 digits: kept a string, a JS number loses digits).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BUSINESS_GLOBAL = /^Business:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const RECORD_GLOBAL = /^Business:([0-9a-f-]{36});(Invoice|Customer|Payment|Estimate):(\d+)(?:;.*)?$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Numeric record ids: Wave's are 19 digits; allow some headroom, never unbounded. */
const NUMERIC_ID = /^\d{1,30}$/;

export interface WaveBusinessId {
  uuid: string;
  /** The GraphQL global id, base64("Business:<uuid>"). */
  globalId: string;
}

const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

function fromBase64(text: string): string | null {
  if (!BASE64.test(text) || text.length % 4 !== 0) return null;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** A business id as Wave's webhooks send it (its uuid, or its global id); null when it is neither. */
export function parseBusinessId(value: string): WaveBusinessId | null {
  const trimmed = value.trim();
  if (UUID.test(trimmed))
    return { uuid: trimmed.toLowerCase(), globalId: toBase64(`Business:${trimmed.toLowerCase()}`) };
  const decoded = fromBase64(trimmed);
  const match = decoded === null ? null : BUSINESS_GLOBAL.exec(decoded);
  return match?.[1] ? { uuid: match[1].toLowerCase(), globalId: trimmed } : null;
}

export function isNumericRecordId(value: string): boolean {
  return NUMERIC_ID.test(value);
}

/** The GraphQL global id of a business's invoice, from the numeric id Wave's webhook carries. */
export function invoiceGlobalId(business: WaveBusinessId, numericId: string): string {
  return toBase64(`Business:${business.uuid};Invoice:${numericId}`);
}

/** The numeric part of a record's global id ("2496756670638588934"), or null when it is not one of Wave's. */
export function numericIdOf(globalId: string): string | null {
  const decoded = fromBase64(globalId);
  const match = decoded === null ? null : RECORD_GLOBAL.exec(decoded);
  return match?.[3] ?? null;
}
