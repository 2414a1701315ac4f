import { storedAppConfig, type AppConfig } from './config';
import { batchRead } from './batch-read';
import { appliedEvent } from './event-dedupe';
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
  const stored = await batchRead({ config: storageKeys.config(), event: storageKeys.event(eventId) });
  const event = appliedEvent(stored.event);
  return {
    config: storedAppConfig(stored.config),
    ...(event ? { applied: event.issueKey ? { issueKey: event.issueKey } : {} } : {}),
  };
}
