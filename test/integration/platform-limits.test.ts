import { changeInWave, payInWave, postWave, waveBody } from '../support/wave-format';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';

/** The app under Jira's and Forge's real limits (issue 12), every one on as the sandboxes default to. */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());
afterEach(() => {
  t.stack.jira.clearFaults();
  t.stack.jira.updateSettings({ pointsQuota: { enabled: true, pointsPerHour: 65_000 }, timeTracking: true });
});

async function untilAccepted(body: string, attempts = 60) {
  let last = await postWave(t, body);
  for (let n = 1; n < attempts && (last.status < 200 || last.status >= 300); n += 1) {
    const wait = Number(last.headers.get('retry-after') ?? '1');
    await t.stack.runtime.advanceClock(wait * 1000);
    last = await postWave(t, body);
  }
  return last;
}

describe('search lags behind writes', () => {
  it('racing deliveries of a new invoice make one issue', async () => {
    expect(t.stack.jira.settings().searchLagMs).toBeGreaterThan(0);
    const invoice = await changeInWave(t, { status: 'SENT' });
    const bodies = Array.from({ length: 8 }, () => waveBody(t, 'invoice.sent', invoice.id).body);
    const answers = await Promise.all(bodies.map((body) => untilAccepted(body)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });

  it('a create whose answer is lost is looked for once search shows it, in the same delivery', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    t.stack.jira.setFaults({ lostAnswers: 1 });
    const answer = await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body);
    expect(t.stack.jira.faults().lostAnswers).toBe(0);
    expect(answer.status).toBe(200);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
    expect(answer.body.issueKey).toBe(issuesFor(t, invoice.id)[0]?.key);
  });

  it('a create whose answer was lost is found again, not made twice', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    const { body } = waveBody(t, 'invoice.sent', invoice.id);
    // Every Jira call fails for a while after the create went through: the delivery fails with the issue made.
    t.stack.jira.setFaults({ errorRate: 0.6, seed: 7 });
    let answer = await postWave(t, body);
    for (let n = 0; n < 20 && answer.status !== 200; n += 1) answer = await untilAccepted(body, 2);
    t.stack.jira.clearFaults();
    answer = await untilAccepted(body);
    expect(answer.status).toBe(200);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });
});

describe("Jira's hourly points quota", () => {
  it('a storm of quota 429s is answered 503, then the same deliveries succeed, nothing doubled', async () => {
    const invoices = await Promise.all(
      Array.from({ length: 4 }, () => changeInWave(t, { status: 'SENT', total: { value: '10.00' } })),
    );
    t.stack.jira.updateSettings({ pointsQuota: { enabled: true, pointsPerHour: 1 } });
    const refused = await postWave(t, waveBody(t, 'invoice.sent', invoices[0]!.id).body);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    await t.stack.runtime.advanceClock(60 * 60_000);
    t.stack.jira.updateSettings({ pointsQuota: { enabled: true, pointsPerHour: 65_000 } });
    for (const invoice of invoices) {
      expect((await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body)).status).toBe(200);
      expect(issuesFor(t, invoice.id)).toHaveLength(1);
    }
  });
});

