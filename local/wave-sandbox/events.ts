import { randomUUID } from 'node:crypto';

/** Builds the raw body of one webhook event, in the shape docs/wave-webhooks.md defines. */
export function eventBody(input: {
  eventId?: string;
  type: string;
  occurredAt: string;
  businessId: string;
  resourceKey: 'invoice' | 'customer' | 'payment';
  resource: { id: string };
  thin?: boolean;
}): { eventId: string; body: string } {
  const eventId = input.eventId ?? `evt_${randomUUID()}`;
  const resource = input.thin ? { id: input.resource.id } : input.resource;
  const body = JSON.stringify({
    id: eventId,
    type: input.type,
    occurredAt: input.occurredAt,
    businessId: input.businessId,
    data: { [input.resourceKey]: resource },
  });
  return { eventId, body };
}
