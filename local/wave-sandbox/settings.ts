import { z } from 'zod';
import type { SandboxSettings } from './records';

/** `POST /_sandbox/settings`: the fields to change. */
export const settingsInput = z.strictObject({
  plan: z.enum(['pro', 'starter']).optional(),
  webhooks: z.boolean().optional(),
});

/** The resource whose read scope a grant needs for Wave to deliver an event of this type. */
const SCOPE_RESOURCE: Record<string, string> = {
  invoice: 'invoice',
  // The seed's `payment.received` (format "full") is about an invoice's payments.
  payment: 'invoice',
  customer: 'customer',
  estimate: 'estimate',
};

/**
 * Why Wave would not deliver an event of this type, or undefined when it would: only for businesses
 * on Pro, only once a webhook is registered in the developer portal, and only when the app's latest
 * OAuth grant includes the event's read scope (`invoice:read` or `invoice:*` for invoice events).
 */
export function deliverySkipReason(
  settings: SandboxSettings,
  latestGrantScope: string | undefined,
  eventType: string,
): string | undefined {
  if (!settings.webhooks) return "no webhook is registered for the app in Wave's developer portal";
  if (settings.plan !== 'pro')
    return `Wave sends webhooks only for businesses on Pro (this one is on ${settings.plan})`;
  const resource = SCOPE_RESOURCE[eventType.split('.')[0] ?? ''];
  if (resource === undefined) return undefined;
  if (latestGrantScope === undefined)
    return `no OAuth grant: Wave sends ${eventType} only to apps granted ${resource}:read`;
  const scopes = latestGrantScope.split(/\s+/);
  if (scopes.includes(`${resource}:read`) || scopes.includes(`${resource}:*`)) return undefined;
  return `the app's latest OAuth grant ("${latestGrantScope}") includes neither ${resource}:read nor ${resource}:*`;
}
