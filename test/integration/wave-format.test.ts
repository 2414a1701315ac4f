import { changeInWave, payInWave, postWave, waveBody } from '../support/wave-format';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const worklogMinor = (waveId: string) =>
  (issuesFor(t, waveId)[0]?.worklogs ?? []).map(
    (worklog) => (worklog.properties['wave-payment'] as { amountMinor?: number } | undefined)?.amountMinor,
  );
const deliver = async (type: string, invoiceId: string, options: Parameters<typeof waveBody>[3] = {}) =>
  postWave(t, waveBody(t, type, invoiceId, options).body);

describe("Wave's own delivery format", () => {
  it('approved → sent → viewed → partially paid → paid → overpaid: one issue, one worklog per rise of amountPaid', async () => {
    const invoice = await changeInWave(t, { status: 'SAVED', total: { value: '1250.00' } });
    const approved = await deliver('invoice.approved', invoice.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ status: 'processed', issueKey: expect.stringMatching(/^BILL-\d+$/) });
    const issueKey = approved.body.issueKey as string;
    expect(t.stack.jira.getIssue(issueKey)?.appFields).toMatchObject({
      'wave-id': invoice.id,
      'wave-invoice-number': invoice.invoiceNumber,
      'wave-status': 'SAVED',
      'wave-amount': 1250,
    });

    await changeInWave(t, { id: invoice.id, status: 'SENT' });
    expect((await deliver('invoice.sent', invoice.id)).body).toEqual({ status: 'processed', issueKey });
    expect(t.stack.jira.getIssue(issueKey)?.status.name).toBe('Sent');

    await changeInWave(t, { id: invoice.id, status: 'VIEWED' });
    expect((await deliver('invoice.viewed', invoice.id)).body.status).toBe('processed');
    expect(t.stack.jira.getIssue(issueKey)?.appFields['wave-status']).toBe('VIEWED');

    await payInWave(t, invoice.id, '500.00');
    // The numbers in the body are never written: Jira gets what Wave's API says.
    const partial = await deliver('invoice.partially_paid', invoice.id, {
      data: { amount_paid: '99999.00', remaining_balance: '0.00' },
    });
    expect(partial.body.status).toBe('processed');
    expect(t.stack.jira.getIssue(issueKey)?.appFields['wave-status']).toBe('PARTIAL');
    expect(worklogMinor(invoice.id)).toEqual([50_000]);

    await payInWave(t, invoice.id, '750.00');
    expect((await deliver('invoice.paid', invoice.id)).body.status).toBe('processed');
    const paid = t.stack.jira.getIssue(issueKey)!;
    expect(paid.status.name).toBe('Paid');
    expect(paid.appFields['wave-status']).toBe('PAID');
    expect(worklogMinor(invoice.id)).toEqual([50_000, 75_000]);

    // Another delivery about the same state: Jira already matches Wave.
    expect((await deliver('invoice.paid', invoice.id)).body).toEqual({ status: 'unchanged', issueKey });

    await payInWave(t, invoice.id, '100.00');
    expect((await deliver('invoice.overpaid', invoice.id)).body.status).toBe('processed');
    expect(t.stack.jira.getIssue(issueKey)?.appFields['wave-status']).toBe('OVERPAID');
    expect(worklogMinor(invoice.id)).toEqual([50_000, 75_000, 10_000]);
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });

  it('an overdue invoice moves to OVERDUE', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', dueDate: '2026-01-01' });
    await deliver('invoice.sent', invoice.id);
    await changeInWave(t, { id: invoice.id, status: 'OVERDUE' });
    expect((await deliver('invoice.overdue', invoice.id)).body.status).toBe('processed');
    expect(issuesFor(t, invoice.id)[0]?.appFields['wave-status']).toBe('OVERDUE');
  });

  it('accepts the business as its uuid or its global id, and keeps a 19-digit invoice id exact', async () => {
    const uuid = Buffer.from(t.stack.wave.businessId, 'base64')
      .toString('utf8')
      .replace(/^Business:/, '');
    const id = Buffer.from(`Business:${uuid};Invoice:2496756670638588934`).toString('base64');
    await changeInWave(t, { id, status: 'SENT', total: { value: '8.98' } });
    const first = await deliver('invoice.sent', id, { businessIdForm: 'global' });
    expect(first.body.status).toBe('processed');
    expect(issuesFor(t, id)).toHaveLength(1);
    expect(issuesFor(t, id)[0]?.appFields['wave-id']).toBe(id);

    await payInWave(t, id, '8.98');
    expect((await deliver('invoice.paid', id, { businessIdForm: 'uuid' })).body.status).toBe('processed');
    expect(issuesFor(t, id)[0]?.appFields['wave-status']).toBe('PAID');
  });

  it('acknowledges estimate events and types Wave may add as "ignored", writing nothing to Jira', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    for (const type of ['estimate.sent', 'estimate.approved', 'invoice.something_new']) {
      expect((await deliver(type, invoice.id)).body.status).toBe('ignored');
    }
    expect(issuesFor(t, invoice.id)).toHaveLength(0);
  });

  it('answers "gone" for an invoice Wave does not know, and writes nothing', async () => {
    const uuid = Buffer.from(t.stack.wave.businessId, 'base64')
      .toString('utf8')
      .replace(/^Business:/, '');
    const unknown = Buffer.from(`Business:${uuid};Invoice:9999999999999999999`).toString('base64');
    const before = t.stack.jira.listIssues('BILL').length;
    const answer = await deliver('invoice.paid', unknown);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('gone');
    expect(t.stack.jira.listIssues('BILL')).toHaveLength(before);
  });
});

