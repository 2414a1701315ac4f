import { startTestStack, type TestStack } from '../support/test-stack';
import { activity, issuesFor, keeperHealth } from '../keeper/support';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const FIVE_MINUTES = 5 * 60_000;

interface SandboxInvoice {
  id: string;
  invoiceNumber: string;
  status: string;
}

async function inWave(invoice: Record<string, unknown>): Promise<SandboxInvoice> {
  return (await t.stack.wave.api.invoice({ invoice, deliver: true })).invoice as unknown as SandboxInvoice;
}

const waveStatus = (id: string) => issuesFor(t, id)[0]?.appFields['wave-status'];

async function pollRun(): Promise<void> {
  const answer = await t.stack.runtime.runScheduled('wave-poll');
  if (answer.runs[0]?.outcome !== 'ok') throw new Error(`the poll ended ${answer.runs[0]?.outcome ?? 'without a run'}`);
}

describe('the five-minute poll, with Wave sending no webhooks at all', () => {
  beforeAll(() => t.stack.wave.api.updateSettings({ webhooks: false }));
  afterAll(() => t.stack.wave.api.updateSettings({ webhooks: true }));

  it('brings every step of an invoice into Jira within five simulated minutes, customer included', async () => {
    const customer = (await t.stack.wave.api.customer({ customer: { name: 'Polled Partners GmbH' } }))
      .customer as unknown as { id: string };
    const invoice = await inWave({ status: 'SAVED', total: { value: '900.00' }, customerId: customer.id });
    expect(issuesFor(t, invoice.id)).toHaveLength(0);
    await t.stack.runtime.advanceClock(FIVE_MINUTES);
    expect(waveStatus(invoice.id)).toBe('SAVED');
    const [account] = issuesFor(t, customer.id);
    expect(account?.summary).toContain('Polled Partners GmbH');
    expect(issuesFor(t, invoice.id)[0]?.links.map((link) => link.issueKey)).toContain(account?.key);

    const steps: Array<[string, () => Promise<unknown>]> = [
      ['SENT', () => inWave({ id: invoice.id, status: 'SENT' })],
      ['VIEWED', () => inWave({ id: invoice.id, status: 'VIEWED' })],
      ['PARTIAL', () => t.stack.wave.api.payment({ invoiceId: invoice.id, amount: '400.00' })],
      ['PAID', () => t.stack.wave.api.payment({ invoiceId: invoice.id, amount: '500.00' })],
    ];
    for (const [status, change] of steps) {
      await change();
      await t.stack.runtime.advanceClock(FIVE_MINUTES);
      expect(waveStatus(invoice.id)).toBe(status);
    }
    const [issue] = issuesFor(t, invoice.id);
    expect(issue?.status.name).toBe('Paid');
    expect(issue?.worklogs).toHaveLength(2);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);

    const renamed = await t.stack.wave.api.customer({ customer: { id: customer.id, name: 'Polled Partners AG' } });
    expect(renamed.customer).toBeDefined();
    await t.stack.runtime.advanceClock(FIVE_MINUTES);
    expect(issuesFor(t, customer.id)[0]?.summary).toContain('Polled Partners AG');
  });

  it('logs what it brought under Activity, as the poll', async () => {
    const invoice = await inWave({ status: 'SENT', total: { value: '12.00' } });
    await t.stack.runtime.advanceClock(FIVE_MINUTES);
    const entry = (await activity(t)).find((candidate) => candidate.invoiceNumber === invoice.invoiceNumber);
    expect(entry).toMatchObject({ outcome: 'processed', source: 'poll', reason: expect.stringContaining('poll') });
  });

  it('costs one Wave request per business when nothing changed', async () => {
    await pollRun();
    t.stack.wave.resetStats();
    const jiraBefore = t.stack.jira.stats().requests.length;
    await pollRun();
    expect(t.stack.wave.graphqlRequests).toBe(1);
    expect(t.stack.jira.stats().requests.length).toBe(jiraBefore);
  });

  it('shows per business when it last caught up, and that no webhook arrives', async () => {
    const [business] = (await keeperHealth(t)).poll;
    expect(business).toMatchObject({
      businessId: t.stack.wave.businessId,
      businessName: expect.any(String),
      lastCompletedAt: expect.any(Number),
    });
    expect(business?.lastWebhookAt).toBeUndefined();
    expect(business?.oldestUnsyncedAt).toBeUndefined();
  });
});

