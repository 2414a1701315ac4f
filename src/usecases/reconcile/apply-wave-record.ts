import { getLink } from '../../adapters/storage/links';
import { stateOrder, type CustomerLink, type InvoiceLink, type SyncOutcome } from '../../domain/sync';
import type { CustomerEvent, InvoiceEvent, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { syncWaveEvent } from '../sync/sync-event';

/** Who read the record from Wave: part of the synthesized event id, so a repeated read is a duplicate. */
export type RecordOrigin = 'sweep' | 'backfill';

export interface AppliedRecord {
  /** `up-to-date`: the link already holds this state or a newer one; nothing was asked of Jira. */
  outcome: SyncOutcome | 'up-to-date';
  /** A first issue for the record was created (or adopted). */
  created: boolean;
  eventId?: string;
  eventType?: string;
  issueKey?: string;
  invoiceNumber?: string;
  notes: string[];
}

const upToDate: AppliedRecord = { outcome: 'up-to-date', created: false, notes: [] };

function alreadyApplied(link: { modifiedAt: string; deleted?: boolean } | undefined, modifiedAt: string): boolean {
  return link !== undefined && (link.deleted === true || stateOrder(link.modifiedAt, modifiedAt) !== 'newer');
}

/**
 * Applies an invoice as Wave lists it, through the same path as a webhook (lock, exactly-once,
 * modifiedAt ordering). A state the link already has costs one KVS read and no Jira call.
 */
export async function applyWaveInvoice(ctx: SyncContext, invoice: WaveInvoice, origin: RecordOrigin, businessId: string): Promise<AppliedRecord> {
  const link = await getLink<InvoiceLink>('invoice', invoice.id);
  if (alreadyApplied(link, invoice.modifiedAt)) return upToDate;
  const event: InvoiceEvent = {
    id: `${origin}:${invoice.id}:${invoice.modifiedAt}`,
    type: link ? 'invoice.updated' : 'invoice.created',
    occurredAt: invoice.modifiedAt,
    businessId,
    invoice,
  };
  const result = await syncWaveEvent(ctx, event);
  return {
    outcome: result.outcome,
    created: !link && result.outcome === 'processed',
    eventId: event.id,
    eventType: event.type,
    issueKey: result.issueKey,
    invoiceNumber: result.invoiceNumber ?? invoice.invoiceNumber,
    notes: result.notes,
  };
}

export async function applyWaveCustomer(ctx: SyncContext, customer: WaveCustomer, origin: RecordOrigin, businessId: string): Promise<AppliedRecord> {
  const link = await getLink<CustomerLink>('customer', customer.id);
  if (alreadyApplied(link, customer.modifiedAt)) return upToDate;
  const event: CustomerEvent = {
    id: `${origin}:${customer.id}:${customer.modifiedAt}`,
    type: link ? 'customer.updated' : 'customer.created',
    occurredAt: customer.modifiedAt,
    businessId,
    customer,
  };
  const result = await syncWaveEvent(ctx, event);
  return { outcome: result.outcome, created: !link && result.outcome === 'processed', eventId: event.id, eventType: event.type, issueKey: result.issueKey, notes: result.notes };
}
