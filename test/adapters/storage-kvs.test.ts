import { kvs } from '@forge/kvs';
import { getAppConfig, parseAppConfig, resolveProjectKey, saveAppConfig } from '../../src/adapters/storage/config';
import { latestDeliveries } from '../../src/adapters/storage/activity-log';
import { commitRecord, readRecordState, releaseRecordAfterFailure } from '../../src/adapters/storage/record-store';
import { acquireRecordLock, withRecordLock } from '../../src/adapters/storage/record-lock';
import { storageKeys } from '../../src/adapters/storage/keys';
import { deleteLink, getLink, putLink } from '../../src/adapters/storage/links';
import {
  getWebhookVerificationSecrets,
  rotateWebhookSigningSecret,
  saveWaveOAuthClient,
  saveWaveTokens,
  secretsStatus,
} from '../../src/adapters/storage/secrets';
import { BadRequestError, ConflictError, NotConfiguredError } from '../../src/shared/errors';
import { createTimeBudget } from '../../src/shared/time-budget';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';

let harness: ForgeHarness;
beforeEach(() => {
  harness = startForgeHarness();
});
afterEach(() => harness.close());

describe('record store: one read and one write per delivery', () => {
  it('reads link, applied event and creation in flight together, and commits them in one transaction', async () => {
    const lock = await acquireRecordLock('invoice', 'SW52+/=', createTimeBudget({ limitMs: 1_000 }));
    expect(await readRecordState('invoice', 'SW52+/=', 'evt-1')).toEqual({
      link: undefined,
      done: false,
      intent: undefined,
    });
    await kvs.set(storageKeys.createIntent('invoice', 'SW52+/='), { at: 1_000 });
    await commitRecord({
      lock,
      kind: 'invoice',
      waveId: 'SW52+/=',
      eventId: 'evt-1',
      link: { issue: { id: '10001', key: 'BILL-1' } },
      newIssueId: '10001',
      activity: { receivedAt: Date.now(), outcome: 'processed', issueKey: 'BILL-1' },
      now: Date.now(),
    });
    expect(await readRecordState('invoice', 'SW52+/=', 'evt-1')).toEqual({
      link: { issue: { id: '10001', key: 'BILL-1' } },
      done: true,
      intent: undefined,
    });
    expect(await kvs.get(storageKeys.recordLock('invoice', 'SW52+/='))).toBeUndefined();
    expect(await kvs.get(storageKeys.issueBacklink('10001'))).toEqual({ kind: 'invoice', waveId: 'SW52+/=' });
    expect((await latestDeliveries()).entries).toEqual([expect.objectContaining({ issueKey: 'BILL-1' })]);
  });

  it('forgets applied events after 7 days', async () => {
    const lock = await acquireRecordLock('invoice', 'i', createTimeBudget({ limitMs: 1_000 }));
    await commitRecord({ lock, kind: 'invoice', waveId: 'i', eventId: 'e2', now: Date.now() });
    expect((await readRecordState('invoice', 'i', 'e2')).done).toBe(true);
    harness.clock.advance(7 * 24 * 3600_000 + 1_000);
    expect((await readRecordState('invoice', 'i', 'e2')).done).toBe(false);
  });
});

/** A budget on the harness's clock, which the test moves (the lock's lease is judged by the budget's clock). */
const onClock = (limitMs: number) => createTimeBudget({ limitMs, now: () => harness.clock.now() });

