import type { Clock } from '../../clock';

export interface RateLimited {
  reason: 'jira-burst-based' | 'jira-per-issue-on-write' | 'jira-quota-global-based';
  retryAfterSeconds: number;
  limit: number;
  resetAt: number;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

export const BURST_PER_SECOND: Record<string, number> = { GET: 100, POST: 100, PUT: 50, DELETE: 50, PATCH: 50 };
export const ISSUE_WINDOWS = [
  { ms: 2_000, limit: 20 },
  { ms: 30_000, limit: 100 },
];

/**
 * Jira's documented rate limits, on the runtime clock: a token bucket per endpoint (method +
 * path template; one site here) refilling at its per-second rate, and per-issue write windows
 * (20 writes in 2 s, 100 in 30 s).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly issueWrites = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Takes a token for the endpoint, or says how long to wait. */
  burst(method: string, pathTemplate: string): RateLimited | undefined {
    const rate = BURST_PER_SECOND[method] ?? 100;
    const now = this.clock.now();
    const key = `${method} ${pathTemplate}`;
    const bucket = this.buckets.get(key) ?? { tokens: rate, refilledAt: now };
    const tokens = Math.min(rate, bucket.tokens + (Math.max(0, now - bucket.refilledAt) / 1000) * rate);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, refilledAt: now });
      const waitMs = ((1 - tokens) / rate) * 1000;
      return {
        reason: 'jira-burst-based',
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
        limit: rate,
        resetAt: now + waitMs,
      };
    }
    this.buckets.set(key, { tokens: tokens - 1, refilledAt: now });
    return undefined;
  }

  /** Records a write to the issue, or says how long to wait. */
  issueWrite(issueId: string): RateLimited | undefined {
    const now = this.clock.now();
    const longest = Math.max(...ISSUE_WINDOWS.map((window) => window.ms));
    const writes = (this.issueWrites.get(issueId) ?? []).filter((time) => time > now - longest);
    for (const window of ISSUE_WINDOWS) {
      const inWindow = writes.filter((time) => time > now - window.ms);
      if (inWindow.length >= window.limit) {
        this.issueWrites.set(issueId, writes);
        const resetAt = (inWindow[0] as number) + window.ms;
        return {
          reason: 'jira-per-issue-on-write',
          retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
          limit: window.limit,
          resetAt,
        };
      }
    }
    writes.push(now);
    this.issueWrites.set(issueId, writes);
    return undefined;
  }

  reset(): void {
    this.buckets.clear();
    this.issueWrites.clear();
  }
}
