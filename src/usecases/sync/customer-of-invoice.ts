import { getLink } from '../../adapters/storage/links';
import { contentChanged, stateOrder, type CustomerLink } from '../../domain/sync';
import { customerContent } from '../../domain/sync/customer-content';
import type { WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import { isAppError } from '../../shared/errors';
import type { SyncContext } from '../sync-context';
import { customerRecord } from './customer-record';
import { syncRecord } from './sync-record';

/**
 * Wave sends no customer webhooks, so an invoice brings its customer along: the customer's account issue is
 * created with its first invoice and kept current from the customer Wave returns with each invoice read. The
 * full envelope names the customer only: an unknown one is read from Wave once. Answers the link the invoice
 * issue should be linked to (null when customer issues or links are off, or there is no customer).
 */
export async function customerLinkForInvoice(
  ctx: SyncContext,
  invoice: WaveInvoice | undefined,
  customer: WaveCustomer | null,
  businessId: string,
  notes: string[],
): Promise<CustomerLink | null> {
  const { customerIssues, issueLinks } = ctx.config.features;
  const customerId = invoice?.customer?.id;
  if (!customerIssues || !customerId) return null;
  const existing = (await getLink<CustomerLink>('customer', customerId)) ?? null;
  const known = customer ?? (existing ? null : await readCustomer(ctx, businessId, customerId, notes));
  if (known && customerNeedsApplying(known, existing, businessId)) {
    // Applied on the side of the invoice's delivery: no event of its own, no activity entry of its own.
    const applied = await syncRecord(
      { ...ctx, activityOf: undefined, failureLog: undefined },
      customerRecord(ctx, businessId, async () => known),
      { waveId: customerId },
    );
    notes.push(...applied.notes);
    const saved = await getLink<CustomerLink>('customer', customerId);
    return issueLinks ? (saved ?? null) : null;
  }
  return issueLinks ? existing : null;
}

/** A new customer, a newer state of it, or the same state owing other amounts (its invoices changed). */
function customerNeedsApplying(customer: WaveCustomer, link: CustomerLink | null, businessId: string): boolean {
  if (link === null) return true;
  const order = stateOrder(link.modifiedAt, customer.modifiedAt);
  return (
    order === 'newer' || (order === 'same' && contentChanged(customerContent(customer, businessId), link.fingerprints))
  );
}

/** The customer of a full-envelope invoice, read once; a failure only means no account issue yet. */
async function readCustomer(
  ctx: SyncContext,
  businessId: string,
  customerId: string,
  notes: string[],
): Promise<WaveCustomer | null> {
  try {
    return (await ctx.wave().getCustomer(businessId, customerId)) ?? null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    notes.push(`The customer's account issue waits for the next change: ${error.message}.`);
    return null;
  }
}
