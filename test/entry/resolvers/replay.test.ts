import { signWaveWebhook } from '../../../src/domain/wave-webhook';
import { waveWebhook } from '../../../src/entry/webtrigger/wave-webhook';
import { startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const SECRET = 'whsec_replay-test-secret-01';
const money = (value: string) => ({
  value,
  raw: Math.round(Number(value) * 100),
  currency: { code: 'USD', symbol: '$' },
});

/** A full `invoice.created` delivery, signed, through the `wave-webhook` handler. */
async function deliverInvoice(eventId: string): Promise<number> {
  const now = new Date();
  const rawBody = JSON.stringify({
    id: eventId,
    type: 'invoice.created',
    occurredAt: now.toISOString(),
    businessId: 'QnVzaW5lc3M6MQ==',
    data: {
      invoice: {
        id: 'SW52b2ljZTox',
        invoiceNumber: '2001',
        status: 'SENT',
        modifiedAt: now.toISOString(),
        total: money('80.00'),
        amountPaid: money('0.00'),
      },
    },
  });
  const signature = signWaveWebhook({ rawBody, secret: SECRET, timestamp: Math.floor(now.getTime() / 1000) });
  const response = await waveWebhook({
    method: 'POST',
    body: rawBody,
    headers: { 'x-wave-signature': [signature] },
    queryParameters: {},
  });
  return response.statusCode;
}

describe('replaying a failed delivery from the Activity section', () => {
  it('offers the replay of a failed delivery and runs it again once the cause is fixed', async () => {
    await harness.call('rotateSigningSecret', { secret: SECRET, graceHours: 0 });
    // No project configured yet: the delivery fails (Wave would retry) and is kept for a replay.
    expect(await deliverInvoice('evt_replay_1')).toBe(503);
    const failed = await harness.call('listActivity', { outcome: 'failed' });
    expect(failed.ok && failed.data.groups).toEqual([
      expect.objectContaining({
        eventId: 'evt_replay_1',
        replayable: true,
        reason: expect.stringContaining('admin page'),
      }),
    ]);

    const again = await harness.call('replayDelivery', { eventId: 'evt_replay_1' });
    expect(again).toEqual({
      ok: true,
      data: { outcome: 'unavailable', message: expect.stringContaining('The replay failed again: no Jira project') },
    });

    await harness.call('saveDefaults', {
      defaultProjectKey: 'BILL',
      businessProjects: {},
      invoiceIssueType: 'Invoice',
      customerIssueType: 'Account',
      features: { customerIssues: false, paymentWorklogs: true, issueLinks: false },
      worklogMinutes: 1,
    });
    const replayed = await harness.call('replayDelivery', { eventId: 'evt_replay_1' });
    expect(replayed).toEqual({
      ok: true,
      data: { outcome: 'processed', message: expect.stringMatching(/^Replayed: processed \(BILL-\d+\)\.$/) },
    });
    const processed = await harness.call('listActivity', { outcome: 'processed' });
    const issueKey = processed.ok ? processed.data.groups[0]?.issueKey : undefined;
    expect(issueKey).toMatch(/^BILL-\d+$/);
    expect(harness.jira.control.getIssue(issueKey as string)?.issueType).toBe('Invoice');
  });

  it('says so when no failed delivery is kept for that event', async () => {
    const answer = await harness.call('replayDelivery', { eventId: 'evt_unknown' });
    expect(answer.ok === false && answer.error).toEqual({
      code: 'NOT_FOUND',
      message: expect.stringContaining('No failed delivery evt_unknown is kept'),
    });
  });
});
