import { startTestStack, type TestStack } from '../support/test-stack';
import { activity, HOUR_MS, keeperHealth } from './support';

let t: TestStack;
beforeEach(async () => {
  t = await startTestStack();
});
afterEach(async () => t.close());

async function storedTokens() {
  const { getWaveTokens } = await import('../../src/adapters/storage/secrets');
  const tokens = await t.stack.runtime.runAsApp(() => getWaveTokens());
  if (!tokens) throw new Error('no Wave tokens stored');
  return tokens;
}

describe('the keeper and the Wave token', () => {
  it('renews the token before it expires and keeps the rotated refresh token', async () => {
    const before = await storedTokens();
    const grants = t.stack.wave.refreshGrantCount;
    // The seeded token lasts two hours: at the first hourly run it would not outlive the next one.
    await t.stack.runtime.advanceClock(HOUR_MS);
    const after = await storedTokens();
    expect(t.stack.wave.refreshGrantCount).toBe(grants + 1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(t.stack.clock.now() + HOUR_MS);
    expect((await keeperHealth(t)).waveToken).toMatchObject({
      connection: 'connected',
      lastRefreshAt: expect.any(Number),
    });
  });

  it('shows "reconnect needed" when Wave refuses the refresh for good, and says so once', async () => {
    t.stack.wave.revokeAll();
    await t.stack.runtime.advanceClock(HOUR_MS);
    const health = await keeperHealth(t);
    expect(health.waveToken).toMatchObject({
      connection: 'reconnect-needed',
      lastProblem: { message: expect.stringMatching(/reconnect/i) },
    });
    expect(health.poll[0]?.lastProblem?.message).toMatch(/reconnect/i);

    await t.stack.runtime.advanceClock(3 * HOUR_MS);
    const notices = (await activity(t)).filter((entry) => entry.eventType === 'wave.token');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^Reconnect needed/) });
  });
});
