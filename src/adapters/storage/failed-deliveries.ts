import { kvs } from './kvs';
import { storageKeys } from './keys';

/** As long as the activity log keeps the entry that offers the replay. */
const RETENTION = { value: 30, unit: 'DAYS' } as const;
/** KVS values stop at 240 KiB; a larger body cannot be kept (Wave's own retries still cover it). */
const MAX_KEPT_BYTES = 200 * 1024;

/** A failed delivery's verified body, kept so an admin can replay it. */
export interface KeptDelivery {
  eventId: string;
  rawBody: string;
}

export const canKeepDelivery = (rawBody: string): boolean => Buffer.byteLength(rawBody, 'utf8') <= MAX_KEPT_BYTES;

/** The key, value and retention of a kept body, for a transaction that writes it beside other keys. */
export function keptDeliveryItem(kept: KeptDelivery) {
  return { key: storageKeys.failedDelivery(kept.eventId), value: { rawBody: kept.rawBody }, ttl: RETENTION };
}

/** Keeps the verified body of a delivery that failed; false when it is too large to keep. */
export async function saveFailedDelivery(kept: KeptDelivery): Promise<boolean> {
  if (!canKeepDelivery(kept.rawBody)) return false;
  const { key, value, ttl } = keptDeliveryItem(kept);
  await kvs.set(key, value, { ttl });
  return true;
}

export async function loadFailedDelivery(eventId: string): Promise<string | undefined> {
  return (await kvs.get<{ rawBody: string }>(storageKeys.failedDelivery(eventId)))?.rawBody;
}
