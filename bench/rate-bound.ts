import { BURST_PER_SECOND, ISSUE_WINDOWS } from '../local/jira-sandbox/limits/rate-limiter';
import type { JiraStats } from '../local/jira-sandbox/types';
import { servedByEndpoint } from './jira-stats';

export interface RateBound {
  /** The least time Jira's limits allow for the requests the run needed, in seconds. */
  seconds: number;
  /** The endpoint (or "per-issue writes") that sets it. */
  bindingLimit: string;
}

/** Writes the per-issue limit counts: any non-GET on an issue's path, and the app field API (issue ids in its body). */
const isIssueWrite = (method: string, path: string) =>
  method !== 'GET' && (path.includes('{issueIdOrKey}') || path === '/rest/api/3/app/field/value');

/**
 * How fast Jira's rate limits let the run's request mix through (the sandbox's limits, which follow Jira's):
 *
 * - per endpoint e (method + path template) a token bucket refilling at r_e per second and holding
 *   c_e = r_e tokens (one second's worth) at the start. N_e requests served on e need at least
 *   T_e = max(0, N_e − c_e) / r_e seconds. Buckets are independent, so all endpoints can proceed at once.
 * - per issue, writes are limited by sliding windows (20 per 2 s, 100 per 30 s). W writes to one issue span at
 *   least floor((W − 1) / L) × D for a window of L writes per D; W is the run's average writes per issue
 *   (every invoice goes through the same lifecycle).
 *
 * T = max over all of these; the bound on throughput is deliveries / T. N_e counts only the requests Jira
 * served (not 429s, not injected 5xx, which the sandbox refuses before taking a token), i.e. the requests
 * the run actually needed, retries of failed ones included.
 */
export function rateBound(stats: JiraStats, issues: number): RateBound {
  let seconds = 0;
  let bindingLimit = 'none';
  let issueWrites = 0;
  for (const [key, endpoint] of servedByEndpoint(stats)) {
    const rate = BURST_PER_SECOND[endpoint.method] ?? 100;
    const endpointSeconds = Math.max(0, endpoint.count - rate) / rate;
    if (endpointSeconds > seconds) {
      seconds = endpointSeconds;
      bindingLimit = `${key} (${endpoint.count} at ${rate}/s)`;
    }
    if (isIssueWrite(endpoint.method, endpoint.path)) issueWrites += endpoint.count;
  }
  const perIssue = issues > 0 ? issueWrites / issues : 0;
  for (const window of ISSUE_WINDOWS) {
    const windowSeconds = (Math.floor(Math.max(0, perIssue - 1) / window.limit) * window.ms) / 1000;
    if (windowSeconds > seconds) {
      seconds = windowSeconds;
      bindingLimit = `per-issue writes (${perIssue.toFixed(1)} per issue, ${window.limit} per ${window.ms / 1000} s)`;
    }
  }
  return { seconds, bindingLimit };
}
