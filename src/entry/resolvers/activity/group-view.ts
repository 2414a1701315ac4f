import type { DeliveryRecord } from '../../../adapters/storage/activity-log';
import type { ActivityGroupView } from '../api';
import { firstKnown, outcomeOf, type AttemptGroup } from './attempt-groups';
import { whatToDo } from './what-to-do';

/** One row of Activity: the event's facts from whichever attempt knows them, the last attempt's outcome and details. */
export function groupView(group: AttemptGroup, readable: (text: string) => string): ActivityGroupView {
  const last = group.attempts[0] as DeliveryRecord;
  const first = group.attempts[group.attempts.length - 1] as DeliveryRecord;
  const outcome = outcomeOf(group);
  const invoiceNumber = firstKnown(group, 'invoiceNumber');
  const issueKey = firstKnown(group, 'issueKey');
  const advice = whatToDo(last);
  return {
    key: group.key,
    attempts: group.attempts.length,
    firstAt: first.receivedAt,
    lastAt: last.receivedAt,
    outcome,
    ...(last.source ? { source: last.source } : {}),
    ...(last.eventType ? { eventType: last.eventType } : {}),
    ...(group.eventId ? { eventId: group.eventId } : {}),
    ...(invoiceNumber ? { invoiceNumber } : {}),
    ...(issueKey ? { issueKey } : {}),
    ...(last.reason ? { reason: readable(last.reason) } : {}),
    ...(advice ? { whatToDo: advice } : {}),
    replayable: outcome === 'failed' && group.eventId !== undefined && last.eventType !== 'backfill',
  };
}
