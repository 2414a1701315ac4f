import type { KvsUsage } from '../local/kvs';
import type { JiraSandboxSettings } from '../local/jira-sandbox/settings/sandbox-settings';
import type { JiraStats } from '../local/jira-sandbox/types';
import type { RuntimeSettings } from '../local/runtime/platform-settings';
import type { QueueUsage } from '../local/runtime/queue-limits';
import { jiraBurstBound, perIssueBound, type LimitBound } from './rate-bound';

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** What a run asked of the platform, and the limits it ran under. */
export interface RunUsage {
  /** Runtime clock when the run began: the quotas' windows are the clock's seconds, minutes and hours. */
  startMs: number;
  /** Issues the run wrote (for the per-issue limit). */
  issues: number;
  jira: JiraStats;
  kvs: KvsUsage;
  queue: QueueUsage;
  jiraRateLimits: boolean;
  jiraSettings: JiraSandboxSettings;
  runtimeSettings: RuntimeSettings;
}

export interface LimitBounds {
  /** Seconds each limit that is on needs at least, by limit. */
  bounds: Record<string, number>;
  /** The largest: the least time the run could have taken under every limit at once. */
  seconds: number;
  bindingLimit: string;
}

/**
 * The least time, from `startMs`, to use `amount` of a budget of `limit` per window of `windowMs` when windows
 * start at whole multiples of `windowMs` on the clock (how the sandboxes count) and the first window is unused:
 * 0 while the first window holds it all, else until the start of the last window needed.
 */
export function fixedWindowSeconds(amount: number, limit: number, windowMs: number, startMs: number): number {
  if (amount <= limit) return 0;
  const windowsAfterFirst = Math.ceil((amount - limit) / limit);
  const firstEnds = (Math.floor(startMs / windowMs) + 1) * windowMs;
  return (firstEnds + (windowsAfterFirst - 1) * windowMs - startMs) / 1000;
}

function windowBound(amount: number, limit: number, windowMs: number, startMs: number, unit: string): LimitBound {
  const per = windowMs === SECOND_MS ? 's' : windowMs === MINUTE_MS ? 'min' : 'h';
  return {
    seconds: fixedWindowSeconds(amount, limit, windowMs, startMs),
    detail: `${amount} ${unit} at ${limit}/${per}`,
  };
}

/**
 * Each limit's lower bound on the run's duration from what the run asked (Jira's burst and per-issue limits, the
 * hourly points quota, the KVS's per-minute write and read units and per-second requests, the queue's events per
 * minute), for the limits that are on; the binding one is the largest.
 */
export function limitBounds(usage: RunUsage): LimitBounds {
  const { startMs, jiraSettings, runtimeSettings } = usage;
  const { kvsQuotas, queueLimits } = runtimeSettings;
  const named: Record<string, LimitBound> = {};
  if (usage.jiraRateLimits) {
    named.jiraBurst = jiraBurstBound(usage.jira);
    named.jiraPerIssue = perIssueBound(usage.jira, usage.issues);
  }
  if (jiraSettings.pointsQuota.enabled) {
    const { pointsPerHour } = jiraSettings.pointsQuota;
    named.jiraPoints = windowBound(usage.jira.points.totalSpent, pointsPerHour, HOUR_MS, startMs, 'points');
  }
  if (kvsQuotas.enabled) {
    named.kvsWrites = windowBound(usage.kvs.writeUnits, kvsQuotas.writesPerMinute, MINUTE_MS, startMs, 'write units');
    named.kvsReads = windowBound(usage.kvs.readUnits, kvsQuotas.readsPerMinute, MINUTE_MS, startMs, 'read units');
    named.kvsRequests = windowBound(usage.kvs.requests, kvsQuotas.requestsPerSecond, SECOND_MS, startMs, 'requests');
  }
  if (queueLimits.enabled)
    named.queue = windowBound(usage.queue.events, queueLimits.eventsPerMinute, MINUTE_MS, startMs, 'events');

  let binding = { name: 'none', bound: { seconds: 0, detail: 'no limit is on' } as LimitBound };
  for (const [name, bound] of Object.entries(named))
    if (bound.seconds > binding.bound.seconds) binding = { name, bound };
  return {
    bounds: Object.fromEntries(Object.entries(named).map(([name, bound]) => [name, bound.seconds])),
    seconds: binding.bound.seconds,
    bindingLimit: binding.name === 'none' ? 'none' : `${binding.name}: ${binding.bound.detail}`,
  };
}
