import type { WaveSandbox } from '../../local/wave-sandbox';
import { getWaveTokens, saveWaveOAuthClient, saveWaveTokens } from '../../src/adapters/storage/secrets';
import { getWaveConnection } from '../../src/adapters/storage/wave-connection';
import { WaveReconnectNeededError } from '../../src/adapters/wave/wave-errors';
import { WaveGraphqlClient } from '../../src/adapters/wave/wave-graphql';
import { WaveOAuthClient } from '../../src/adapters/wave/wave-oauth';
import { connectWave, WaveTokenManager } from '../../src/adapters/wave/wave-tokens';
import { createTimeBudget } from '../../src/shared/time-budget';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';
import { startConnectedWaveSandbox, type ConnectedWaveSandbox } from './support/wave-sandbox-harness';

let harness: ForgeHarness;
let connected: ConnectedWaveSandbox;
let sandbox: WaveSandbox;
let base: string;

beforeEach(async () => {
  harness = startForgeHarness();
  connected = await startConnectedWaveSandbox(harness);
  ({ sandbox, base } = connected);
});
afterEach(async () => {
  await connected.close();
  harness.close();
});

/** The adapters as one invocation builds them. */
function invocation() {
  const budget = createTimeBudget({ limitMs: 15_000 });
  const oauth = new WaveOAuthClient({ budget, fetch, tokenUrl: `${base}/oauth2/token/` });
  const tokens = new WaveTokenManager({ oauth, budget, pollMs: 20 });
  return { tokens, wave: new WaveGraphqlClient({ tokens, budget, fetch, endpoint: `${base}/graphql/public` }) };
}

describe('Wave adapters against the Wave sandbox', () => {
  it('asks for a reconnect, not an OAuth client, when a pasted token (no refresh token) is refused', async () => {
    const issued = sandbox.control.issueTokens();
    await saveWaveTokens({ accessToken: issued.access_token, refreshToken: '', expiresAt: Date.now() + 3_600_000 });
    sandbox.control.revokeAll();
    const { wave } = invocation();
    const refused = wave.getInvoice(sandbox.control.businessId, 'SW52b2ljZTox');
    await expect(refused).rejects.toBeInstanceOf(WaveReconnectNeededError);
    await expect(refused).rejects.toThrow(/pasted access token, which cannot be renewed/);
    expect((await getWaveConnection()).state).toBe('reconnect-needed');
  });

  it('reads businesses, invoices and customers through every query the app sends', async () => {
    const { wave } = invocation();
    const businesses = await wave.listBusinesses();
    expect(businesses.items.map((b) => b.id)).toContain(sandbox.control.businessId);

    const page = await wave.listInvoices({ businessId: sandbox.control.businessId, pageSize: 10 });
    expect(page.items.length).toBeGreaterThanOrEqual(5);
    const modified = page.items.map((i) => i.modifiedAt);
    expect([...modified].sort()).toEqual(modified);

    const first = page.items[0];
    if (!first) throw new Error('the sandbox has no invoices');
    const read = await wave.getInvoice(sandbox.control.businessId, first.id);
    expect(read?.invoice).toEqual(first);
    expect(read?.customer).toMatchObject({ id: first.customer?.id, name: first.customer?.name });
    const customerId = first.customer?.id;
    if (!customerId) throw new Error('the invoice has no customer');
    expect(await wave.getCustomer(sandbox.control.businessId, customerId)).toMatchObject({
      id: customerId,
      name: first.customer?.name,
    });
    const customers = await wave.listCustomers({ businessId: sandbox.control.businessId });
    expect(customers.items.map((c) => c.id)).toContain(customerId);
  });

  it('10 concurrent invocations with an expired token cause one refresh grant, and the rotated token is kept', async () => {
    sandbox.control.expireAccessTokens();
    const runs = Array.from({ length: 10 }, () => invocation().wave.listBusinesses());
    const results = await Promise.all(runs);
    expect(results.every((r) => r.items.length > 0)).toBe(true);
    expect(sandbox.control.refreshGrantCount).toBe(1);
    // The stored refresh token is the live one: one more rotation works.
    const stored = await getWaveTokens();
    if (!stored) throw new Error('tokens vanished');
    await invocation().tokens.refreshAfterRejection(stored.accessToken);
    expect(sandbox.control.refreshGrantCount).toBe(2);
  });

  it('records when tokens were obtained, on connect and on each refresh; a record stored without it keeps working', async () => {
    // beforeEach stored tokens the way older versions did: without obtainedAt.
    expect((await getWaveTokens())?.obtainedAt).toBeUndefined();
    expect((await invocation().wave.listBusinesses()).items.length).toBeGreaterThan(0);

    sandbox.control.expireAccessTokens();
    const beforeRefresh = Date.now();
    expect((await invocation().wave.listBusinesses()).items.length).toBeGreaterThan(0);
    const refreshed = await getWaveTokens();
    expect(refreshed?.obtainedAt).toBeGreaterThanOrEqual(beforeRefresh);
    expect(refreshed?.obtainedAt).toBeLessThanOrEqual(Date.now());

    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = new URL(`${base}/oauth2/authorize/`);
    for (const [key, value] of Object.entries({
      client_id: sandbox.control.oauthClient().clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'business:read',
      auto: '1',
    }))
      authorize.searchParams.set(key, value);
    const consent = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const budget = createTimeBudget({ limitMs: 15_000 });
    const beforeConnect = Date.now();
    await connectWave(
      new WaveOAuthClient({ budget, fetch, tokenUrl: `${base}/oauth2/token/` }),
      code,
      redirectUri,
      budget.now(),
    );
    const connected = await getWaveTokens();
    expect(connected?.accessToken).not.toBe(refreshed?.accessToken);
    expect(connected?.obtainedAt).toBeGreaterThanOrEqual(beforeConnect);
    expect(connected?.obtainedAt).toBeLessThanOrEqual(Date.now());
  });

  it('refreshes ahead of expiry', async () => {
    const stored = await getWaveTokens();
    if (!stored) throw new Error('tokens vanished');
    await saveWaveTokens({ ...stored, expiresAt: Date.now() + 10_000 });
    const fresh = await invocation().tokens.accessToken();
    expect(fresh).not.toBe(stored.accessToken);
    expect(await invocation().tokens.accessToken()).toBe(fresh);
    expect(sandbox.control.refreshGrantCount).toBe(1);
  });

  it('a revoked grant asks the admin to reconnect, and later invocations get the same answer', async () => {
    sandbox.control.revokeAll();
    await expect(invocation().wave.listBusinesses()).rejects.toBeInstanceOf(WaveReconnectNeededError);
    expect((await getWaveConnection()).state).toBe('reconnect-needed');
    const stored = await getWaveTokens();
    await expect(invocation().tokens.refreshAfterRejection(stored?.accessToken ?? '')).rejects.toBeInstanceOf(
      WaveReconnectNeededError,
    );
  });

  it('never puts a token or the client secret into an error message', async () => {
    await saveWaveOAuthClient({
      clientId: sandbox.control.oauthClient().clientId,
      clientSecret: 'wrong-client-secret',
    });
    const stored = await getWaveTokens();
    const error = (await invocation()
      .tokens.refreshAfterRejection(stored?.accessToken ?? '')
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/client id or secret/);
    for (const secret of ['wrong-client-secret', stored?.accessToken, stored?.refreshToken])
      expect(error.message).not.toContain(secret);
  });
});
