import { ADMIN, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

describe('Send test event', () => {
  it('needs a signing secret', async () => {
    const answer = await harness.call('sendTestEvent', {});
    expect(answer.ok === false && answer.error.code).toBe('NOT_CONFIGURED');
  });

  it('runs a signed test.ping through the live intake and lists it under Activity', async () => {
    await harness.call('rotateSigningSecret', { secret: 'whsec_test-event-secret-1', graceHours: 0 });
    const answer = await harness.call('sendTestEvent', {});
    expect(answer).toEqual({
      ok: true,
      data: { accepted: true, outcome: 'ignored', message: expect.stringContaining('verified the signature') },
    });

    const activity = await harness.call('listActivity', { outcome: 'ignored' }, { accountId: ADMIN });
    expect(activity.ok && activity.data.groups).toEqual([
      expect.objectContaining({
        outcome: 'ignored',
        eventType: 'test.ping',
        eventId: expect.stringMatching(/^test_/),
        replayable: false,
      }),
    ]);
    const chart = await harness.call('getActivityChart', { days: 3 });
    const today = chart.ok ? chart.data.days[chart.data.days.length - 1] : undefined;
    expect(chart.ok && chart.data.days).toHaveLength(3);
    expect(today?.counts.ignored).toBe(1);
  });
});