describe('invoice lock', () => {
  it('serialises holders, waits within the budget, and conflicts when it runs out', async () => {
    const lock = await acquireRecordLock('invoice', 'SW52=', createTimeBudget({ limitMs: 1_000 }));
    await expect(
      acquireRecordLock('invoice', 'SW52=', createTimeBudget({ limitMs: 300 }), { pollMs: 50 }),
    ).rejects.toBeInstanceOf(ConflictError);

    const waiting = acquireRecordLock('invoice', 'SW52=', createTimeBudget({ limitMs: 5_000 }), { pollMs: 20 });
    setTimeout(() => void lock.release(), 100);
    const second = await waiting;
    expect(second.owner).not.toBe(lock.owner);
    await second.release();
  });

  it('release only removes its own lock', async () => {
    const first = await acquireRecordLock('invoice', 'inv', onClock(1_000));
    harness.clock.advance(31_000);
    const second = await acquireRecordLock('invoice', 'inv', onClock(1_000));
    await first.release();
    expect(await kvs.get(storageKeys.recordLock('invoice', 'inv'))).toMatchObject({ owner: second.owner });
    await second.release();
    expect(await kvs.get(storageKeys.recordLock('invoice', 'inv'))).toBeUndefined();
  });

  it('outlives a holder that died, and the one that takes it over learns until when that holder may have written', async () => {
    const takenAt = harness.clock.now();
    const dead = await acquireRecordLock('invoice', 'gone', onClock(1_000));
    // Within the lease the holder may still be working: the next one waits, then gives up.
    await expect(acquireRecordLock('invoice', 'gone', onClock(200), { pollMs: 50 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    harness.clock.advance(30_500);
    const racing = await Promise.allSettled(
      Array.from({ length: 4 }, () => acquireRecordLock('invoice', 'gone', onClock(300), { pollMs: 50 })),
    );
    const holders = racing.flatMap((one) => (one.status === 'fulfilled' ? [one.value] : []));
    expect(holders).toHaveLength(1);
    expect(holders[0]?.owner).not.toBe(dead.owner);
    expect(holders[0]?.inheritedWritesUntil).toBeGreaterThanOrEqual(takenAt + 30_000);
    expect(racing.filter((one) => one.status === 'rejected')).toHaveLength(3);
  });

  it('a failed delivery lets go in one write, leaving what it asked of Jira for the next', async () => {
    const lock = await acquireRecordLock('invoice', 'half', createTimeBudget({ limitMs: 1_000 }));
    await releaseRecordAfterFailure(lock, 'invoice', 'half', {
      createSentAt: 5_000,
      created: { id: '10009', key: 'BILL-9' },
      linkAhead: { issue: { id: '10009', key: 'BILL-9' } },
    });
    expect(await readRecordState('invoice', 'half', 'e')).toEqual({
      link: { issue: { id: '10009', key: 'BILL-9' } },
      done: false,
      intent: { at: 5_000, issue: { id: '10009', key: 'BILL-9' } },
    });
    expect(await kvs.get(storageKeys.recordLock('invoice', 'half'))).toBeUndefined();
  });

  it('withRecordLock releases even when the work fails', async () => {
    await expect(
      withRecordLock('invoice', 'inv2', createTimeBudget({ limitMs: 1_000 }), async () =>
        Promise.reject(new Error('boom')),
      ),
    ).rejects.toThrow('boom');
    await expect(
      withRecordLock('invoice', 'inv2', createTimeBudget({ limitMs: 1_000 }), async () => 'ran'),
    ).resolves.toBe('ran');
  });
});

describe('configuration', () => {
  it('has sensible defaults before an admin saves anything', async () => {
    const config = await getAppConfig();
    expect(config).toEqual({
      businessProjects: {},
      // None chosen: each project's type named for invoices ("Invoice") and customers ("Account"), else Task.
      invoiceIssueType: { auto: 'invoice' },
      customerIssueType: { auto: 'customer' },
      statusMappings: {},
      features: { customerIssues: true, paymentWorklogs: true, issueLinks: true },
      workLinks: {},
      worklogSeconds: 60,
    });
    expect(() => resolveProjectKey(config, 'biz')).toThrow(NotConfiguredError);
  });

  it('validates, stores and routes', async () => {
    await saveAppConfig({
      defaultProjectKey: 'FIN',
      businessProjects: { 'QnVz+/=': 'ACME' },
      statusMappings: { FIN: { PAID: '10001', OVERPAID: '10001' } },
      features: { paymentWorklogs: false },
      connectedBusinessId: 'QnVz+/=',
    });
    const config = await getAppConfig();
    expect(config.features).toEqual({ customerIssues: true, paymentWorklogs: false, issueLinks: true });
    expect(resolveProjectKey(config, 'QnVz+/=')).toBe('ACME');
    expect(resolveProjectKey(config, 'other')).toBe('FIN');
  });

  it('names every invalid field', () => {
    const attempt = () =>
      parseAppConfig({
        defaultProjectKey: 'fin',
        worklogSeconds: 10,
        statusMappings: { FIN: { PAID: 'Done' } },
        colour: 'red',
      });
    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow(/defaultProjectKey/);
    expect(attempt).toThrow(/worklogSeconds/);
    expect(attempt).toThrow(/statusMappings\.FIN\.PAID/);
    expect(attempt).toThrow(/colour/);
  });
});

describe('links', () => {
  it('stores, lists (decoding Wave ids) and deletes links by kind', async () => {
    await putLink('invoice', 'SW52OjE=', { issueKey: 'FIN-1' });
    await putLink('invoice', 'SW52OjI+', { issueKey: 'FIN-2' });
    await putLink('customer', 'Q3VzOjE=', { issueKey: 'FIN-3' });
    expect(await getLink('invoice', 'SW52OjE=')).toEqual({ issueKey: 'FIN-1' });
    expect(await getLink('invoice', 'SW52OjI+')).toEqual({ issueKey: 'FIN-2' });
    expect(await getLink('customer', 'SW52OjE=')).toBeUndefined();
    await deleteLink('invoice', 'SW52OjE=');
    expect(await getLink('invoice', 'SW52OjE=')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('keeps the previous signing secret valid for the grace period only', async () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    await rotateWebhookSigningSecret('first-secret-0123456789', { now: t0 });
    await rotateWebhookSigningSecret('second-secret-0123456789', { now: t0 + 1_000, graceMs: 60_000 });
    await rotateWebhookSigningSecret('second-secret-0123456789', { now: t0 + 1_500 });
    expect(await getWebhookVerificationSecrets(t0 + 2_000)).toEqual([
      'second-secret-0123456789',
      'first-secret-0123456789',
    ]);
    expect(await getWebhookVerificationSecrets(t0 + 62_000)).toEqual(['second-secret-0123456789']);
    await expect(rotateWebhookSigningSecret('short')).rejects.toBeInstanceOf(BadRequestError);
  });

  it('reports status without any secret value', async () => {
    await rotateWebhookSigningSecret('signing-secret-value-xyz', { now: 5 });
    await saveWaveOAuthClient({ clientId: 'client-id-value', clientSecret: 'client-secret-value' });
    await saveWaveTokens({ accessToken: 'access-token-value', refreshToken: 'refresh-token-value', expiresAt: 99 });
    const status = await secretsStatus();
    expect(status).toEqual({
      webhookSigningSecretSet: true,
      webhookSigningRotatedAt: 5,
      waveOAuthClientSet: true,
      waveTokensSet: true,
      waveAccessTokenExpiresAt: 99,
    });
    expect(JSON.stringify(status)).not.toMatch(/value/);
    expect(await kvs.get('secret:wave-tokens')).toBeUndefined();
  });
});
