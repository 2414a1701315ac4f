/**
 * Deliveries already applied, by Wave event id: written with the record they changed (`record-store.ts`), read
 * with it and, for a webhook delivery, with the configuration before anything is locked (`delivery-start.ts`).
 * Wave retries a delivery for days at most; a week of memory covers every retry.
 */
export const EVENT_TTL = { value: 7, unit: 'DAYS' } as const;

export interface EventRecord {
  state: 'done';
  claimedAt: number;
  /** The issue the event was applied to, for the answer to a redelivery. */
  issueKey?: string;
}

/** The event's mark as read from storage, when it says the event was applied. */
export const appliedEvent = (stored: unknown): EventRecord | undefined =>
  (stored as EventRecord | undefined)?.state === 'done' ? (stored as EventRecord) : undefined;
