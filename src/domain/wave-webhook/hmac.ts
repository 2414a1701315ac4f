import { createHmac } from 'node:crypto';

export type RawBody = string | Uint8Array;

export function hmacSha256(secret: string, ...parts: RawBody[]): Buffer {
  const hmac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  for (const part of parts) hmac.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  return hmac.digest();
}

/** What the timestamped scheme signs: `"<t>.<raw body>"`. */
export function timestampedPayload(timestamp: number, rawBody: RawBody): RawBody[] {
  return [`${timestamp}.`, rawBody];
}