describe("Forge's KVS quota", () => {
  it('exhausted mid-delivery: 503, and the retry brings it all, nothing lost or doubled', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '20.00' } });
    t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, writesPerMinute: 1 } });
    const { body } = waveBody(t, 'invoice.sent', invoice.id);
    try {
      const refused = await postWave(t, body);
      expect(refused.status).toBe(503);
    } finally {
      t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, writesPerMinute: 4_000 } });
    }
    await t.stack.runtime.advanceClock(60_000);
    expect((await untilAccepted(body)).status).toBe(200);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
    expect(issuesFor(t, invoice.id)[0]?.appFields['wave-status']).toBe('SENT');
  });

  /** Pays an invoice in full; returns the KVS writes its payment's delivery took. */
  async function payAnInvoice(): Promise<number> {
    const other = await changeInWave(t, { status: 'SENT', total: { value: '59.00' } });
    await untilAccepted(waveBody(t, 'invoice.sent', other.id).body);
    await payInWave(t, other.id, '59.00');
    t.stack.kvs.resetUsage();
    expect((await postWave(t, waveBody(t, 'invoice.paid', other.id).body)).status).toBe(200);
    return t.stack.kvs.usage().writes;
  }

  /** A fresh minute with room for `writes` KVS writes: a delivery that needs more writes Jira, then cannot finish. */
  async function deliverWithWritesLeft(body: string, writes: number) {
    await t.stack.runtime.advanceClock(60_000);
    t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, writesPerMinute: writes } });
    try {
      expect((await postWave(t, body)).status).toBe(503);
    } finally {
      t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, writesPerMinute: 4_000 } });
    }
  }

  it('with the read quota spent before the signature can be checked: 503 and Retry-After, not an error', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '25.00' } });
    // A fresh minute (the signing secret is no longer cached), whose one read another invocation spends.
    await t.stack.runtime.advanceClock(60_000);
    t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, readsPerMinute: 1 } });
    t.stack.kvs.handle('/api/v1/get', { key: 'config:app' });
    try {
      const answer = await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body);
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.body.error).toContain('storage quota');
    } finally {
      t.stack.runtime.settings.update({ kvsQuotas: { enabled: true, readsPerMinute: 4_000 } });
    }
    await t.stack.runtime.advanceClock(60_000);
    expect((await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body)).status).toBe(200);
  });

  it('a delivery that could not record its payment: the next one finds the worklog instead of adding another', async () => {
    // The first payment also looks up the way from SENT to PAID; the second shows what a payment writes.
    await payAnInvoice();
    const writes = await payAnInvoice();
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '60.00' } });
    const key = (await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body)).body.issueKey as string;
    await payInWave(t, invoice.id, '60.00');
    const { body } = waveBody(t, 'invoice.paid', invoice.id);
    // Every write but the last (the invoice's commit) goes through, and letting go is refused too: Jira has the
    // worklog, storage neither it nor a free lock, as if the invocation had died.
    await deliverWithWritesLeft(body, writes - 1);
    expect(t.stack.jira.getIssue(key)!.worklogs).toHaveLength(1);
    // Once the lock's lease has run out, the next delivery takes it over and looks before it writes.
    await t.stack.runtime.advanceClock(31_000);
    expect((await untilAccepted(body)).status).toBe(200);
    expect(t.stack.jira.getIssue(key)!.worklogs).toHaveLength(1);
    expect(issuesFor(t, invoice.id)[0]?.appFields['wave-status']).toBe('PAID');
  });

  it("a payment costs four: the invoice's lock and commit, and the customer's (its account issue shows what it owes)", async () => {
    await payAnInvoice();
    expect(await payAnInvoice()).toBeLessThanOrEqual(4);
  });

  it('a delivery that fails on Jira costs two writes: its lock, then letting go with its log and its kept body', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '33.00' } });
    await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body);
    await changeInWave(t, { id: invoice.id, status: 'VIEWED' });
    const { body, eventId } = waveBody(t, 'invoice.viewed', invoice.id);
    t.stack.jira.setFaults({ errorRate: 1 });
    t.stack.kvs.resetUsage();
    try {
      expect((await postWave(t, body)).status).toBe(503);
    } finally {
      t.stack.jira.clearFaults();
    }
    expect(t.stack.kvs.usage().writes).toBe(2);
    const failed = await t.callResolver('listActivity', { outcome: 'failed' });
    expect(failed.ok && failed.data.groups).toContainEqual(
      expect.objectContaining({ eventId, replayable: true, reason: expect.stringContaining('Jira is unavailable') }),
    );
    expect((await untilAccepted(body)).status).toBe(200);
  });

  it('a redelivery of an applied event costs one read and no write', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '34.00' } });
    const { body } = waveBody(t, 'invoice.sent', invoice.id);
    const first = await untilAccepted(body);
    t.stack.kvs.resetUsage();
    const again = await postWave(t, body);
    expect(again.body).toEqual({ status: 'duplicate', issueKey: first.body.issueKey });
    expect(t.stack.kvs.usage()).toMatchObject({ writes: 0, reads: 1 });
  });

  it('an update costs at most two KVS writes', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '30.00' } });
    await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body);
    await changeInWave(t, { id: invoice.id, status: 'VIEWED' });
    t.stack.kvs.resetUsage();
    expect((await postWave(t, waveBody(t, 'invoice.viewed', invoice.id).body)).body.status).toBe('processed');
    expect(t.stack.kvs.usage().writes).toBeLessThanOrEqual(2);
  });

  it("a new invoice of a known customer costs four: its lock and commit; the customer's lock and commit", async () => {
    const first = await changeInWave(t, { status: 'SENT', total: { value: '31.00' } });
    await untilAccepted(waveBody(t, 'invoice.sent', first.id).body);
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '32.00' } });
    t.stack.kvs.resetUsage();
    expect((await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body)).body.status).toBe('processed');
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
    // The customer's account issue follows what it owes: the customer's own record pipeline runs beside.
    expect(t.stack.kvs.usage().writes).toBeLessThanOrEqual(4);
  });
});

