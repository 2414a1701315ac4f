import { isCustomerEvent, isInvoiceEvent, isPaymentEvent } from '../../domain/wave-webhook';
import type { WaveEvent } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { syncCustomerEvent } from './sync-customer';
import { syncInvoiceEvent } from './sync-invoice';
import type { SyncResult } from './sync-result';

/** Routes a verified, parsed Wave event to its sync; event types the app does not know are ignored. */
export async function syncWaveEvent(ctx: SyncContext, event: WaveEvent): Promise<SyncResult> {
  if (isInvoiceEvent(event) || isPaymentEvent(event)) return syncInvoiceEvent(ctx, event);
  if (isCustomerEvent(event)) return syncCustomerEvent(ctx, event);
  return { outcome: 'ignored', notes: [`Event type "${event.type}" is not one the app syncs.`] };
}
