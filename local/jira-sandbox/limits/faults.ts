import type { Clock } from '../../clock';
import type { JiraFaults, JiraFaultSettings } from '../types';
import { seededRandom } from './prng';

export type FaultDecision =
  | { kind: 'outage'; retryAfterSeconds: number }
  | { kind: 'storm'; retryAfterSeconds: number; resetAt: number }
  | { kind: 'error'; status: number };

const DEFAULT_FAULTS: JiraFaults = { errorRate: 0, lostAnswers: 0, latencyMs: 0, seed: 1 };
const ERROR_STATUSES = [500, 502, 503, 504];

/**
 * Injected failures for REST calls. Outage and rate-limit-storm windows run on the runtime
 * clock, so advancing the clock ends them (a 30 s outage needs no 30 s wait); latency is real
 * time. Which requests fail at `errorRate` comes from a seeded PRNG: the same seed and the
 * same request sequence fail the same requests.
 */
export class FaultInjector {
  private current: JiraFaults = { ...DEFAULT_FAULTS };
  private random = seededRandom(DEFAULT_FAULTS.seed);
  rateLimitsEnabled = true;

  constructor(private readonly clock: Clock) {}

  get faults(): JiraFaults {
    return { ...this.current };
  }

  set(settings: JiraFaultSettings): void {
    const now = this.clock.now();
    const next: JiraFaults = { ...this.current };
    if (settings.errorRate !== undefined) next.errorRate = Math.min(1, Math.max(0, settings.errorRate));
    if (settings.lostAnswers !== undefined) next.lostAnswers = Math.max(0, settings.lostAnswers);
    if (settings.latencyMs !== undefined) next.latencyMs = Math.max(0, settings.latencyMs);
    if (settings.rateLimitStorm) next.rateLimitStormUntil = now + settings.rateLimitStorm.durationMs;
    if (settings.outage) next.outageUntil = now + settings.outage.durationMs;
    if (settings.seed !== undefined || settings.errorRate !== undefined) {
      next.seed = settings.seed ?? next.seed;
      this.random = seededRandom(next.seed);
    }
    if (settings.rateLimits !== undefined) this.rateLimitsEnabled = settings.rateLimits;
    this.current = next;
  }

  clear(): void {
    this.current = { ...DEFAULT_FAULTS };
    this.random = seededRandom(DEFAULT_FAULTS.seed);
    this.rateLimitsEnabled = true;
  }

  decide(): FaultDecision | undefined {
    const now = this.clock.now();
    const { outageUntil, rateLimitStormUntil, errorRate } = this.current;
    if (outageUntil !== undefined && now < outageUntil)
      return { kind: 'outage', retryAfterSeconds: Math.ceil((outageUntil - now) / 1000) };
    if (rateLimitStormUntil !== undefined && now < rateLimitStormUntil) {
      return {
        kind: 'storm',
        retryAfterSeconds: Math.max(1, Math.ceil((rateLimitStormUntil - now) / 1000)),
        resetAt: rateLimitStormUntil,
      };
    }
    if (errorRate > 0 && this.random() < errorRate) {
      return { kind: 'error', status: ERROR_STATUSES[Math.floor(this.random() * ERROR_STATUSES.length)] as number };
    }
    return undefined;
  }

  /** Whether the answer to a write Jira just applied is lost on its way back (counts it). */
  losesAnswer(): boolean {
    if (this.current.lostAnswers <= 0) return false;
    this.current.lostAnswers -= 1;
    return true;
  }
}