describe('worklogs as Jira has them', () => {
  it("a payment leaves the team's estimate alone and e-mails no watcher", async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '100.00' } });
    const first = await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body);
    const key = first.body.issueKey as string;
    await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-forge-principal': 'app' },
      body: JSON.stringify({ fields: { timetracking: { originalEstimate: '2h', remainingEstimate: '2h' } } }),
    });
    const notificationsBefore = t.stack.jira.notifications().length;
    await payInWave(t, invoice.id, '100.00');
    expect((await untilAccepted(waveBody(t, 'invoice.paid', invoice.id).body)).body.status).toBe('processed');
    expect(t.stack.jira.getIssue(key)!.worklogs).toHaveLength(1);
    const tracked = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${key}?fields=timetracking`, {
      headers: { 'x-forge-principal': 'app' },
    });
    const { fields } = (await tracked.json()) as { fields: { timetracking?: { remainingEstimateSeconds?: number } } };
    expect(fields.timetracking?.remainingEstimateSeconds).toBe(7_200);
    expect(t.stack.jira.notifications().length).toBe(notificationsBefore);
  });

  it('with time tracking off, the payment goes on the issue as a comment and Activity says why', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '50.00' } });
    const first = await untilAccepted(waveBody(t, 'invoice.sent', invoice.id).body);
    t.stack.jira.updateSettings({ timeTracking: false });
    await payInWave(t, invoice.id, '50.00');
    const paid = await untilAccepted(waveBody(t, 'invoice.paid', invoice.id).body);
    expect(paid.body.status).toBe('processed');
    const issue = t.stack.jira.getIssue(first.body.issueKey as string)!;
    expect(issue.worklogs).toHaveLength(0);
    const comments = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${issue.key}/comment`, {
      headers: { 'x-forge-principal': 'app' },
    });
    expect(await comments.text()).toContain('Payment received');
    const answer = await t.callResolver('listActivity', {});
    const entry = answer.ok ? answer.data.groups.find((candidate) => candidate.issueKey === issue.key) : undefined;
    expect(entry?.reason).toContain('recorded as a comment');
  });
});

describe("Forge's time limits", () => {
  it('a delivery that would run past 55 s answers 503 before Forge kills it', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    // Each Jira call now takes 15 s: the sync would need a minute; the intake stops at its 20 s budget.
    t.stack.jira.setFaults({ latencyMs: 15_000 });
    const started = Date.now();
    const answer = await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body);
    t.stack.jira.clearFaults();
    expect(answer.status).toBe(503);
    expect(answer.headers.get('x-local-forge-failure')).toBeNull();
    expect(Date.now() - started).toBeLessThan(55_000);
  }, 90_000);
});
