import { envelope, later, makeInvoice } from '../support/wave-events';
import { startTestStack, type TestStack } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

describe('customers and deleted invoices', () => {
  it('upserts one account issue per customer and links its invoices to it', async () => {
    const customer = {
      id: 'Q3VzdG9tZXI6OTk5+/=',
      name: 'Globex Corporation',
      email: 'billing@globex.example',
      modifiedAt: '2026-11-02T10:00:00.000Z',
    };
    const created = await t.deliver(envelope('customer.created', { customer }));
    expect(created.body.status).toBe('processed');
    const renamed = await t.deliver(
      envelope('customer.updated', {
        customer: { ...customer, name: 'Globex Corp.', modifiedAt: '2026-11-03T10:00:00.000Z' },
      }),
    );
    expect(renamed.body).toEqual({ status: 'processed', issueKey: created.body.issueKey });
    const account = t.stack.jira.getIssue(created.body.issueKey as string)!;
    expect(account.summary).toContain('Globex Corp.');
    expect(account.properties['wave-link']).toMatchObject({ waveId: customer.id, kind: 'customer' });

    const invoice = makeInvoice({ status: 'SENT', customer: { id: customer.id, name: 'Globex Corp.' } });
    const { body } = await t.deliver(envelope('invoice.sent', { invoice }));
    const invoiceIssue = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(invoiceIssue.links).toEqual([
      expect.objectContaining({ type: 'relates to', issueKey: created.body.issueKey }),
    ]);
  });

  it("keeps a deleted invoice's issue, labelled and commented", async () => {
    const invoice = makeInvoice({ status: 'SENT' });
    const { body } = await t.deliver(envelope('invoice.sent', { invoice }));
    const deleted = await t.deliver(envelope('invoice.deleted', { invoice: later(invoice, 5, {}) }));
    expect(deleted.body).toEqual({ status: 'processed', issueKey: body.issueKey });
    const issue = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(issue.labels).toContain('wave-deleted');
    expect(issue.comments).toBeGreaterThan(0);
    expect(issue.appFields['wave-status']).toBe('DELETED');
    const afterwards = await t.deliver(
      envelope('invoice.updated', { invoice: later(invoice, 10, { status: 'PAID' }) }),
    );
    expect(afterwards.body.status).toBe('ignored');
  });
});
