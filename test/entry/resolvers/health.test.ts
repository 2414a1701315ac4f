import { saveBackfill } from '../../../src/adapters/storage/backfill-state';
import { saveAppConfig } from '../../../src/adapters/storage/config';
import { saveKeeperState } from '../../../src/adapters/storage/keeper-state';
import { saveWaveTokens } from '../../../src/adapters/storage/secrets';
import { markWaveConnected, markWaveReconnectNeeded } from '../../../src/adapters/storage/wave-connection';
import { walkFrom } from '../../../src/domain/keeper/walk-position';
import type { HealthCheckView } from '../../../src/entry/resolvers/api';
import { startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

async function checks(): Promise<Record<HealthCheckView['key'], HealthCheckView>> {
  const answer = await harness.call('getHealth', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return Object.fromEntries(answer.data.checks.map((check) => [check.key, check])) as Record<
    HealthCheckView['key'],
    HealthCheckView
  >;
}

const BUSINESS = Buffer.from('Business:e226ca4e-7b4d-4890-bedc-5d4945ec0be6').toString('base64');

async function connectWave(now: number): Promise<void> {
  await saveAppConfig({ connectedBusinessId: BUSINESS });
  await saveWaveTokens({
    accessToken: 'access-token-for-the-test',
    refreshToken: 'refresh-token',
    expiresAt: now + 2 * HOUR_MS,
  });
  await markWaveConnected(now - DAY_MS);
}

describe('the health panel reads what the keeper recorded', () => {
  it('before anything ran: Wave not connected, no webhook needed yet, no sweep, no backfill', async () => {
    const health = await checks();
    expect(Object.keys(health)).toEqual([
      'wave-token',
      'signing-secret',
      'last-delivery',
      'jira-events',
      'poll',
      'backfill',
      'rate-limit',
    ]);
    expect(health['wave-token']).toMatchObject({ level: 'red', action: 'Connect Wave under Wave connection.' });
    expect(health['jira-events']).toMatchObject({
      level: 'green',
      summary: 'No Jira webhook: the keeper registers one once Wave is connected.',
    });
    expect(health.poll).toMatchObject({ level: 'amber', summary: 'No Wave business to poll yet.' });
    expect(health.backfill).toMatchObject({ level: 'green', summary: expect.stringContaining('No backfill has run') });
  });

  it('all green: a renewed token, a dynamic webhook refreshed weekly, a poll caught up, a backfill running', async () => {
    const now = Date.now();
    await connectWave(now);
    await saveKeeperState('wave-token', { lastCheckAt: now - 10 * MINUTE_MS, lastRefreshAt: now - 3 * HOUR_MS });
    await saveKeeperState('jira-events', {
      source: 'dynamic-webhooks',
      webhooks: [{ id: 10001, expiresAt: now + 30 * DAY_MS }],
      lastCheckAt: now - 10 * MINUTE_MS,
      lastRegisteredAt: now - 2 * HOUR_MS,
    });
    await saveKeeperState('poll', {
      businesses: {
        [BUSINESS]: {
          businessName: 'Northwind',
          kinds: { invoice: { watermarkMs: now - 3 * MINUTE_MS } },
          lastRunAt: now - 3 * MINUTE_MS,
          lastCompletedAt: now - 3 * MINUTE_MS,
          lastChanges: 2,
          totalChanges: 5,
        },
      },
    });
    await saveBackfill({
      runId: 'r',
      fromDate: '2026-01-01',
      state: 'running',
      done: 50,
      total: 120,
      created: 50,
      skipped: 0,
      startedAt: now - MINUTE_MS,
      updatedAt: now,
      position: walkFrom(Date.UTC(2026, 0, 1)),
    });

    const health = await checks();
    expect(health['wave-token']).toMatchObject({
      level: 'green',
      summary: 'Access token valid for 2 h; the hourly keeper renews it ahead of expiry.',
    });
    expect(health['wave-token'].details).toEqual([
      'Access token expires in 2 h.',
      'Last renewed 3 h ago.',
      'Last checked by the hourly keeper 10 min ago.',
    ]);
    expect(health['jira-events']).toMatchObject({
      level: 'green',
      summary:
        'A dynamic webhook and the Forge trigger bring issue events; it expires in 30 days and is refreshed weekly.',
    });
    expect(health['jira-events'].details).toEqual([
      'Webhook 10001 expires in 30 days.',
      'Next refresh in 7 days (weekly).',
      'Registered 2 h ago.',
      'Last checked by the hourly keeper 10 min ago.',
    ]);
    expect(health.poll).toMatchObject({
      level: 'green',
      summary: 'Every change in Wave reaches Jira within five minutes.',
    });
    expect(health.poll.details).toEqual([
      'Northwind: caught up 3 min ago, 5 changes brought so far; no delivery from Wave in 24 h: is the webhook registered in Wave, and does the business have Wave Pro?',
    ]);
    expect(health.backfill).toMatchObject({ level: 'green', summary: 'Running: 50 / 120 invoices.' });
  });

  it('red where an admin has to act, with what to do', async () => {
    const now = Date.now();
    await connectWave(now);
    await markWaveReconnectNeeded("Wave refused to renew the app's access; reconnect Wave on the admin page.");
    await saveKeeperState('jira-events', {
      source: 'dynamic-webhooks',
      webhooks: [{ id: 10001, expiresAt: now - HOUR_MS }],
    });
    await saveKeeperState('poll', {
      businesses: {
        [BUSINESS]: {
          kinds: {},
          lastProblem: { at: now - 5 * MINUTE_MS, message: 'Paused: Wave needs to be reconnected on the admin page.' },
        },
      },
    });
    await saveBackfill({
      runId: 'r',
      fromDate: '2026-01-01',
      state: 'failed',
      done: 50,
      total: 120,
      created: 50,
      skipped: 0,
      startedAt: now - HOUR_MS,
      updatedAt: now - 30 * MINUTE_MS,
      lastError: "Wave refused the app's access.",
      position: walkFrom(Date.UTC(2026, 0, 1)),
    });

    const health = await checks();
    expect(health['wave-token']).toMatchObject({
      level: 'red',
      summary: "Wave refused to renew the app's access; reconnect Wave on the admin page.",
      action: expect.stringContaining('Connect Wave again'),
    });
    expect(health['jira-events']).toMatchObject({
      level: 'red',
      summary: 'A Jira webhook has expired: its events no longer arrive.',
    });
    expect(health.poll).toMatchObject({
      level: 'red',
      summary: 'The poll stopped 5 min ago: Paused: Wave needs to be reconnected on the admin page.',
      action: expect.stringContaining('resumes'),
    });
    expect(health.backfill).toMatchObject({
      level: 'red',
      summary: "Stopped at 50 / 120: Wave refused the app's access.",
      action: 'Fix the cause, then resume it under Defaults → Import older invoices.',
    });
  });

  it('amber when the keeper falls behind: a missed weekly refresh, a late poll, skipped invoices', async () => {
    const now = Date.now();
    await connectWave(now);
    await saveKeeperState('jira-events', {
      source: 'dynamic-webhooks',
      webhooks: [{ id: 10001, expiresAt: now + 20 * DAY_MS }],
    });
    await saveKeeperState('poll', {
      businesses: { [BUSINESS]: { kinds: {}, lastCompletedAt: now - 5 * HOUR_MS, totalChanges: 0 } },
    });
    await saveBackfill({
      runId: 'r',
      fromDate: '2026-01-01',
      state: 'done',
      done: 120,
      total: 120,
      created: 118,
      skipped: 2,
      startedAt: now - HOUR_MS,
      updatedAt: now,
      finishedAt: now,
      position: walkFrom(Date.UTC(2026, 0, 1)),
    });

    const health = await checks();
    expect(health['jira-events']).toMatchObject({
      level: 'amber',
      summary: 'The weekly refresh is overdue; the webhook expires in 20 days.',
    });
    expect(health.poll).toMatchObject({
      level: 'amber',
      summary: 'The poll last caught up 5 h ago; it runs every five minutes.',
    });
    expect(health.backfill).toMatchObject({ level: 'amber', summary: 'Finished with 2 invoices skipped.' });
  });

  it('green where Jira gives the app no dynamic webhooks: the Forge trigger brings the events', async () => {
    const now = Date.now();
    await connectWave(now);
    await saveKeeperState('jira-events', { source: 'forge-trigger', webhooks: [], lastCheckAt: now - HOUR_MS });
    const health = await checks();
    expect(health['jira-events']).toMatchObject({
      level: 'green',
      summary: "Issue events arrive through the app's Forge trigger, which does not expire.",
    });
  });
});
