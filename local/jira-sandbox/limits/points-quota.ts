import type { Clock } from '../../clock';
import type { PointsQuotaSettings } from '../settings/sandbox-settings';
import type { RateLimited } from './rate-limiter';

const HOUR_MS = 3_600_000;

export interface PointsUsage {
  enabled: boolean;
  pointsPerHour: number;
  /** The current window: the runtime clock's hour (Jira's quota resets at the top of the hour). */
  windowStart: string;
  windowEnd: string;
  spentThisHour: number;
  remainingThisHour: number;
  /** Since the sandbox started (or the last reset), over every window. */
  totalSpent: number;
  requests: number;
  refused: number;
  byOperation: Record<string, { requests: number; points: number }>;
}

/**
 * Jira's hourly points quota for the app (the global pool: 65,000 points an hour by default), on the
 * runtime clock. A request is refused once the hour's budget is spent; what a request costs is charged
 * after it is answered, so the last one admitted may take the hour past its budget, as on Jira.
 */
export class PointsQuota {
  private windowStart = 0;
  private spent = 0;
  private totalSpent = 0;
  private requests = 0;
  private refused = 0;
  private byOperation = new Map<string, { requests: number; points: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => PointsQuotaSettings,
  ) {}

  /** Undefined when the request may go ahead; else how long until the hour's budget renews. */
  check(): RateLimited | undefined {
    const { enabled, pointsPerHour } = this.settings();
    if (!enabled) return undefined;
    this.roll();
    if (this.spent < pointsPerHour) return undefined;
    this.refused += 1;
    const now = this.clock.now();
    const resetAt = this.windowStart + HOUR_MS;
    return {
      reason: 'jira-quota-global-based',
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
      limit: pointsPerHour,
      resetAt,
    };
  }

  charge(operationId: string, points: number): void {
    this.roll();
    this.spent += points;
    this.totalSpent += points;
    this.requests += 1;
    const entry = this.byOperation.get(operationId) ?? { requests: 0, points: 0 };
    entry.requests += 1;
    entry.points += points;
    this.byOperation.set(operationId, entry);
  }

  /** The quota headers Jira adds to answers (`Beta-RateLimit*`, and `X-RateLimit-NearLimit` under 20% left). */
  headers(): Record<string, string> {
    const { enabled, pointsPerHour } = this.settings();
    if (!enabled) return {};
    this.roll();
    const remaining = Math.max(0, pointsPerHour - this.spent);
    const secondsLeft = Math.ceil((this.windowStart + HOUR_MS - this.clock.now()) / 1000);
    return {
      'beta-ratelimit-policy': `"global-app-quota";q=${pointsPerHour};w=3600`,
      'beta-ratelimit': `"global-app-quota";r=${remaining};t=${secondsLeft}`,
      ...(remaining < pointsPerHour * 0.2 ? { 'x-ratelimit-nearlimit': 'true' } : {}),
    };
  }

  usage(): PointsUsage {
    const { enabled, pointsPerHour } = this.settings();
    this.roll();
    return {
      enabled,
      pointsPerHour,
      windowStart: new Date(this.windowStart).toISOString(),
      windowEnd: new Date(this.windowStart + HOUR_MS).toISOString(),
      spentThisHour: this.spent,
      remainingThisHour: Math.max(0, pointsPerHour - this.spent),
      totalSpent: this.totalSpent,
      requests: this.requests,
      refused: this.refused,
      byOperation: Object.fromEntries([...this.byOperation].map(([key, value]) => [key, { ...value }])),
    };
  }

  /** Forgets the counters; the current hour's spending still counts against its budget. */
  resetCounters(): void {
    this.totalSpent = 0;
    this.requests = 0;
    this.refused = 0;
    this.byOperation = new Map();
  }

  private roll(): void {
    const window = Math.floor(this.clock.now() / HOUR_MS) * HOUR_MS;
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.spent = 0;
    }
  }
}