describe("Wave's signatures", () => {
  const fresh = async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    return { invoice, ...waveBody(t, 'invoice.sent', invoice.id) };
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts the bare form (hex HMAC of the body), dated by x-wave-timestamp when Wave sends it', async () => {
    const withHeader = await fresh();
    expect((await postWave(t, withHeader.body, { scheme: 'bare' })).body.status).toBe('processed');
    const withoutHeader = await fresh();
    const answer = await postWave(t, withoutHeader.body, { scheme: 'bare', noTimestampHeader: true });
    expect(answer.body.status).toBe('processed');
  });

  it.each([
    ['unsigned', { scheme: 'none' as const }, 401, 'missing_header'],
    ['signed with another secret', { secret: 'not-the-secret-0123456789' }, 401, 'signature_mismatch'],
    [
      'bare, with another secret',
      { scheme: 'bare' as const, secret: 'not-the-secret-0123456789' },
      401,
      'signature_mismatch',
    ],
    ['timestamped 10 minutes ago', { timestamp: now() - 600 }, 401, 'timestamp_too_old'],
    ['timestamped 10 minutes ahead', { timestamp: now() + 600 }, 401, 'timestamp_in_future'],
    [
      'bare, with a stale x-wave-timestamp',
      { scheme: 'bare' as const, timestamp: now() - 600 },
      401,
      'timestamp_too_old',
    ],
  ])('refuses a delivery %s and writes nothing', async (_case, sign, status, reason) => {
    const { invoice, body } = await fresh();
    const answer = await postWave(t, body, sign);
    expect(answer.status).toBe(status);
    expect(answer.body.reason).toBe(reason);
    expect(issuesFor(t, invoice.id)).toHaveLength(0);
  });

  it('a replayed old delivery (bare form, no timestamp) at worst re-reads Wave: it changes nothing', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '100.00' } });
    const old = waveBody(t, 'invoice.sent', invoice.id);
    await postWave(t, old.body, { scheme: 'bare', noTimestampHeader: true });
    await payInWave(t, invoice.id, '1.00');
    await postWave(t, waveBody(t, 'invoice.partially_paid', invoice.id).body);
    const before = issuesFor(t, invoice.id)[0]!;

    const replayed = await postWave(t, old.body, { scheme: 'bare', noTimestampHeader: true });
    expect(replayed.status).toBe(200);
    expect(replayed.body.status).toBe('duplicate');
    const after = issuesFor(t, invoice.id)[0]!;
    expect(after.appFields['wave-status']).toBe('PARTIAL');
    expect(after.updated).toBe(before.updated);
    expect(after.worklogs).toHaveLength(1);
  });
});

describe('when Wave cannot be read', () => {
  it('answers 503 while the Wave grant is revoked, and the same delivery succeeds once Wave is reconnected', async () => {
    const invoice = await changeInWave(t, { status: 'SENT' });
    const { body } = waveBody(t, 'invoice.sent', invoice.id);
    t.stack.wave.revokeAll();
    const refused = await postWave(t, body);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(issuesFor(t, invoice.id)).toHaveLength(0);

    const { saveWaveTokens } = await import('../../src/adapters/storage/secrets');
    const { markWaveConnected } = await import('../../src/adapters/storage/wave-connection');
    const tokens = t.stack.wave.issueTokens();
    await t.stack.runtime.runAsApp(async () => {
      await saveWaveTokens({
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: Date.now() + tokens.expires_in * 1000,
      });
      await markWaveConnected();
    });
    const retried = await postWave(t, body);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('processed');
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });
});
