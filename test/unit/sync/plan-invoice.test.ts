import { planInvoiceRecreate, planInvoiceState } from '../../../src/domain/sync/plan-invoice';
import { ledgerBalance } from '../../../src/domain/sync/payments-ledger';
import type { AddWorklogStep } from '../../../src/domain/sync/types';
import { adfProblems, adfTexts } from './support/adf-check';
import { IssueGone } from './support/fake-jira';
import { INVOICE_ID, invoice, invoiceAt, money, project } from './support/fixtures';
import { InvoiceHarness } from './support/invoice-harness';

describe('invoice lifecycle without payment events', () => {
  it('created → sent → viewed → partial payment → paid', () => {
    const h = new InvoiceHarness();

    expect(h.state(invoiceAt(0, 'DRAFT', 0)).outcome).toBe('processed');
    expect(h.lastCalls).toEqual(['create', 'fields']);
    expect(h.issue.summary).toBe('Invoice 1042 · Acme Consulting Ltd');
    expect(h.issue.properties['wave-link']).toEqual({
      waveId: INVOICE_ID,
      kind: 'invoice',
      businessId: 'QnVzaW5lc3M6MQ==',
      invoiceNumber: '1042',
      status: 'DRAFT',
      total: 1250,
      amountDue: 1250,
      amountPaid: 0,
      currency: 'USD',
      dueDate: '2026-02-15',
      customerId: 'Q3VzdG9tZXI6MQ==',
      customerName: 'Acme Consulting Ltd',
    });
    expect(h.issue.statusId).toBe('1');
    expect(h.issue.fields['wave-status']).toBe('DRAFT');
    expect(adfProblems(h.issue.description)).toEqual([]);

    h.state(invoiceAt(1, 'SENT', 0));
    expect(h.lastCalls).toEqual(['edit', 'fields', 'transition']);
    expect(h.issue.statusId).toBe('3');

    h.state(invoiceAt(2, 'VIEWED', 0));
    expect(h.lastCalls).toEqual(['edit', 'fields']); // already in progress: no transition

    h.state(invoiceAt(3, 'PARTIAL', 50000));
    expect(h.lastCalls).toEqual(['edit', 'fields', 'worklog']);
    expect(h.issue.worklogs).toEqual([
      { key: 'wave-payment-1', started: '2026-01-10T09:03:00.000+0000', timeSpentSeconds: 60, amountMinor: 50000 },
    ]);

    h.state(invoiceAt(4, 'PAID', 125000));
    expect(h.lastCalls).toEqual(['edit', 'fields', 'transition', 'worklog']);
    expect(h.issue.statusId).toBe('5');
    expect(h.logged()).toBe(125000);
    expect(h.issue.fields['wave-status']).toBe('PAID');
    expect(h.link).toMatchObject({
      waveStatus: 'PAID',
      jiraStatusId: '5',
      modifiedAt: '2026-01-10T09:04:00.000Z',
      deleted: false,
    });
  });

  it('writes a payment comment in ADF', () => {
    const h = new InvoiceHarness();
    const plan = h.state(invoiceAt(0, 'PARTIAL', 50000));
    const worklog = plan.steps.find((step): step is AddWorklogStep => step.kind === 'add-worklog');
    expect(worklog && adfTexts(worklog.comment)).toEqual(['Payment received: USD 500.00, invoice 1042']);
    expect(worklog && adfProblems(worklog.comment)).toEqual([]);
  });

  it('skips Jira entirely when a newer state changes nothing the issue shows', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(0, 'SENT', 0));
    const plan = h.state(invoiceAt(5, 'SENT', 0));
    expect(plan.outcome).toBe('processed');
    expect(h.lastCalls).toEqual([]);
    expect(h.link.modifiedAt).toBe('2026-01-10T09:05:00.000Z');
  });

  it('rewrites only the summary-free parts when only amounts change', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(0, 'SENT', 0));
    const plan = h.state(invoiceAt(1, 'SENT', 0, { total: money(130000) }));
    expect(plan.steps.map((step) => step.kind)).toEqual(['edit-issue', 'set-field-values']);
    expect(plan.steps[0]).not.toHaveProperty('summary');
    expect(h.issue.fields['wave-amount']).toBe(1300);
  });
});

