import { envelope, later, makeInvoice } from '../support/wave-events';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

describe('exactly once under retries and races', () => {
  it('10 concurrent identical deliveries make one issue; every one is eventually acknowledged', async () => {
    const invoice = makeInvoice({ status: 'SENT' });
    const event = envelope('invoice.sent', { invoice });
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.deliverUntilAccepted(event)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((answer) => answer.body.status === 'processed')).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.status === 'duplicate')).toHaveLength(9);
    expect(new Set(answers.map((answer) => answer.body.issueKey)).size).toBe(1);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });

  it('"created" and "sent" racing end as one issue in the newer state', async () => {
    const created = makeInvoice({ status: 'SAVED' });
    const sent = later(created, 1, { status: 'SENT' });
    const answers = await Promise.all([
      t.deliverUntilAccepted(envelope('invoice.sent', { invoice: sent })),
      t.deliverUntilAccepted(envelope('invoice.created', { invoice: created })),
    ]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const issues = issuesFor(t, created.id);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.status.name).toBe('Sent');
    expect(issues[0]!.appFields['wave-status']).toBe('SENT');
  });

  it('re-creates an issue someone deleted in Jira, on the next Wave event', async () => {
    const invoice = makeInvoice({ status: 'SENT' });
    const first = await t.deliver(envelope('invoice.sent', { invoice }));
    const response = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${first.body.issueKey}`, {
      method: 'DELETE',
      headers: { 'x-forge-principal': 'user:712020:00000000-0000-4000-a000-000000000001' },
    });
    expect(response.status).toBe(204);
    await t.stack.jira.idle();
    await t.stack.runtime.idle();
    const next = await t.deliver(envelope('invoice.viewed', { invoice: later(invoice, 5, { status: 'VIEWED' }) }));
    expect(next.body.status).toBe('processed');
    expect(next.body.issueKey).not.toBe(first.body.issueKey);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });
});
