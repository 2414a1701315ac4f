import { envelope, later, makeInvoice, usd } from '../support/wave-events';
import { startTestStack, type TestStack } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const billIssues = () => t.stack.jira.listIssues('BILL');
const issueFor = (number: string) => billIssues().find((issue) => issue.appFields['wave-invoice-number'] === number);
const loggedMinor = (number: string) =>
  (issueFor(number)?.worklogs ?? []).reduce(
    (sum, worklog) => sum + Number((worklog.properties['wave-payment'] as { amountMinor?: number })?.amountMinor ?? 0),
    0,
  );

describe('an invoice through its life', () => {
  it('created → sent → viewed → partial payment → paid: one issue that follows Wave', async () => {
    const created = makeInvoice({ status: 'SAVED' });
    const first = await t.deliver(envelope('invoice.created', { invoice: created }));
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('processed');
    const issueKey = first.body.issueKey as string;
    expect(issueKey).toMatch(/^BILL-\d+$/);

    let issue = t.stack.jira.getIssue(issueKey)!;
    expect(issue.summary).toBe(`Invoice ${created.invoiceNumber} · Acme Consulting Ltd`);
    expect(issue.status.name).toBe('Draft');
    expect(issue.appFields).toMatchObject({
      'wave-invoice-number': created.invoiceNumber,
      'wave-customer': 'Acme Consulting Ltd',
      'wave-amount': 1250,
      'wave-currency': 'USD',
      'wave-status': 'SAVED',
      'wave-due-date': '2026-12-01',
      'wave-id': created.id,
    });
    expect(issue.properties['wave-link']).toMatchObject({ waveId: created.id, kind: 'invoice' });

    const sent = later(created, 5, { status: 'SENT' });
    expect((await t.deliver(envelope('invoice.sent', { invoice: sent }))).body).toEqual({
      status: 'processed',
      issueKey,
    });
    expect(t.stack.jira.getIssue(issueKey)!.status.name).toBe('Sent');

    const viewed = later(sent, 5, { status: 'VIEWED' });
    expect((await t.deliver(envelope('invoice.viewed', { invoice: viewed }))).body.status).toBe('processed');
    expect(t.stack.jira.getIssue(issueKey)!.status.category).toBe('indeterminate');

    const partial = later(viewed, 60, { status: 'PARTIAL', amountPaid: usd('500.00'), amountDue: usd('750.00') });
    expect((await t.deliver(envelope('invoice.updated', { invoice: partial }))).body.status).toBe('processed');
    issue = t.stack.jira.getIssue(issueKey)!;
    expect(issue.worklogs).toHaveLength(1);
    expect(loggedMinor(created.invoiceNumber)).toBe(50_000);

    const paid = later(partial, 60, { status: 'PAID', amountPaid: usd('1250.00'), amountDue: usd('0.00') });
    expect((await t.deliver(envelope('invoice.paid', { invoice: paid }))).body.status).toBe('processed');
    issue = t.stack.jira.getIssue(issueKey)!;
    expect(issue.status.name).toBe('Paid');
    expect(issue.worklogs).toHaveLength(2);
    expect(loggedMinor(created.invoiceNumber)).toBe(125_000);
    expect(issue.appFields['wave-status']).toBe('PAID');
    expect(billIssues().filter((candidate) => candidate.appFields['wave-id'] === created.id)).toHaveLength(1);
  });

  it('answers a redelivery "duplicate" and a late older state "stale", changing nothing', async () => {
    const created = makeInvoice({ status: 'SAVED' });
    const createdEvent = envelope('invoice.created', { invoice: created });
    const { body } = await t.deliver(createdEvent);
    const sent = later(created, 10, { status: 'SENT' });
    await t.deliver(envelope('invoice.sent', { invoice: sent }));
    const before = t.stack.jira.getIssue(body.issueKey as string)!;

    expect((await t.deliver(createdEvent)).body).toEqual({ status: 'duplicate', issueKey: body.issueKey });
    const older = later(created, 5, { status: 'SAVED', title: 'An older title' });
    expect((await t.deliver(envelope('invoice.updated', { invoice: older }))).body).toEqual({
      status: 'stale',
      issueKey: body.issueKey,
    });

    const after = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(after.status.name).toBe('Sent');
    expect(after.updated).toBe(before.updated);
  });

  it('counts a payment event and the invoice update reporting the same money once, in either order', async () => {
    const invoice = makeInvoice({ status: 'SENT' });
    const { body } = await t.deliver(envelope('invoice.sent', { invoice }));
    const payment = {
      id: 'pay-1-' + invoice.invoiceNumber,
      invoiceId: invoice.id,
      amount: usd('400.00'),
      paymentDate: '2026-11-20',
      paymentMethod: 'bank transfer',
    };
    expect((await t.deliver(envelope('payment.received', { payment }))).body.status).toBe('processed');
    const partial = later(invoice, 30, { status: 'PARTIAL', amountPaid: usd('400.00'), amountDue: usd('850.00') });
    expect((await t.deliver(envelope('invoice.updated', { invoice: partial }))).body.status).toBe('processed');
    expect(loggedMinor(invoice.invoiceNumber)).toBe(40_000);

    const paid = later(partial, 30, { status: 'PAID', amountPaid: usd('1250.00'), amountDue: usd('0.00') });
    await t.deliver(envelope('invoice.paid', { invoice: paid }));
    const secondPayment = { ...payment, id: 'pay-2-' + invoice.invoiceNumber, amount: usd('850.00') };
    expect((await t.deliver(envelope('payment.received', { payment: secondPayment }))).body.status).toBe('duplicate');
    expect(loggedMinor(invoice.invoiceNumber)).toBe(125_000);
    const issue = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(issue.worklogs).toHaveLength(2);
    expect(JSON.stringify(issue.worklogs[0]!.comment)).toContain('bank transfer');
  });
});
