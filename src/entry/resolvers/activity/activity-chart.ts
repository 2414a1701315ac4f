import { DELIVERY_OUTCOMES, latestDeliveries, type DeliveryOutcome } from '../../../adapters/storage/activity-log';
import { refusalsSince } from '../../../adapters/storage/refusal-log';
import type { ActivityChartView } from '../api';

const DAY_MS = 24 * 60 * 60_000;
const PAGE_SIZE = 100;
/** Bounds the KVS reads of one chart (1,000 deliveries). */
const MAX_PAGES = 10;

const dayOf = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

function emptyCounts(): Record<DeliveryOutcome, number> {
  return Object.fromEntries(DELIVERY_OUTCOMES.map((outcome) => [outcome, 0])) as Record<DeliveryOutcome, number>;
}

/** Deliveries per UTC day and outcome for the last `days` days, today included, oldest first. */
export async function activityChart(days: number, now: number): Promise<ActivityChartView> {
  const firstDay = dayOf(now - (days - 1) * DAY_MS);
  const since = Date.parse(`${firstDay}T00:00:00.000Z`);
  const buckets = new Map<string, Record<DeliveryOutcome, number>>();
  for (let index = 0; index < days; index += 1) buckets.set(dayOf(since + index * DAY_MS), emptyCounts());

  let cursor: string | undefined;
  let reachedStart = false;
  for (let page = 0; page < MAX_PAGES && !reachedStart; page += 1) {
    const result = await latestDeliveries({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const entry of result.entries) {
      if (entry.receivedAt < since) {
        reachedStart = true;
        break;
      }
      const counts = buckets.get(dayOf(entry.receivedAt));
      if (counts) counts[entry.outcome] += 1;
    }
    cursor = result.nextCursor;
    if (!cursor) reachedStart = true;
  }
  const refused = new Map<string, number>();
  for (const window of await refusalsSince(since, now)) {
    const day = dayOf(window.windowStart);
    refused.set(day, (refused.get(day) ?? 0) + window.total);
  }
  return {
    days: [...buckets].map(([date, counts]) => ({ date, counts, refused: refused.get(date) ?? 0 })),
    today: dayOf(now),
    truncated: !reachedStart,
  };
}