describe('the poll beside webhooks', () => {
  it('repairs exactly the changes whose webhooks were lost, and a second run finds nothing', async () => {
    const created: SandboxInvoice[] = [];
    const dropped: SandboxInvoice[] = [];
    for (let n = 0; n < 20; n += 1) {
      const deliver = n % 10 !== 3;
      const answer = await t.stack.wave.api.invoice({
        invoice: { status: 'SENT', total: { value: `${100 + n}.00` } },
        deliver,
      });
      const invoice = answer.invoice as unknown as SandboxInvoice;
      created.push(invoice);
      if (!deliver) dropped.push(invoice);
    }
    await t.stack.wave.whenDeliveriesSettled();
    expect(dropped.every((invoice) => issuesFor(t, invoice.id).length === 0)).toBe(true);

    const startedAt = t.stack.clock.now();
    await pollRun();
    for (const invoice of created) expect(issuesFor(t, invoice.id)).toHaveLength(1);
    const brought = (await activity(t)).filter((entry) => entry.source === 'poll' && entry.receivedAt >= startedAt);
    expect(brought.map((entry) => entry.invoiceNumber).sort()).toEqual(
      dropped.map((invoice) => invoice.invoiceNumber).sort(),
    );

    const again = t.stack.clock.now();
    await pollRun();
    expect((await activity(t)).filter((entry) => entry.source === 'poll' && entry.receivedAt >= again)).toEqual([]);
  });

  it('logs a payment whose webhook was lost, from the rise in amountPaid', async () => {
    const invoice = await inWave({ status: 'SENT', total: { value: '400.00' } });
    await t.stack.wave.whenDeliveriesSettled();
    await t.stack.wave.api.payment({ invoiceId: invoice.id, amount: '400.00', deliver: false });
    expect(issuesFor(t, invoice.id)[0]?.worklogs).toHaveLength(0);
    await pollRun();
    expect(waveStatus(invoice.id)).toBe('PAID');
    expect(issuesFor(t, invoice.id)[0]?.worklogs).toHaveLength(1);
  });
});

describe('a first poll over many changes', () => {
  it('stays inside its time budget and finishes over several runs, nothing missed or doubled', async () => {
    await t.stack.wave.api.updateSettings({ webhooks: false });
    const many: string[] = [];
    for (let n = 0; n < 2_000; n += 1) {
      // Drafts: each costs Jira a create and its fields, no transition, so the test stays about the walk.
      const answer = await t.stack.wave.api.invoice({ invoice: { status: 'DRAFT', total: { value: '10.00' } } });
      many.push((answer.invoice as unknown as SandboxInvoice).id);
    }
    const { runPoll } = await import('../../src/usecases/poll/run-poll');
    const { createTimeBudget } = await import('../../src/shared/time-budget');
    const limitMs = 8_000;
    // A record needs a few Jira calls, and the Jira client keeps a second to answer: start one with 2.5 s left.
    const pacing = { pageSize: 50, pageReserveMs: 3_000, recordReserveMs: 2_500 };
    const runs: Array<{ status: string; ms: number; reason?: string }> = [];
    for (let run = 0; run < 60; run += 1) {
      const started = Date.now();
      const result = await t.stack.runtime.runAsApp(() => runPoll(createTimeBudget({ limitMs }), pacing));
      if (result.status === 'busy') continue;
      runs.push({
        status: result.status,
        ms: Date.now() - started,
        ...('reason' in result ? { reason: result.reason } : {}),
      });
      if (result.status === 'completed') break;
      // The next scheduled run is five minutes later; a run stopped by a quota resumes there too.
      t.stack.clock.advance(5 * 60_000);
    }
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.at(-1)?.status).toBe('completed');
    const stops = runs.slice(0, -1);
    expect(stops.filter((run) => run.status !== 'continues' && !/quota/.test(run.reason ?? ''))).toEqual([]);
    expect(Math.max(...runs.map((run) => run.ms))).toBeLessThan(limitMs + 1_000);

    const byWaveId = new Map<string, number>();
    for (const issue of t.stack.jira.listIssues('BILL')) {
      const id = issue.appFields['wave-id'];
      if (typeof id === 'string') byWaveId.set(id, (byWaveId.get(id) ?? 0) + 1);
    }
    expect(many.filter((id) => byWaveId.get(id) !== 1)).toEqual([]);
  }, 600_000);
});
