import type { TestStack } from '../test/support/test-stack';
import { readJiraStats, resetJiraStats } from './jira-stats';
import type { RunUsage } from './limit-bounds';

/**
 * The platform behaviours a stack runs with that are not as the real platforms have them (every one is on by
 * default): an empty list means the run met every limit and quirk the sandboxes reproduce.
 */
export function limitsOff(t: TestStack): string[] {
  const jira = t.stack.jira.settings();
  const runtime = t.stack.runtime.settings.current;
  const off: Array<[string, boolean]> = [
    ['jira rate limits', !t.stack.jira.faults().rateLimits],
    ['jira points quota', !jira.pointsQuota.enabled],
    ['jira search lag', jira.searchLagMs === 0],
    ['jira time tracking', !jira.timeTracking.enabled],
    ['kvs quotas', !runtime.kvsQuotas.enabled],
    ['queue limits', !runtime.queueLimits.enabled],
    ['time limits', !runtime.timeLimits.enabled],
  ];
  return off.filter(([, isOff]) => isOff).map(([name]) => name);
}

/** Forgets what Jira, the KVS and the queues counted so far; answers the runtime clock's time (the run's start). */
export async function resetUsage(t: TestStack): Promise<number> {
  await resetJiraStats(t.stack.baseUrl);
  t.stack.runtime.resetUsage();
  return t.stack.clock.now();
}

/** What the run asked of Jira, the KVS and the queues since `resetUsage`, with the limits it ran under. */
export async function readUsage(t: TestStack, startMs: number, issues: number): Promise<RunUsage> {
  const platform = t.stack.runtime.usage();
  if (!platform.kvs) throw new Error('the runtime does not count KVS usage');
  return {
    startMs,
    issues,
    jira: await readJiraStats(t.stack.baseUrl),
    kvs: platform.kvs,
    queue: platform.queue,
    jiraRateLimits: t.stack.jira.faults().rateLimits,
    jiraSettings: t.stack.jira.settings(),
    runtimeSettings: t.stack.runtime.settings.current,
  };
}

/** Moves the runtime clock to the start of its next window of `windowMs` (running what falls due on the way). */
export async function alignClock(t: TestStack, windowMs: number): Promise<void> {
  const now = t.stack.clock.now();
  await t.stack.runtime.advanceClock(Math.ceil(now / windowMs) * windowMs - now);
}
