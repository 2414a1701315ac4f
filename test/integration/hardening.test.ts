import { envelope, makeInvoice } from '../support/wave-events';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';
import { changeInWave, postWave, waveBody } from '../support/wave-format';

/** Each test's input is an attack an adversarial review tried (issue 10). */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

async function health(): Promise<Record<string, { level: string; summary: string; action?: string }>> {
  const answer = await t.callResolver('getHealth', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return Object.fromEntries(answer.data.checks.map((check) => [check.key, check]));
}

async function activityEntries() {
  const { latestDeliveries } = await import('../../src/adapters/storage/activity-log');
  return (await t.stack.runtime.runAsApp(() => latestDeliveries({ limit: 100 }))).entries;
}

describe('an unsigned flood', () => {
  it('costs a bounded number of writes, and leaves Activity and Health truthful', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    expect((await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body)).body.status).toBe('processed');
    const entriesBefore = (await activityEntries()).length;
    t.stack.kvs.resetUsage();

    const url = t.stack.webhookUrl('wave-webhook');
    for (let batch = 0; batch < 40; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        ),
      );
    }
    // 2,000 unsigned requests: at most a write a minute (plus one per hour turned), and no activity entry.
    expect(t.stack.kvs.usage().writes).toBeLessThanOrEqual(3);
    expect(await activityEntries()).toHaveLength(entriesBefore);

    // Unsigned requests are never Wave's (Wave signs everything): the last real delivery still shows, in amber.
    const checks = await health();
    expect(checks['last-delivery']).toMatchObject({ level: 'amber', summary: expect.stringContaining('refused') });
    expect(checks['last-delivery']?.summary).toMatch(/^Processed/);
    expect(checks['signing-secret']).toMatchObject({ level: 'green' });

    const refusals = await t.callResolver('getRefusals', {});
    expect(refusals.ok && refusals.data).toMatchObject({ total: 2_000, byReason: { missing_header: 2_000 } });
  });

  it('cannot hide a failed delivery: Health stays red after an unsigned request', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    t.stack.wave.setFaults({ graphql: { status: 503, times: null } });
    try {
      expect((await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body)).status).toBe(503);
    } finally {
      t.stack.wave.setFaults({ graphql: { status: 503, times: 0 } });
    }
    await fetch(t.stack.webhookUrl('wave-webhook'), { method: 'POST', body: '{}' });
    expect((await health())['last-delivery']).toMatchObject({
      level: 'red',
      summary: expect.stringMatching(/^Failed/),
    });
  });

  it('turns Health red when signed deliveries are all refused (the secret in Wave differs), naming the fix', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    for (let n = 0; n < 3; n += 1) {
      const answer = await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body, {
        secret: 'a-different-secret-in-wave-0123',
      });
      expect(answer.status).toBe(401);
    }
    const checks = await health();
    expect(checks['last-delivery']).toMatchObject({
      level: 'red',
      summary: expect.stringContaining('Every delivery in the last hour was refused'),
      action: expect.stringContaining('Copy the secret again'),
    });
    expect(checks['signing-secret']).toMatchObject({ level: 'red' });
  });
});

describe('a forged "issue deleted"', () => {
  it('for an issue that still exists changes nothing: the next delivery updates the same issue', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    const first = await postWave(t, waveBody(t, 'invoice.sent', invoice.id).body);
    const issue = t.stack.jira.getIssue(first.body.issueKey as string)!;
    await t.stack.runtime.deliverProductEvent({
      eventType: 'avi:jira:deleted:issue',
      issue: { id: issue.id, key: issue.key },
    } as never);
    await t.stack.runtime.idle();
    await changeInWave(t, { id: invoice.id, status: 'VIEWED' });
    const next = await postWave(t, waveBody(t, 'invoice.viewed', invoice.id).body);
    expect(next.body).toEqual({ status: 'processed', issueKey: issue.key });
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
    const entry = (await activityEntries()).find((candidate) => candidate.reason?.startsWith('Deletion not confirmed'));
    expect(entry).toMatchObject({ issueKey: issue.key });
  });
});

