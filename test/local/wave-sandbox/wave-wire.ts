import { createHmac } from 'node:crypto';
import { SIGNING_SECRET, type Json } from './harness';
import type { Received } from './listener';

/** Short real-time retries for the sender's tests. */
export const FAST_RETRY = { initialDelayMs: 20, maxDelayMs: 80, maxAttempts: 4, attemptTimeoutMs: 5_000 };

/** HMAC-SHA256 as hex, computed here rather than with the app's module: the sender is checked independently. */
export function hmacHex(payload: string, secret = SIGNING_SECRET): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

/**
 * Checks one request against Wave's timestamped scheme: `x-wave-signature: t=<s>,v1=<hex HMAC of "<t>.<body>">`
 * and `x-wave-timestamp: <s>` with the same t, signed at most 5 s before `nowMs` (a loaded machine is slow). Returns t.
 */
export function expectSignedByWave(request: Received, nowMs: number): number {
  const header = String(request.headers['x-wave-signature']);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) throw new Error(`not a timestamped Wave signature: ${header}`);
  const t = Number(match[1]);
  expect(match[2]).toBe(hmacHex(`${t}.${request.body}`));
  expect(request.headers['x-wave-timestamp']).toBe(String(t));
  expect(t).toBeLessThanOrEqual(Math.floor(nowMs / 1000));
  expect(nowMs - t * 1000).toBeLessThan(5_000);
  return t;
}

/** The JSON body of a request in Wave's format. */
export function waveBody(request: Received | undefined): Json {
  if (!request) throw new Error('no request was received');
  return JSON.parse(request.body);
}
