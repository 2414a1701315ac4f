/**
 * Wave's global ids: base64 of "Business:<uuid>;<Kind>:<n>", n a 19-digit number (beyond a JS number's
 * exact range, so it is kept as a string). Wave's webhooks carry only n (`invoice_id`), and the app rebuilds
 * the invoice's global id from it: invoices use exactly this form. Digits after a 54-byte prefix never
 * encode to `+` or `/` (tested), so customers and payments seeded with an import tag (bytes like `~?>`)
 * carry those, to keep the app's KVS key encoding exercised on every character base64 can produce.
 */
export type WaveIdKind = 'Invoice' | 'Customer' | 'Payment' | 'Estimate';

/** A Wave-like numeric id: 19 digits, no leading zero. */
export const WAVE_NUMERIC_ID = /^[1-9]\d{18}$/;

export function businessGlobalId(businessUuid: string): string {
  return base64(`Business:${businessUuid}`);
}

export function userGlobalId(userUuid: string): string {
  return base64(`User:${userUuid}`);
}

export function resourceGlobalId(businessUuid: string, kind: WaveIdKind, n: string, importTag?: string): string {
  const suffix = importTag === undefined ? '' : `;Import:${importTag}`;
  return base64(`Business:${businessUuid};${kind}:${n}${suffix}`);
}

export interface ParsedGlobalId {
  businessUuid: string;
  kind: string;
  n: string;
}

/** The parts of a resource's global id, or undefined when it is not one (a caller-chosen id, say). */
export function parseResourceGlobalId(id: string): ParsedGlobalId | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return undefined;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const match = /^Business:([0-9a-f-]{36});([A-Za-z]+):(\d+)(?:;Import:[^;]*)?$/.exec(decoded);
  if (!match || base64(decoded) !== id) return undefined;
  const [, businessUuid = '', kind = '', n = ''] = match;
  return { businessUuid, kind, n };
}

/** n of a resource's global id of the given kind, or undefined. */
export function numericIdOf(id: string, kind: WaveIdKind): string | undefined {
  const parsed = parseResourceGlobalId(id);
  return parsed?.kind === kind ? parsed.n : undefined;
}

/** The next numeric id after n (string arithmetic: 19 digits do not fit a JS number). */
export function nextNumericId(n: string | number): string {
  return (BigInt(n) + 1n).toString();
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Wave's web app links use the business uuid and the invoice's numeric id, never the base64 id. */
export function invoiceUrls(businessUuid: string, n: string): { viewUrl: string; pdfUrl: string } {
  const base = `https://next.waveapps.com/${businessUuid}/invoices/${n}`;
  return { viewUrl: base, pdfUrl: `${base}/pdf` };
}
