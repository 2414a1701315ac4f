import { getWaveTokens } from '../../../src/adapters/storage/secrets';
import { waveOAuthCallback } from '../../../src/entry/webtrigger/wave-oauth-callback';
import { startResolverHarness, TRIGGER_BASE, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(async () => {
  delete process.env.WAVE_AUTHORIZE_URL;
  await harness.close();
});

const callback = (query: Record<string, string>) =>
  waveOAuthCallback({
    method: 'GET',
    path: '/',
    headers: {},
    queryParameters: Object.fromEntries(Object.entries(query).map(([key, value]) => [key, [value]])),
  });

async function startConnect(): Promise<URL> {
  await harness.call('saveWaveClient', { clientId: 'client-1', clientSecret: 'secret-1' });
  const answer = await harness.call('startWaveConnect', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return new URL(answer.data.authorizeUrl);
}

describe('Connect to Wave: the authorization-code flow with a state nonce', () => {
  it('needs the OAuth client first', async () => {
    const answer = await harness.call('startWaveConnect', {});
    expect(answer.ok === false && answer.error).toEqual({
      code: 'NOT_CONFIGURED',
      message: 'Save the Wave OAuth client id and secret first, then connect.',
    });
  });

  it('sends the browser to Wave with the client, the scopes, the callback trigger as redirect URI and a fresh state', async () => {
    const first = await startConnect();
    const second = await startConnect();
    expect(`${first.origin}${first.pathname}`).toBe('https://api.waveapps.com/oauth2/authorize/');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      client_id: 'client-1',
      response_type: 'code',
      scope: 'business:read customer:read invoice:read',
      redirect_uri: `${TRIGGER_BASE}/wave-oauth-callback`,
      state: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(second.searchParams.get('state')).not.toBe(first.searchParams.get('state'));
  });

  it('sends the browser to the configured authorize page instead (the local Wave sandbox)', async () => {
    process.env.WAVE_AUTHORIZE_URL = 'http://127.0.0.1:8080/wave/oauth2/authorize/';
    const url = await startConnect();
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:8080/wave/oauth2/authorize/');
    expect(url.searchParams.get('client_id')).toBe('client-1');
  });

  it('refuses a callback whose state the app did not issue', async () => {
    await startConnect();
    const response = await callback({ code: 'abc', state: 'f'.repeat(64) });
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['Content-Type']).toEqual(['text/html; charset=utf-8']);
    expect(response.body).toContain('has expired, was already used, or did not start from the app');
    expect(await getWaveTokens()).toBeUndefined();
  });

  it('explains a denial in words, and uses each state once', async () => {
    const state = (await startConnect()).searchParams.get('state') as string;
    const denied = await callback({ error: 'access_denied', state });
    expect(denied.statusCode).toBe(400);
    expect(denied.body).toContain('Access was denied on Wave&#39;s consent page.');
    const again = await callback({ code: 'abc', state });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already used');
  });

  it('escapes what it shows and answers only GET', async () => {
    const post = await waveOAuthCallback({ method: 'POST', headers: {}, queryParameters: {} });
    expect(post.statusCode).toBe(405);
    const state = (await startConnect()).searchParams.get('state') as string;
    const response = await callback({ error: '<script>alert(1)</script>', state });
    expect(response.body).not.toContain('<script>alert');
    expect(response.body).toContain('Wave reported an error.');
  });
});