describe('ordering', () => {
  it('answers a redelivered state with unchanged and no changes', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    const plan = h.state(invoiceAt(1, 'SENT', 0));
    expect(plan).toMatchObject({ outcome: 'unchanged', steps: [], next: null });
  });

  it('answers an older state with stale and no changes', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(2, 'SENT', 0));
    expect(h.state(invoiceAt(1, 'SAVED', 0))).toMatchObject({ outcome: 'stale', steps: [], next: null });
  });

  it('with the same modifiedAt (Wave stamps to the second), lets the state that is further along win, in either order', () => {
    const sentFirst = new InvoiceHarness();
    sentFirst.state(invoiceAt(1, 'SENT', 0));
    expect(sentFirst.state(invoiceAt(1, 'PARTIAL', 50000)).outcome).toBe('processed');
    expect(sentFirst.issue.fields['wave-status']).toBe('PARTIAL');
    expect(sentFirst.issue.worklogs).toHaveLength(1);

    const partialFirst = new InvoiceHarness();
    partialFirst.state(invoiceAt(1, 'PARTIAL', 50000));
    expect(partialFirst.state(invoiceAt(1, 'SENT', 0)).outcome).toBe('stale');
    expect(partialFirst.issue.fields['wave-status']).toBe('PARTIAL');
    expect(partialFirst.state(invoiceAt(1, 'VIEWED', 0)).outcome).toBe('stale');
  });

  it('answers a late older state with stale, even when it differs', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(2, 'PARTIAL', 50000));
    const plan = h.state(invoiceAt(1, 'SENT', 0));
    expect(plan).toMatchObject({ outcome: 'stale', steps: [], next: null });
    expect(h.issue.fields['wave-status']).toBe('PARTIAL');
  });

  it('ignores a state whose modifiedAt is unreadable', () => {
    const h = new InvoiceHarness();
    expect(h.state(invoice({ modifiedAt: 'not a time' })).outcome).toBe('ignored');
  });
});

describe('payments → worklogs', () => {
  it('payment event first, then the invoice update reporting it: logged once', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    expect(h.payment(paymentOf('p1', 50000)).outcome).toBe('processed');
    expect(h.lastCalls).toEqual(['worklog']);
    expect(h.issue.worklogs[0]).toMatchObject({ started: '2026-01-17T12:00:00.000+0000', amountMinor: 50000 });

    h.state(invoiceAt(2, 'PARTIAL', 50000));
    expect(h.lastCalls).toEqual(['edit', 'fields']);
    h.payment(paymentOf('p2', 75000));
    h.state(invoiceAt(3, 'PAID', 125000));
    expect(h.logged()).toBe(125000);
    expect(h.issue.worklogs).toHaveLength(2);
  });

  it('invoice update first, then the payment event for the same money: logged once', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.state(invoiceAt(2, 'PARTIAL', 50000));
    const plan = h.payment(paymentOf('p1', 50000));
    expect(plan.outcome).toBe('duplicate');
    expect(h.lastCalls).toEqual([]);
    expect(h.link.ledger.paymentIds).toEqual(['p1']);

    h.state(invoiceAt(3, 'PAID', 125000));
    h.payment(paymentOf('p2', 75000));
    expect(h.logged()).toBe(125000);
  });

  it('answers a redelivered payment with duplicate', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.payment(paymentOf('p1', 50000));
    expect(h.payment(paymentOf('p1', 50000))).toMatchObject({ outcome: 'duplicate', steps: [], next: null });
    expect(h.logged()).toBe(50000);
  });

  it('comments the worklog with amount, invoice and method', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    const plan = h.payment(paymentOf('p1', 50000));
    const worklog = plan.steps.find((step): step is AddWorklogStep => step.kind === 'add-worklog');
    expect(worklog && adfTexts(worklog.comment)).toEqual(['Payment received: USD 500.00, invoice 1042, bank transfer']);
  });

  it('creates the issue from the fetched invoice when a payment comes first', () => {
    const h = new InvoiceHarness();
    const plan = h.payment(paymentOf('p1', 50000), invoiceAt(3, 'PARTIAL', 80000));
    expect(plan.outcome).toBe('processed');
    expect(h.lastCalls).toEqual(['create', 'fields', 'transition', 'worklog', 'worklog']);
    expect(h.issue.worklogs.map((w) => [w.amountMinor, w.started])).toEqual([
      [50000, '2026-01-17T12:00:00.000+0000'],
      [30000, '2026-01-10T09:03:00.000+0000'],
    ]);
  });

  it('applies a newer invoice given with a payment event', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.payment(paymentOf('p1', 125000), invoiceAt(2, 'PAID', 125000));
    expect(h.lastCalls).toEqual(['edit', 'fields', 'transition', 'worklog']);
    expect(h.logged()).toBe(125000);
  });

  it('ignores a payment in another currency or of no amount', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    const eur = h.payment(paymentOf('p1', 50000, { amount: money(50000, 'EUR') }));
    expect(eur).toMatchObject({ outcome: 'ignored', steps: [] });
    expect(eur.notes[0]).toContain('p1');
    expect(h.payment(paymentOf('p2', 0)).outcome).toBe('ignored');
  });

  it('falls back to the event time for an unreadable payment date', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.payment(paymentOf('p1', 50000, { paymentDate: 'someday' }));
    expect(h.issue.worklogs[0]?.started).toBe('2026-01-17T15:00:00.000+0000');
  });

  it('logs nothing on a refund but notes it, and logs a later payment', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'PAID', 125000));
    const refund = h.state(invoiceAt(2, 'PARTIAL', 100000));
    expect(h.lastCalls).not.toContain('worklog');
    expect(refund.notes.join(' ')).toContain('USD 250.00');
    h.state(invoiceAt(3, 'PAID', 125000));
    expect(h.issue.worklogs.map((w) => w.amountMinor)).toEqual([125000, 25000]);
    const balance = ledgerBalance(h.link.ledger);
    expect(balance.creditedMinor).toBe(125000);
    expect(balance.expectedMinor).toBe(125000);
  });

  it('uses the configured time per worklog, at least 60 seconds', () => {
    const long = new InvoiceHarness({ worklogs: { enabled: true, timeSpentSeconds: 900 } });
    long.state(invoiceAt(1, 'PARTIAL', 100));
    expect(long.issue.worklogs[0]?.timeSpentSeconds).toBe(900);
    const short = new InvoiceHarness({ worklogs: { enabled: true, timeSpentSeconds: 5 } });
    short.state(invoiceAt(1, 'PARTIAL', 100));
    expect(short.issue.worklogs[0]?.timeSpentSeconds).toBe(60);
  });

  it('with worklogs off, counts payments without logging them, and does not back-fill when turned on', () => {
    const h = new InvoiceHarness({ worklogs: { enabled: false, timeSpentSeconds: 60 } });
    h.state(invoiceAt(1, 'PARTIAL', 50000));
    h.payment(paymentOf('p1', 50000));
    expect(h.issue.worklogs).toEqual([]);
    expect(h.link.ledger.skippedMinor).toBe(50000);

    h.ctx = { ...h.ctx, worklogs: { enabled: true, timeSpentSeconds: 60 } };
    h.state(invoiceAt(2, 'PAID', 125000));
    expect(h.issue.worklogs.map((w) => w.amountMinor)).toEqual([75000]);
  });
});

