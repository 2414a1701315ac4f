import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_TOLERANCE_SECONDS } from './constants';
import { hmacSha256, timestampedPayload, type RawBody } from './hmac';
import { WaveSignatureError } from './signature-error';
import { parseSignatureHeader, type SignatureHeaderValue } from './signature-header';

export interface VerifyWaveSignatureInput {
  /** The body exactly as received: any re-serialisation breaks the signature. */
  rawBody: RawBody;
  header: SignatureHeaderValue;
  /** Acceptable secrets, current first, then the previous one during a rotation. Empty entries are skipped. */
  secrets: readonly (string | null | undefined)[];
  /** Now, from the injected clock: a Date or epoch milliseconds. */
  now: Date | number;
  toleranceSeconds?: number;
  /**
   * What dates a bare signature (which signs no time): the body's `occurredAt` (the full envelope, default), or
   * Wave's `x-wave-timestamp` header when present (Wave's own deliveries, which the app only takes as a prompt to
   * re-read Wave, so a replay can at worst cause a re-read).
   */
  bareFreshness?: { source: 'body-occurred-at' } | { source: 'timestamp-header'; header: string | undefined };
}

export interface VerifiedWaveSignature {
  scheme: 'timestamped' | 'bare';
  /** Which entry of `secrets` matched (so the caller can tell a delivery signed with the previous secret). */
  secretIndex: number;
  /** Unix seconds: the header's `t`, or for the bare form the body's `occurredAt` or `x-wave-timestamp`; null when none dates it. */
  timestamp: number | null;
}

/**
 * Verifies an `x-wave-signature` header (contract: docs/wave-webhooks.md). Pure: no I/O, the
 * time comes from `now`. Throws WaveSignatureError; returns only for an authentic, fresh body.
 * The signature is checked before the timestamp, so a timestamp reason means "genuine but stale".
 */
export function verifyWaveSignature(input: VerifyWaveSignatureInput): VerifiedWaveSignature {
  const nowMs = toEpochMs(input.now);
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0)
    throw new RangeError('toleranceSeconds must be a number >= 0');

  const secrets = input.secrets
    .map((secret, index) => ({ secret, index }))
    .filter(
      (entry): entry is { secret: string; index: number } => typeof entry.secret === 'string' && entry.secret !== '',
    );
  if (secrets.length === 0)
    throw new WaveSignatureError('no_secret_configured', 'no webhook signing secret is configured');

  const parsed = parseSignatureHeader(input.header);
  if (parsed.scheme === 'timestamped') {
    const secretIndex = findMatchingSecret(
      secrets,
      parsed.signatures,
      timestampedPayload(parsed.timestamp, input.rawBody),
    );
    checkFreshness(parsed.timestamp * 1000, nowMs, toleranceSeconds, 'the signature timestamp');
    return { scheme: 'timestamped', secretIndex, timestamp: parsed.timestamp };
  }
  const secretIndex = findMatchingSecret(secrets, [parsed.signature], [input.rawBody]);
  const freshness = input.bareFreshness ?? { source: 'body-occurred-at' };
  if (freshness.source === 'timestamp-header') {
    if (freshness.header === undefined || freshness.header.trim() === '')
      return { scheme: 'bare', secretIndex, timestamp: null };
    const seconds = readTimestampHeader(freshness.header);
    checkFreshness(seconds * 1000, nowMs, toleranceSeconds, 'the x-wave-timestamp header');
    return { scheme: 'bare', secretIndex, timestamp: seconds };
  }
  const occurredAtMs = readBodyTimestamp(input.rawBody);
  checkFreshness(occurredAtMs, nowMs, toleranceSeconds, "the body's occurredAt");
  return { scheme: 'bare', secretIndex, timestamp: Math.floor(occurredAtMs / 1000) };
}

function readTimestampHeader(value: string): number {
  const trimmed = value.trim();
  if (!/^\d{1,12}$/.test(trimmed)) {
    throw new WaveSignatureError(
      'timestamp_header_invalid',
      'the x-wave-timestamp header is not a unix time in seconds',
    );
  }
  return Number(trimmed);
}

function findMatchingSecret(
  secrets: { secret: string; index: number }[],
  candidates: Buffer[],
  payload: RawBody[],
): number {
  for (const { secret, index } of secrets) {
    const expected = hmacSha256(secret, ...payload);
    if (candidates.some((candidate) => constantTimeEqual(candidate, expected))) return index;
  }
  throw new WaveSignatureError('signature_mismatch', 'no signature in the x-wave-signature header matches the body');
}

function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  // timingSafeEqual throws on unequal lengths; a signature's length is no secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkFreshness(timestampMs: number, nowMs: number, toleranceSeconds: number, what: string): void {
  const driftMs = nowMs - timestampMs;
  if (Math.abs(driftMs) <= toleranceSeconds * 1000) return;
  const seconds = Math.round(Math.abs(driftMs) / 1000);
  if (driftMs > 0) {
    throw new WaveSignatureError(
      'timestamp_too_old',
      `${what} is ${seconds} s old; the tolerance is ${toleranceSeconds} s`,
    );
  }
  throw new WaveSignatureError(
    'timestamp_in_future',
    `${what} is ${seconds} s in the future; the tolerance is ${toleranceSeconds} s`,
  );
}

/** The bare form has no signed timestamp of its own: the (now authenticated) body's occurredAt stands in. */
function readBodyTimestamp(rawBody: RawBody): number {
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    body = undefined;
  }
  const occurredAt =
    typeof body === 'object' && body !== null ? (body as { occurredAt?: unknown }).occurredAt : undefined;
  if (occurredAt === undefined || occurredAt === null || occurredAt === '') {
    throw new WaveSignatureError(
      'body_timestamp_missing',
      "the bare signature form needs the body's occurredAt, and it is missing",
    );
  }
  const ms = typeof occurredAt === 'string' && ISO_DATE_TIME.test(occurredAt) ? Date.parse(occurredAt) : NaN;
  if (!Number.isFinite(ms)) {
    throw new WaveSignatureError(
      'body_timestamp_invalid',
      "the body's occurredAt is not an ISO-8601 date-time with a zone",
    );
  }
  return ms;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function toEpochMs(now: Date | number): number {
  const ms = now instanceof Date ? now.getTime() : now;
  if (!Number.isFinite(ms)) throw new RangeError('now must be a valid Date or epoch milliseconds');
  return ms;
}
