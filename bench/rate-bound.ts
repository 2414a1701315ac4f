import { BURST_PER_SECOND, ISSUE_WINDOWS } from '../local/jira-sandbox/limits/rate-limiter';
import type { JiraStats } from '../local/jira-sandbox/types';
import { servedByEndpoint } from './jira-stats';

/** The least time one limit allows for the requests a run made, and what sets it. */
export interface LimitBound {
  seconds: number;
  detail: string;
}

/** Writes the per-issue limit counts: any non-GET on an issue's path, and the app field API (issue ids in its body). */
const isIssueWrite = (method: string, path: string) =>
  method !== 'GET' && (path.includes('{issueIdOrKey}') || path === '/rest/api/3/app/field/value');

/**
 * Jira's burst limit (the sandbox's, which follows Jira's): per endpoint e (method + path template) a token bucket
 * refilling at r_e per second and holding c_e = r_e tokens (one second's worth) at the start. N_e requests served
 * on e need at least T_e = max(0, N_e − c_e) / r_e seconds; buckets are independent, so the bound is the largest
 * T_e. N_e counts only the requests Jira served (not 429s, not injected 5xx, which the sandbox refuses before
 * taking a token), i.e. the requests the run actually needed, retries of failed ones included.
 */
export function jiraBurstBound(stats: JiraStats): LimitBound {
  let bound: LimitBound = { seconds: 0, detail: 'no request' };
  for (const [key, endpoint] of servedByEndpoint(stats)) {
    const rate = BURST_PER_SECOND[endpoint.method] ?? 100;
    const seconds = Math.max(0, endpoint.count - rate) / rate;
    if (seconds >= bound.seconds) bound = { seconds, detail: `${key} (${endpoint.count} at ${rate}/s)` };
  }
  return bound;
}

/**
 * Jira's per-issue write limit: sliding windows (20 per 2 s, 100 per 30 s). W writes to one issue span at least
 * floor((W − 1) / L) × D for a window of L writes per D; W is the run's average writes per issue (every invoice
 * goes through the same lifecycle).
 */
export function perIssueBound(stats: JiraStats, issues: number): LimitBound {
  let writes = 0;
  for (const endpoint of servedByEndpoint(stats).values())
    if (isIssueWrite(endpoint.method, endpoint.path)) writes += endpoint.count;
  const perIssue = issues > 0 ? writes / issues : 0;
  let bound: LimitBound = { seconds: 0, detail: `${perIssue.toFixed(1)} writes per issue` };
  for (const window of ISSUE_WINDOWS) {
    const seconds = (Math.floor(Math.max(0, perIssue - 1) / window.limit) * window.ms) / 1000;
    if (seconds > bound.seconds)
      bound = { seconds, detail: `${perIssue.toFixed(1)} writes per issue, ${window.limit} per ${window.ms / 1000} s` };
  }
  return bound;
}
