import { isEventDone, markEventDone } from '../../adapters/storage/event-dedupe';
import { withRecordLock } from '../../adapters/storage/record-lock';
import { getLink } from '../../adapters/storage/links';
import type { CustomerLink } from '../../domain/sync';
import type { CustomerEvent } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { applyCustomerState } from './apply-customer-state';
import type { SyncResult } from './sync-result';

/** `customer.created|updated` (the full envelope only: Wave sends no customer webhooks): upsert the account issue. */
export async function syncCustomerEvent(ctx: SyncContext, event: CustomerEvent): Promise<SyncResult> {
  const customerId = event.customer.id;
  if (!ctx.config.features.customerIssues) return { outcome: 'ignored', notes: ['Customer issues are turned off.'] };
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  return withRecordLock('customer', customerId, ctx.budget, async () => {
    if (await isEventDone(event.id)) {
      const link = await getLink<CustomerLink>('customer', customerId);
      return { outcome: 'duplicate', issueKey: link?.issue.key, notes: [] };
    }
    const customer = 'thin' in event.customer ? await ctx.wave().getCustomer(businessId, customerId) : event.customer;
    if (!customer) {
      await markEventDone(event.id, { now: ctx.budget.now });
      return { outcome: 'gone', notes: [`Wave no longer knows customer ${customerId}; nothing to sync.`] };
    }
    const applied = await applyCustomerState(ctx, customer, businessId);
    await markEventDone(event.id, { now: ctx.budget.now });
    return { outcome: applied.plan.outcome, issueKey: applied.link?.issue.key, notes: applied.plan.notes };
  });
}
