import { WaveSignatureError } from './signature-error';

export type ParsedSignatureHeader =
  { scheme: 'timestamped'; timestamp: number; signatures: Buffer[] } | { scheme: 'bare'; signature: Buffer };

export type SignatureHeaderValue = string | readonly string[] | null | undefined;

const SCHEME_KEY = /^(t|v\d+)=/;
const HEX = /^[0-9a-fA-F]+$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Reads either `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` or the bare `[sha256=]<hex|base64>`.
 * Repeated headers (an array) are joined with commas, as HTTP does. Error messages
 * describe the problem without echoing the header back.
 */
export function parseSignatureHeader(value: SignatureHeaderValue): ParsedSignatureHeader {
  const values = typeof value === 'string' ? [value] : (value ?? []);
  const header = values
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .join(',');
  if (header === '') throw new WaveSignatureError('missing_header', 'the x-wave-signature header is missing');

  const parts = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.some((part) => SCHEME_KEY.test(part)) ? parseTimestamped(parts) : parseBare(header);
}

function parseTimestamped(parts: string[]): ParsedSignatureHeader {
  const timestamps = new Set<string>();
  const signatures: Buffer[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw malformed('every entry must be key=value');
    const key = part.slice(0, eq);
    const val = part.slice(eq + 1);
    if (key === 't') timestamps.add(val);
    else if (key === 'v1') {
      if (!HEX.test(val) || val.length % 2 !== 0) throw malformed('v1 must be a hex HMAC-SHA256');
      signatures.push(Buffer.from(val, 'hex'));
    }
    // Other keys (future schemes) are ignored, as Stripe does, so a sender can add one without breaking us.
  }
  if (timestamps.size !== 1) throw malformed('expected exactly one t=<unix seconds>');
  const [timestamp] = [...timestamps];
  if (timestamp === undefined || !UNIX_SECONDS.test(timestamp)) throw malformed('t must be a unix time in seconds');
  if (signatures.length === 0) throw malformed('expected at least one v1=<hex> signature');
  return { scheme: 'timestamped', timestamp: Number(timestamp), signatures };
}

function parseBare(header: string): ParsedSignatureHeader {
  const value = header.replace(/^sha256=/i, '');
  if (SHA256_HEX.test(value)) return { scheme: 'bare', signature: Buffer.from(value, 'hex') };
  if (BASE64.test(value)) return { scheme: 'bare', signature: Buffer.from(value, 'base64') };
  throw malformed('expected t=<unix seconds>,v1=<hex> or [sha256=]<hex or base64 HMAC>');
}

function malformed(detail: string): WaveSignatureError {
  return new WaveSignatureError('malformed_header', `the x-wave-signature header is malformed: ${detail}`);
}