describe('crash between worklogs', () => {
  function crashedHarness(): InvoiceHarness {
    const h = new InvoiceHarness();
    h.jira.crashBeforeWorklogKey = 'wave-payment-2';
    expect(() => h.payment(paymentOf('p1', 50000), invoiceAt(3, 'PARTIAL', 80000))).toThrow('wave-payment-2');
    expect(h.issue.worklogs.map((w) => w.key)).toEqual(['wave-payment-1']);
    expect(h.link.ledger.pending.map((w) => w.key)).toEqual(['wave-payment-1', 'wave-payment-2']);
    return h;
  }

  it('a redelivery of the same event finishes the written-ahead worklogs, once each', () => {
    const h = crashedHarness();
    const retry = h.payment(paymentOf('p1', 50000), invoiceAt(3, 'PARTIAL', 80000));
    expect(retry.outcome).toBe('duplicate');
    expect(h.lastCalls).toEqual(['worklog']);
    expect(h.logged()).toBe(80000);
    expect(h.link.ledger.pending).toEqual([]);
  });

  it('any later event finishes them first, then adds only its own new money', () => {
    const h = crashedHarness();
    h.state(invoiceAt(4, 'PAID', 125000));
    expect(h.issue.worklogs.map((w) => [w.key, w.amountMinor])).toEqual([
      ['wave-payment-1', 50000],
      ['wave-payment-2', 30000],
      ['wave-payment-3', 45000],
    ]);
  });
});

