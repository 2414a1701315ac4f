import { kvs } from './kvs';
import { storageKeys } from './keys';

/** As long as the activity log keeps the entry that offers the replay. */
const RETENTION = { value: 30, unit: 'DAYS' } as const;
/** KVS values stop at 240 KiB; a larger body cannot be kept (Wave's own retries still cover it). */
const MAX_KEPT_BYTES = 200 * 1024;

/** Keeps the verified body of a delivery that failed, so an admin can replay it. */
export async function saveFailedDelivery(eventId: string, rawBody: string): Promise<boolean> {
  if (Buffer.byteLength(rawBody, 'utf8') > MAX_KEPT_BYTES) return false;
  await kvs.set(storageKeys.failedDelivery(eventId), { rawBody }, { ttl: RETENTION });
  return true;
}

export async function loadFailedDelivery(eventId: string): Promise<string | undefined> {
  return (await kvs.get<{ rawBody: string }>(storageKeys.failedDelivery(eventId)))?.rawBody;
}
