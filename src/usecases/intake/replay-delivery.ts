import { loadFailedDelivery } from '../../adapters/storage/failed-deliveries';
import { NotFoundError } from '../../shared/errors';
import type { IntakeOutcome } from './intake-outcome';
import { syncVerifiedDelivery } from './sync-verified-delivery';

/**
 * Runs a failed delivery again from the body kept when it arrived (its signature was verified then).
 * Exactly-once still holds: an event that has meanwhile been processed answers "duplicate".
 */
export async function replayDelivery(eventId: string): Promise<IntakeOutcome> {
  const rawBody = await loadFailedDelivery(eventId);
  if (rawBody === undefined)
    throw new NotFoundError(`no failed delivery ${eventId} is kept (they are kept for 30 days)`);
  return syncVerifiedDelivery(rawBody, Date.now(), 'replay');
}
