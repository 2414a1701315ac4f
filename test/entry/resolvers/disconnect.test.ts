import { getKeeperState, saveKeeperState } from '../../../src/adapters/storage/keeper-state';
import { getWaveTokens, saveWaveTokens } from '../../../src/adapters/storage/secrets';
import { getWaveConnection, markWaveConnected } from '../../../src/adapters/storage/wave-connection';
import type { ProductFetch } from '../../adapters/support/forge-harness';
import { startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
  // A site where the app may keep dynamic webhooks (an OAuth 2.0 integration owns them).
  harness.jira.control.updateSettings({ dynamicWebhooks: true });
});
afterEach(() => harness.close());

/** Jira as the app: what `requestJira` sends for it (principal `app`). */
const asApp = (path: string, init: RequestInit = {}) =>
  fetch(`${harness.jira.base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-forge-principal': 'app' },
  });

/** `requestJira` to the sandbox, as the harness routes it. */
const toSandbox: ProductFetch = (target, path, init) => {
  const principal = target.provider === 'user' ? `user:${target.accountId ?? ''}` : 'app';
  return fetch(`${harness.jira.base}${path}`, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), 'x-forge-principal': principal },
  });
};

async function connectWave(): Promise<void> {
  await saveWaveTokens({
    accessToken: 'access-token-for-the-test',
    refreshToken: 'refresh-token',
    expiresAt: Date.now() + 3_600_000,
  });
  await markWaveConnected();
}

/** A dynamic webhook registered by the app, as the keeper registers it; its id. */
async function registerAppWebhook(): Promise<number> {
  const body = {
    url: 'https://local.test/webtrigger/jira-webhook?token=abc',
    webhooks: [{ events: ['jira:issue_updated', 'jira:issue_deleted'], jqlFilter: 'project in (BILL)' }],
  };
  const response = await asApp('/rest/api/3/webhook', { method: 'POST', body: JSON.stringify(body) });
  const answer = (await response.json()) as { webhookRegistrationResult: Array<{ createdWebhookId: number }> };
  const id = answer.webhookRegistrationResult[0]?.createdWebhookId;
  if (id === undefined) throw new Error(`Jira registered no webhook: ${JSON.stringify(answer)}`);
  await saveKeeperState('jira-events', {
    source: 'dynamic-webhooks',
    webhooks: [{ id, expiresAt: Date.now() + 30 * 86_400_000 }],
  });
  return id;
}

describe('disconnecting Wave', () => {
  it('forgets the tokens and deletes the webhooks the app registered in Jira', async () => {
    await connectWave();
    await registerAppWebhook();
    await registerAppWebhook();
    expect(harness.jira.control.listWebhooks()).toHaveLength(2);

    const answer = await harness.call('disconnectWave', {});
    expect(answer.ok && answer.data).toMatchObject({ state: 'not-connected' });
    expect(await getWaveTokens()).toBeUndefined();
    expect(harness.jira.control.listWebhooks()).toEqual([]);
    expect((await getKeeperState('jira-events')).webhooks).toEqual([]);
  });

  it('still disconnects where Jira gives the app no dynamic webhooks', async () => {
    await connectWave();
    harness.jira.control.setDynamicWebhooksAllowed(false);
    const answer = await harness.call('disconnectWave', {});
    expect(answer.ok && answer.data.state).toBe('not-connected');
    expect(await getWaveTokens()).toBeUndefined();
  });

  it('says so when Jira could not delete the webhooks, and deletes them when asked again', async () => {
    await connectWave();
    await registerAppWebhook();
    // Jira's webhook API is down; everything else (the permission check) answers.
    harness.forge.setJira(async (target, path, init) =>
      path.startsWith('/rest/api/3/webhook')
        ? new Response(JSON.stringify({ errorMessages: ['down'] }), {
            status: 503,
            headers: { 'content-type': 'application/json' },
          })
        : toSandbox(target, path, init),
    );
    const failed = await harness.call('disconnectWave', {});
    expect(failed.ok === false && failed.error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(
        /^Wave is disconnected, but the app's webhooks in Jira could not be deleted yet .*Disconnect again to retry/,
      ),
    });
    expect(await getWaveTokens()).toBeUndefined();
    expect((await getWaveConnection()).state).toBe('not-connected');
    expect(harness.jira.control.listWebhooks()).toHaveLength(1);

    harness.forge.setJira(toSandbox);
    const again = await harness.call('disconnectWave', {});
    expect(again.ok).toBe(true);
    expect(harness.jira.control.listWebhooks()).toEqual([]);
  }, 30_000);
});
