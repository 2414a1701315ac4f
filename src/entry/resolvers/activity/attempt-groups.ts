import type { DeliveryOutcome, DeliveryRecord } from '../../../adapters/storage/activity-log';

/**
 * Every logged attempt at one event, newest first (Wave retries a delivery until it gets a 2xx, and each try is
 * logged). Entries without an event id (a backfill summary, a keeper note) are groups of one.
 */
export interface AttemptGroup {
  key: string;
  eventId?: string;
  /** Newest first; the first one is the group's outcome. */
  attempts: DeliveryRecord[];
}

/**
 * Adds entries (newest first, as the log lists them) to groups: an event's first entry seen is its newest attempt
 * and opens its group; later (older) ones join it. `openGroups: false` only joins: entries of events not yet
 * grouped are left out (they belong to the next page).
 */
export function addAttempts(
  groups: Map<string, AttemptGroup>,
  entries: readonly DeliveryRecord[],
  options: { openGroups: boolean; skipEvent?: (eventId: string) => boolean },
): void {
  for (const entry of entries) {
    if (entry.eventId !== undefined && options.skipEvent?.(entry.eventId)) continue;
    const key = entry.eventId !== undefined ? `event:${entry.eventId}` : `entry:${entry.receivedAt}:${groups.size}`;
    const group = groups.get(key);
    if (group) group.attempts.push(entry);
    else if (options.openGroups)
      groups.set(key, { key, ...(entry.eventId !== undefined ? { eventId: entry.eventId } : {}), attempts: [entry] });
  }
}

/** The group's outcome: its newest attempt's. */
export const outcomeOf = (group: AttemptGroup): DeliveryOutcome => (group.attempts[0] as DeliveryRecord).outcome;

/** A fact of the event as the attempts know it (the newest that has it): a failed try may lack the invoice number. */
export function firstKnown<K extends keyof DeliveryRecord>(
  group: AttemptGroup,
  field: K,
): DeliveryRecord[K] | undefined {
  return group.attempts.find((attempt) => attempt[field] !== undefined && attempt[field] !== '')?.[field];
}