describe('statuses and transitions', () => {
  it('follows an explicit mapping', () => {
    const h = new InvoiceHarness({ project: project({ statusMapping: { SENT: '4', PAID: '6' } }) });
    h.state(invoiceAt(1, 'SENT', 0));
    expect(h.issue.statusId).toBe('4');
    h.state(invoiceAt(2, 'PAID', 125000));
    expect(h.issue.statusId).toBe('6');
  });

  it('does not move on an unknown Wave status, but updates fields and notes it once', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    const plan = h.state(invoiceAt(2, 'DISPUTED', 0));
    expect(plan.outcome).toBe('processed');
    expect(h.lastCalls).toEqual(['edit', 'fields']);
    expect(plan.notes).toEqual([expect.stringContaining('Unknown Wave status DISPUTED')]);
    expect(h.issue.statusId).toBe('3');
    expect(h.state(invoiceAt(3, 'DISPUTED', 0, { title: 'x' })).notes).toEqual([]);
  });

  it.each(['screen-only', 'unavailable', 'no-transition'] as const)(
    'comments and notes instead of moving when %s',
    (reason) => {
      const h = new InvoiceHarness();
      h.jira.blocked['5'] = reason;
      h.state(invoiceAt(1, 'SENT', 0));
      const plan = h.state(invoiceAt(2, 'PAID', 125000));
      expect(h.lastCalls).toEqual(['edit', 'fields', 'comment', 'worklog']);
      expect(h.issue.statusId).toBe('3');
      expect(h.link.jiraStatusId).toBe('3');
      expect(h.logged()).toBe(125000);
      const comment = h.issue.comments[0];
      expect(comment && adfTexts(comment.body)[0]).toContain('"Done"');
      expect(plan.notes.join(' ')).toContain('PAID');
    },
  );
});

describe('customer link', () => {
  const customerLink = {
    v: 1 as const,
    kind: 'customer' as const,
    waveId: 'c1',
    businessId: 'b',
    issue: { id: '900', key: 'ACC-900' },
    projectKey: 'ACC',
    modifiedAt: '2026-01-01T00:00:00Z',
    fingerprints: { summary: 's', description: 'd', fields: 'f' },
  };

  it('links the invoice issue to its customer issue once', () => {
    const h = new InvoiceHarness({ customerLink });
    h.state(invoiceAt(1, 'SENT', 0));
    expect(h.lastCalls).toEqual(['create', 'fields', 'transition', 'link']);
    expect(h.issue.links).toEqual([{ id: '900', key: 'ACC-900' }]);
    h.state(invoiceAt(2, 'VIEWED', 0));
    expect(h.lastCalls).not.toContain('link');
    expect(h.link.customerIssueId).toBe('900');
  });

  it('links when the customer issue appears later, and again when the customer changes', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'SENT', 0));
    h.ctx = { ...h.ctx, customerLink };
    h.state(invoiceAt(2, 'VIEWED', 0));
    expect(h.lastCalls).toContain('link');
    h.ctx = { ...h.ctx, customerLink: { ...customerLink, issue: { id: '901', key: 'ACC-901' } } };
    h.state(invoiceAt(3, 'VIEWED', 0));
    expect(h.issue.links.map((l) => l.key)).toEqual(['ACC-900', 'ACC-901']);
  });
});

describe('issue gone', () => {
  it('re-plans as a create when the issue was deleted in Jira', () => {
    const h = new InvoiceHarness();
    h.state(invoiceAt(1, 'PARTIAL', 50000));
    const oldId = h.link.issue.id;
    h.jira.issues.delete(oldId);

    const newer = invoiceAt(2, 'PAID', 125000);
    expect(() => h.state(newer)).toThrow(IssueGone);
    const plan = h.run(planInvoiceRecreate({ ...h.ctx, invoice: newer, link: h.link }));
    expect(plan.notes[0]).toContain(`BILL-${oldId}`);
    expect(h.link.issue.id).not.toBe(oldId);
    expect(h.issue.statusId).toBe('5');
    expect(h.logged()).toBe(125000);
  });
});

describe('plans are plain data', () => {
  it('survives a JSON round trip (stored in KVS, handed to a queue)', () => {
    const plan = planInvoiceState({ ...new InvoiceHarness().ctx, invoice: invoiceAt(1, 'PAID', 125000), link: null });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.next && JSON.stringify(plan.next).length).toBeLessThan(1000);
  });
});

function paymentOf(
  id: string,
  minor: number,
  overrides: Partial<import('../../../src/domain/wave-webhook/types').WavePayment> = {},
) {
  return {
    id,
    invoiceId: INVOICE_ID,
    amount: money(minor),
    paymentDate: '2026-01-17',
    paymentMethod: 'BANK_TRANSFER',
    ...overrides,
  };
}
