import { refusalsSince } from '../../../adapters/storage/refusal-log';
import type { RefusalSummaryView } from '../api';

const DAY_MS = 24 * 60 * 60_000;
const EXAMPLES = 5;

/** The last 24 hours of refusals, summed (they are never stored one by one). */
export async function refusalSummary(now: number): Promise<RefusalSummaryView> {
  const since = now - DAY_MS;
  const windows = await refusalsSince(since, now);
  const byReason: Record<string, number> = {};
  for (const window of windows) {
    for (const [reason, count] of Object.entries(window.counts)) {
      byReason[reason] = (Object.hasOwn(byReason, reason) ? (byReason[reason] ?? 0) : 0) + count;
    }
  }
  const examples = windows
    .flatMap((window) => window.examples)
    .sort((a, b) => b.at - a.at)
    .slice(0, EXAMPLES);
  return {
    serverNow: now,
    since,
    total: windows.reduce((sum, window) => sum + window.total, 0),
    byReason,
    ...(windows.length > 0 ? { firstAt: Math.min(...windows.map((window) => window.firstAt)) } : {}),
    ...(windows.length > 0 ? { lastAt: Math.max(...windows.map((window) => window.lastAt)) } : {}),
    examples,
  };
}
