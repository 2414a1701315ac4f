/**
 * Deliveries already applied, by Wave event id: written with the record they changed (`record-store.ts`), read
 * with it. Wave retries a delivery for days at most; a week of memory covers every retry.
 */
export const EVENT_TTL = { value: 7, unit: 'DAYS' } as const;

export interface EventRecord {
  state: 'done';
  claimedAt: number;
}
