import { loadFailedDelivery } from '../../adapters/storage/failed-deliveries';
import { NotFoundError } from '../../shared/errors';
import type { WebTriggerResponse } from '../../entry/webtrigger/http';
import { syncVerifiedBody } from './process-wave-delivery';

/**
 * Runs a failed delivery again from the body kept when it arrived (its signature was verified then).
 * Exactly-once still holds: an event that has meanwhile been processed answers "duplicate".
 */
export async function replayDelivery(eventId: string): Promise<WebTriggerResponse> {
  const rawBody = await loadFailedDelivery(eventId);
  if (rawBody === undefined)
    throw new NotFoundError(`no failed delivery ${eventId} is kept (they are kept for 30 days)`);
  return syncVerifiedBody(rawBody, Date.now());
}