describe('keys that are names on Object.prototype', () => {
  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'a full-envelope business id %s goes to the default project',
    async (businessId) => {
      const invoice = makeInvoice({ status: 'SENT' });
      const answer = await t.deliver(envelope('invoice.sent', { invoice }, { businessId }));
      expect(answer.status).toBe(200);
      expect(answer.body.issueKey).toMatch(/^BILL-/);
    },
  );

  it.each(['toString', 'constructor', '__proto__'])('a Wave status %s leaves the issue where it is', async (status) => {
    const invoice = makeInvoice({ status });
    const answer = await t.deliver(envelope('invoice.updated', { invoice }));
    expect(answer.status).toBe(200);
    expect(t.stack.jira.getIssue(answer.body.issueKey as string)?.appFields['wave-status']).toBe(status);
  });

  it('mapping keys and routing keys named after Object.prototype are plain keys', async () => {
    const saved = await t.callResolver('saveDefaults', {
      defaultProjectKey: 'BILL',
      businessProjects: { toString: 'BILL', constructor: 'BILL', ['__proto__']: 'BILL' },
      invoiceIssueType: 'Invoice',
      customerIssueType: 'Task',
      features: { customerIssues: true, paymentWorklogs: true, issueLinks: true },
      worklogMinutes: 1,
    } as never);
    expect(saved).toEqual(expect.objectContaining({ ok: true }));
    const invoice = makeInvoice({ status: 'SENT' });
    const answer = await t.deliver(envelope('invoice.sent', { invoice }, { businessId: 'valueOf' }));
    expect(answer.body.issueKey).toMatch(/^BILL-/);
  });

  it.each(['toString', '__proto__', 'constructor'])(
    'an OAuth error code %s gets the generic explanation',
    async (code) => {
      const response = await fetch(`${t.stack.webhookUrl('wave-oauth-callback')}?state=x&error=${code}`);
      const page = await response.text();
      expect(response.status).toBe(400);
      expect(page).not.toContain('function');
      expect(page).not.toContain('[native code]');
    },
  );
});

describe('what could never succeed is answered 4xx, not retried forever', () => {
  it.each([
    ['a 600-character invoice id', { id: 'i'.repeat(600) }, 'data.invoice.id'],
    ['a 100,000-character event id', { eventId: 'e'.repeat(100_000) }, 'id'],
  ])('%s: 422 naming the field, and logged', async (_case, patch, field) => {
    const { eventId, ...invoicePatch } = patch as { eventId?: string; id?: string };
    const invoice = makeInvoice({ status: 'SENT', ...invoicePatch });
    const event = envelope('invoice.sent', { invoice }, eventId ? { id: eventId } : {});
    const answer = await t.deliver(event);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: must have at most 256 characters`));
    const logged = (await activityEntries()).find(
      (entry) => entry.outcome === 'rejected' && entry.reason?.startsWith(field),
    );
    expect(logged).toBeDefined();
  });

  it('a negative total in the full envelope: 422', async () => {
    const invoice = makeInvoice({ total: { value: '-5.00', raw: -500, currency: { code: 'USD' } } });
    const answer = await t.deliver(envelope('invoice.created', { invoice }));
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatch(/^data\.invoice\.total: must not be negative/);
  });
});

describe('what reaches Jira is bounded', () => {
  it('a 100,000-character customer name stays bounded in the summary, the fields and the description', async () => {
    const name = 'N'.repeat(100_000);
    const invoice = makeInvoice({ customer: { id: 'QnVzaW5lc3M6dGVzdDtDdXN0b21lcjo5OQ==', name } });
    const answer = await t.deliver(envelope('invoice.created', { invoice }));
    expect(answer.status).toBe(200);
    const issue = t.stack.jira.getIssue(answer.body.issueKey as string)!;
    expect(issue.summary.length).toBeLessThanOrEqual(255);
    expect(String(issue.appFields['wave-customer']).length).toBeLessThanOrEqual(255);
    const longest = Math.max(
      ...JSON.stringify(issue.description)
        .match(/N+/g)!
        .map((run) => run.length),
    );
    expect(longest).toBeLessThanOrEqual(500);
    expect(JSON.stringify(issue.description).length).toBeLessThan(5_000);
  });

  it('a Wave link to another host is not written, and the activity log says so', async () => {
    const invoice = makeInvoice({ viewUrl: 'https://evil.example/phish' });
    const answer = await t.deliver(envelope('invoice.created', { invoice }));
    const issue = t.stack.jira.getIssue(answer.body.issueKey as string)!;
    expect(issue.appFields['wave-link'] ?? null).toBeNull();
    expect(JSON.stringify(issue.description)).not.toContain('evil.example');
    const entry = (await activityEntries()).find((candidate) => candidate.issueKey === issue.key);
    expect(entry?.reason).toContain('does not point to Wave');
  });

  it("an admin's listActivity with a cursor it never handed out is INVALID_INPUT", async () => {
    const answer = await t.callResolver('listActivity', { cursor: 'garbage-cursor' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
