import { storedAppConfig, type AppConfig } from './config';
import type { EventRecord } from './event-dedupe';
import { kvs } from './kvs';
import { storageKeys } from './keys';

export interface DeliveryStart {
  config: AppConfig;
  /** The delivery's event was already applied (a redelivery): what it was applied to. */
  applied?: { issueKey?: string };
}

/**
 * What a webhook delivery needs before it touches a record, in one read: the configuration, and whether its event
 * was already applied, so a redelivery is answered without locking or writing anything.
 */
export async function readDeliveryStart(eventId: string): Promise<DeliveryStart> {
  const keys = { config: storageKeys.config(), event: storageKeys.event(eventId) };
  const { successfulKeys } = await kvs.batchGet<unknown>(Object.values(keys).map((key) => ({ key })));
  const value = (key: string) => successfulKeys.find((item) => item.key === key)?.value;
  const event = value(keys.event) as EventRecord | undefined;
  return {
    config: storedAppConfig(value(keys.config)),
    ...(event?.state === 'done' ? { applied: event.issueKey ? { issueKey: event.issueKey } : {} } : {}),
  };
}
