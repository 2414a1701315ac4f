import type { InvoiceRecord } from './records';
import type { WaveState } from './state';

/** Statuses of an approved invoice that still owes money: past its due date, Wave calls it OVERDUE. */
const OWING = new Set(['SAVED', 'SENT', 'VIEWED', 'PARTIAL', 'UNPAID']);

/**
 * Turns into OVERDUE every owing invoice whose due date the clock has passed since the last check
 * (a due date of D is passed once the UTC day is after D), stamping modifiedAt with the clock; returns
 * them. Only crossings count: an invoice a caller stored already past due keeps the status it was given.
 */
export function markPassedDueDates(state: WaveState): InvoiceRecord[] {
  const today = state.today();
  const checkedThrough = state.overdueCheckedThrough();
  if (today <= checkedThrough) return [];
  return state.transaction(() => {
    const now = state.nowIso();
    const overdue = state.invoices
      .list()
      .filter(
        (invoice) =>
          OWING.has(invoice.status) &&
          invoice.amountDueRaw > 0 &&
          invoice.dueDate >= checkedThrough &&
          invoice.dueDate < today,
      )
      .map((invoice) => ({ ...invoice, status: 'OVERDUE', modifiedAt: now }));
    for (const invoice of overdue) state.invoices.put(invoice.id, invoice);
    state.setOverdueCheckedThrough(today);
    return overdue;
  });
}
