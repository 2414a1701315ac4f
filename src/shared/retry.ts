import { UnavailableError } from './errors';
import type { TimeBudget } from './time-budget';

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Why an attempt failed in a way worth repeating, and how long the server asked us to wait. */
export interface RetryRequest {
  reason: string;
  retryAfterMs?: number;
  /** A floor below which a retry cannot succeed (e.g. a rate-limit window). */
  minDelayMs?: number;
  /** Retry at once (e.g. after refreshing a token); does not use up backoff. */
  immediate?: boolean;
  /** Waiting within this invocation cannot help (e.g. an hourly quota): fail now with the retry-after. */
  giveUp?: boolean;
  /** The failed request was a write whose effect is unknown. */
  outcomeUnknown?: boolean;
}

export type AttemptResult<T> = { done: T } | { retry: RetryRequest };

export interface RetryOptions {
  budget: TimeBudget;
  /** Names the dependency in the 503 message, e.g. "Jira". */
  service: string;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** "Full jitter": a uniform wait between 0 and the exponential cap for this retry (0-based). */
export function fullJitterDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * cap);
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function waitBeforeRetryMs(
  retryIndex: number,
  request: RetryRequest,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (request.immediate) return 0;
  return Math.max(request.retryAfterMs ?? 0, request.minDelayMs ?? 0, fullJitterDelayMs(retryIndex, policy, random));
}

function unavailable(service: string, request: RetryRequest, waitMs: number): UnavailableError {
  const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(waitMs, request.retryAfterMs ?? 0) / 1000));
  return new UnavailableError(
    `${service} is unavailable (${request.reason}); try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
    request.outcomeUnknown ?? false,
  );
}

/**
 * Runs `attempt` until it is done, throws, or asks for a retry that the attempt cap or the
 * time budget cannot afford; then it throws an UnavailableError carrying the retry-after.
 */
export async function withRetries<T>(
  attempt: (attemptIndex: number) => Promise<AttemptResult<T>>,
  options: RetryOptions,
): Promise<T> {
  const { budget, service, policy = DEFAULT_RETRY_POLICY, sleep: wait = sleep, random = Math.random } = options;
  let backoffIndex = 0;
  for (let attemptIndex = 0; ; attemptIndex += 1) {
    const result = await attempt(attemptIndex);
    if ('done' in result) return result.done;
    const request = result.retry;
    const waitMs = waitBeforeRetryMs(backoffIndex, request, policy, random);
    const attemptsLeft = attemptIndex + 1 < policy.maxAttempts;
    if (request.giveUp || !attemptsLeft || !budget.canWait(waitMs)) throw unavailable(service, request, waitMs);
    if (!request.immediate) backoffIndex += 1;
    if (waitMs > 0) await wait(waitMs);
  }
}
