import { planInvoiceDeleted } from '../../../src/domain/sync/plan-invoice-deleted';
import { adfTexts } from './support/adf-check';
import { INVOICE_ID, invoiceAt, money, project } from './support/fixtures';
import { InvoiceHarness } from './support/invoice-harness';

describe('invoice.deleted', () => {
  it('keeps the issue, labels it, comments, marks the field, and does not move it without a DELETED mapping', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    const plan = h.deleted();
    expect(plan.outcome).toBe('processed');
    expect(h.lastCalls).toEqual(['edit', 'fields', 'comment']);
    expect(h.issue.labels).toEqual(['wave-deleted']);
    expect(h.issue.fields['wave-status']).toBe('DELETED');
    expect(h.issue.fields['wave-id']).toBe(INVOICE_ID); // the other fields stay
    expect(h.issue.statusId).toBe('3');
    expect(adfTexts(h.issue.comments[0]?.body)).toEqual([
      'Invoice 1042 was deleted in Wave. This issue is kept for the record.',
    ]);
    expect(h.link.deleted).toBe(true);
  });

  it('moves the issue to the status mapped for DELETED', () => {
    const h = new InvoiceHarness({ project: project({ statusMapping: { DELETED: '6' } }) });
    h.state(invoiceAt(1, 'SENT', 0));
    h.deleted();
    expect(h.lastCalls).toEqual(['edit', 'fields', 'transition', 'comment']);
    expect(h.issue.statusId).toBe('6');
  });

  it('answers a second delete with duplicate', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.deleted();
    expect(h.deleted()).toMatchObject({ outcome: 'duplicate', steps: [], next: null });
  });

  it('ignores later states and payments of a deleted invoice', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.deleted();
    expect(h.state(invoiceAt(5, 'PAID', 125000))).toMatchObject({ outcome: 'ignored', steps: [], next: null });
    const payment = { id: 'p1', invoiceId: INVOICE_ID, amount: money(100), paymentDate: '2026-01-17' };
    expect(h.payment(payment)).toMatchObject({ outcome: 'ignored', steps: [] });
    expect(h.issue.worklogs).toEqual([]);
  });

  it('ignores the deletion of an invoice that was never synced', () => {
    expect(planInvoiceDeleted({ link: null, project: project() })).toMatchObject({
      outcome: 'ignored',
      steps: [],
      next: null,
    });
  });
});
