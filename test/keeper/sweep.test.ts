import { startTestStack, type TestStack } from '../support/test-stack';
import { activity, issuesFor, keeperHealth, runKeeperNow, waveInvoice, type SandboxInvoice } from './support';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
  // The first sweep also picks up whatever changed in the week before it (the seeded invoices).
  await runKeeperNow(t);
});
afterAll(async () => t.close());

const repairsSince = async (startedAt: number) =>
  (await activity(t)).filter(
    (entry) => entry.receivedAt >= startedAt && entry.reason?.startsWith('Repaired by the sweep'),
  );

describe('the reconciliation sweep', () => {
  it('with 10% of deliveries dropped for good, one sweep repairs all of them, and a second finds nothing', async () => {
    const dropped: SandboxInvoice[] = [];
    const created: SandboxInvoice[] = [];
    for (let n = 0; n < 30; n += 1) {
      const deliver = n % 10 !== 3;
      const invoice = await waveInvoice(t, { status: 'SENT', total: { value: `${100 + n}.00` } }, deliver);
      created.push(invoice);
      if (!deliver) dropped.push(invoice);
    }
    // Twenty later changes to delivered invoices: two of their webhooks are lost too.
    const changed = created.filter((invoice) => !dropped.includes(invoice)).slice(0, 20);
    for (const [n, invoice] of changed.entries()) {
      const deliver = n % 10 !== 7;
      const after = await waveInvoice(t, { id: invoice.id, status: 'VIEWED' }, deliver);
      if (!deliver) dropped.push(after);
    }
    await t.stack.wave.whenDeliveriesSettled();
    await t.stack.runtime.idle();
    expect(dropped).toHaveLength(5);
    const missing = dropped.filter(
      (invoice) => issuesFor(t, invoice.id)[0]?.appFields['wave-status'] !== invoice.status,
    );
    expect(missing).toHaveLength(5);

    const sweepStarted = t.stack.clock.now();
    await runKeeperNow(t);

    for (const invoice of created) {
      const issues = issuesFor(t, invoice.id);
      expect(issues).toHaveLength(1);
      const expected = changed.includes(invoice) ? 'VIEWED' : 'SENT';
      expect(issues[0]!.appFields['wave-status']).toBe(expected);
    }
    const repairs = await repairsSince(sweepStarted);
    expect(repairs.map((entry) => entry.invoiceNumber).sort()).toEqual(
      dropped.map((invoice) => invoice.invoiceNumber).sort(),
    );
    expect(repairs.every((entry) => entry.outcome === 'processed' && entry.issueKey)).toBe(true);
    expect((await keeperHealth(t)).sweep).toMatchObject({ lastRepairs: 5, usesFallback: false });

    const secondStarted = t.stack.clock.now();
    const issueCount = t.stack.jira.listIssues('BILL').length;
    t.stack.jira.resetStats();
    await runKeeperNow(t);
    expect(await repairsSince(secondStarted)).toEqual([]);
    expect((await keeperHealth(t)).sweep.lastRepairs).toBe(0);
    expect(t.stack.jira.listIssues('BILL')).toHaveLength(issueCount);
    // States the links already hold cost no Jira call: the keeper's only one lists its webhooks.
    expect(t.stack.jira.stats().requests.filter((request) => !request.path.includes('/webhook'))).toEqual([]);
  });

  it('logs a payment whose webhook was lost, from the rise in amountPaid', async () => {
    const invoice = await waveInvoice(t, { status: 'SENT', total: { value: '400.00' } }, true);
    await t.stack.wave.api.payment({
      invoiceId: invoice.id,
      amount: '400.00',
      paymentMethod: 'bank transfer',
      deliver: false,
    });
    expect(issuesFor(t, invoice.id)[0]!.worklogs).toHaveLength(0);
    await runKeeperNow(t);
    const [issue] = issuesFor(t, invoice.id);
    expect(issue!.appFields['wave-status']).toBe('PAID');
    expect(issue!.worklogs).toHaveLength(1);
  });

  it('creates the account issue of a customer whose webhook was lost', async () => {
    const answer = await t.stack.wave.api.customer({ customer: { name: 'Lost Webhook Ltd' }, deliver: false });
    const customer = answer.customer as unknown as { id: string };
    await runKeeperNow(t);
    expect(issuesFor(t, customer.id)).toHaveLength(1);
  });
});
