/**
 * Whether an invoice state is newer than the one last applied. `modifiedAt` decides; Wave stamps to the
 * second, so two states can share one (a payment recorded right after sending): then the state that is
 * further along wins (more paid, or a later status), which a late delivery of the earlier one cannot undo.
 */

import type { WaveInvoice } from '../wave-webhook/types';
import { compareInstants } from './instant';
import { stateOrder, type StateOrder } from './link';
import { moneyToMinor } from './money';
import type { InvoiceLink } from './types';

const STATUS_PROGRESS: Record<string, number> = {
  DRAFT: 0,
  SAVED: 1,
  SENT: 2,
  VIEWED: 3,
  UNPAID: 3,
  OVERDUE: 4,
  PARTIAL: 5,
  PAID: 6,
  OVERPAID: 7,
};

export function invoiceStateOrder(link: InvoiceLink | null, invoice: WaveInvoice): StateOrder {
  const order = stateOrder(link?.modifiedAt ?? null, invoice.modifiedAt);
  if (order !== 'stale' || !link || compareInstants(invoice.modifiedAt, link.modifiedAt) !== 0) return order;
  const paid = moneyToMinor(invoice.amountPaid) ?? link.ledger.wavePaidMinor;
  if (paid !== link.ledger.wavePaidMinor) return paid > link.ledger.wavePaidMinor ? 'newer' : 'stale';
  return (STATUS_PROGRESS[invoice.status] ?? -1) > (STATUS_PROGRESS[link.waveStatus] ?? -1) ? 'newer' : 'stale';
}
