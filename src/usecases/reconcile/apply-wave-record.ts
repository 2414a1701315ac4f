import { getLink } from '../../adapters/storage/links';
import {
  invoiceStateOrder,
  stateOrder,
  type CustomerLink,
  type InvoiceLink,
  type SyncOutcome,
} from '../../domain/sync';
import type { CustomerEvent, InvoiceEvent, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { syncWaveEvent } from '../sync/sync-event';

/** Who read the record from Wave: part of the synthesized event id, so a repeated read is a duplicate. */
export type RecordOrigin = 'poll' | 'backfill';

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

type WaveRecordEvent = InvoiceEvent | CustomerEvent;

/**
 * The same event a webhook would carry. Its id names the state (an invoice's status and amount paid too: two
 * states can share a second), so reading the same state again is a duplicate and a different one is not.
 */
function recordEvent(
  kind: 'invoice' | 'customer',
  record: WaveInvoice | WaveCustomer,
  exists: boolean,
  origin: RecordOrigin,
  businessId: string,
): WaveRecordEvent {
  const state = 'amountPaid' in record ? `:${record.status}:${record.amountPaid.raw}` : '';
  const base = { id: `${origin}:${record.id}:${record.modifiedAt}${state}`, occurredAt: record.modifiedAt, businessId };
  return kind === 'invoice'
    ? { ...base, type: exists ? 'invoice.updated' : 'invoice.created', invoice: record as WaveInvoice }
    : { ...base, type: exists ? 'customer.updated' : 'customer.created', customer: record as WaveCustomer };
}

/**
 * Applies a record as Wave lists it, through the same path as a webhook (lock, exactly-once, ordering).
 * A state the link already has costs one KVS read and no Jira call; "already has" is the planner's own rule.
 */
async function applyWaveRecord(
  ctx: SyncContext,
  kind: 'invoice' | 'customer',
  record: WaveInvoice | WaveCustomer,
  alreadyApplied: boolean,
  exists: boolean,
  origin: RecordOrigin,
  businessId: string,
): Promise<AppliedRecord> {
  if (alreadyApplied) return upToDate;
  const event = recordEvent(kind, record, exists, origin, businessId);
  const result = await syncWaveEvent(ctx, event);
  return {
    outcome: result.outcome,
    created: !exists && result.outcome === 'processed',
    eventId: event.id,
    eventType: event.type,
    issueKey: result.issueKey,
    invoiceNumber: result.invoiceNumber ?? ('invoiceNumber' in record ? record.invoiceNumber : undefined),
    notes: result.notes,
  };
}

export async function applyWaveInvoice(
  ctx: SyncContext,
  invoice: WaveInvoice,
  origin: RecordOrigin,
  businessId: string,
): Promise<AppliedRecord> {
  const link = (await getLink<InvoiceLink>('invoice', invoice.id)) ?? null;
  const applied = link !== null && (link.deleted || invoiceStateOrder(link, invoice) !== 'newer');
  return applyWaveRecord(ctx, 'invoice', invoice, applied, link !== null, origin, businessId);
}

export async function applyWaveCustomer(
  ctx: SyncContext,
  customer: WaveCustomer,
  origin: RecordOrigin,
  businessId: string,
): Promise<AppliedRecord> {
  const link = await getLink<CustomerLink>('customer', customer.id);
  const applied = link !== undefined && stateOrder(link.modifiedAt, customer.modifiedAt) !== 'newer';
  return applyWaveRecord(ctx, 'customer', customer, applied, link !== undefined, origin, businessId);
}
