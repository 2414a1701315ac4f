import type { CustomerEvent } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { customerRecord } from './customer-record';
import { syncRecord } from './sync-record';
import type { SyncResult } from './sync-result';

/** `customer.created|updated` (the full envelope only: Wave sends no customer webhooks): upsert the account issue. */
export async function syncCustomerEvent(ctx: SyncContext, event: CustomerEvent): Promise<SyncResult> {
  const customerId = event.customer.id;
  if (!ctx.config.features.customerIssues) return { outcome: 'ignored', notes: ['Customer issues are turned off.'] };
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  const record = customerRecord(ctx, businessId, async () => {
    if (!('thin' in event.customer)) return event.customer;
    const customer = await ctx.wave().getCustomer(businessId, customerId);
    return customer ?? { finished: { outcome: 'gone', notes: [`Wave no longer knows customer ${customerId}.`] } };
  });
  return syncRecord(ctx, record, { waveId: customerId, eventId: event.id });
}
