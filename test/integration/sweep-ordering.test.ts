import { createTimeBudget } from '../../src/shared/time-budget';
import { applyWaveInvoice } from '../../src/usecases/reconcile/apply-wave-record';
import { createSyncContext } from '../../src/usecases/sync-context';
import { envelope, makeInvoice, usd } from '../support/wave-events';
import { startTestStack, type TestStack } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const sweep = (invoice: ReturnType<typeof makeInvoice>) =>
  t.stack.runtime.runAsApp(async () =>
    applyWaveInvoice(
      await createSyncContext(createTimeBudget({ limitMs: 20_000 })),
      invoice,
      'poll',
      t.stack.wave.businessId,
    ),
  );

describe('the sweep orders states exactly like a webhook', () => {
  it('applies a same-second state that is further along, and skips one that is not', async () => {
    const sent = makeInvoice({ status: 'SENT' });
    const { body } = await t.deliver(envelope('invoice.sent', { invoice: sent }));

    expect(
      (await sweep({ ...sent, status: 'VIEWED', title: 'not further along in money, but in status' })).outcome,
    ).toBe('processed');
    expect((await sweep({ ...sent, status: 'SENT' })).outcome).toBe('up-to-date');

    const partial = { ...sent, status: 'PARTIAL', amountPaid: usd('500.00'), amountDue: usd('750.00') };
    expect((await sweep(partial)).outcome).toBe('processed');
    const issue = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(issue.appFields['wave-status']).toBe('PARTIAL');
    expect(issue.worklogs).toHaveLength(1);
  });
});
