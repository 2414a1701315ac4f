import { parseRetryAfterMs, type RetryRequest } from '../../shared/retry';

interface HeaderSource {
  get(name: string): string | null;
}

/** Jira's per-issue write limit counts 20 writes per 2 s: waiting less cannot help. */
const PER_ISSUE_WINDOW_MS = 2_000;
const BURST_MIN_MS = 1_000;

/** How to react to a 429, read from `Retry-After` and `RateLimit-Reason` (sometimes `Beta-` prefixed). */
export function rateLimitRetry(headers: HeaderSource, nowMs: number): RetryRequest {
  const reason = headers.get('ratelimit-reason') ?? headers.get('beta-ratelimit-reason') ?? 'unspecified';
  const retryAfterMs = parseRetryAfterMs(headers.get('retry-after'), nowMs);
  const base = { reason: `rate limited: ${reason}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (reason.includes('quota')) return { ...base, giveUp: true, retryAfterMs: retryAfterMs ?? 60_000 };
  if (reason.includes('per-issue')) return { ...base, minDelayMs: PER_ISSUE_WINDOW_MS };
  return { ...base, minDelayMs: BURST_MIN_MS };
}
