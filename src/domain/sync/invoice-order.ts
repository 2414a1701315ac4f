/**
 * Whether an invoice state is newer than the one last applied. `modifiedAt` decides; Wave stamps to the
 * second, so two states can share one (a payment recorded right after sending): then the state that is
 * further along wins (more paid, or a later status), which a late delivery of the earlier one cannot undo.
 */

import type { WaveInvoice } from '../wave-webhook/types';
import { stateOrder, type StateOrder } from './link';
import { moneyToMinor } from './money';
import type { InvoiceLink } from './types';
import { statusProgress } from './wave-statuses';

export function invoiceStateOrder(link: InvoiceLink | null, invoice: WaveInvoice): StateOrder {
  const order = stateOrder(link?.modifiedAt ?? null, invoice.modifiedAt);
  if (order !== 'same' || !link) return order;
  const paid = moneyToMinor(invoice.amountPaid) ?? link.ledger.wavePaidMinor;
  if (paid !== link.ledger.wavePaidMinor) return paid > link.ledger.wavePaidMinor ? 'newer' : 'stale';
  const progress = statusProgress(invoice.status) - statusProgress(link.waveStatus);
  return progress > 0 ? 'newer' : progress < 0 ? 'stale' : 'same';
}
