import { CLIENT_SECRET, graphql, startSandbox, type Running } from './harness';

let running: Running;
const REDIRECT_URI = 'https://example.atlassian-dev.net/x1/webtrigger/wave-oauth-callback?installation=a+b';

beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(`${running.baseUrl}/oauth2/authorize/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

const goodParams = (extra: Record<string, string> = {}) => ({
  client_id: 'local-wave-client',
  response_type: 'code',
  scope: 'business:read customer:read invoice:read',
  redirect_uri: REDIRECT_URI,
  state: 'st<"ate>',
  ...extra,
});

async function redirectOf(response: Response): Promise<URL> {
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') as string);
}

async function authorizeCode(): Promise<string> {
  const location = await redirectOf(await fetch(authorizeUrl(goodParams({ auto: '1' })), { redirect: 'manual' }));
  return location.searchParams.get('code') as string;
}

async function token(params: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.baseUrl}/oauth2/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get('cache-control') };
}

const client = { client_id: 'local-wave-client', client_secret: CLIENT_SECRET };

describe('Wave OAuth sandbox: authorization code flow', () => {
  it('runs end to end: consent page, Allow, code, tokens, a GraphQL call', async () => {
    const page = await fetch(authorizeUrl(goodParams()));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Northwind Consulting LLC');
    expect(html).toContain('value="allow"');
    expect(html).toContain('st&#60;&#34;ate&#62;');
    expect(html).not.toContain('st<"ate>');

    const allow = await fetch(authorizeUrl(goodParams()), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...goodParams(), decision: 'allow' }).toString(),
      redirect: 'manual',
    });
    const location = await redirectOf(allow);
    expect(`${location.origin}${location.pathname}`).toBe(
      'https://example.atlassian-dev.net/x1/webtrigger/wave-oauth-callback',
    );
    expect(location.searchParams.get('installation')).toBe('a b');
    expect(location.searchParams.get('state')).toBe('st<"ate>');
    const code = location.searchParams.get('code') as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const exchanged = await token({ ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(exchanged.status).toBe(200);
    expect(exchanged.cacheControl).toBe('no-store');
    expect(exchanged.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 7200,
      refresh_token: expect.any(String),
      scope: 'business:read customer:read invoice:read',
      businessId: running.sandbox.control.businessId,
      userId: expect.any(String),
    });
    const { status, body } = await graphql(running, exchanged.body.access_token, '{ business { id } }');
    expect(status).toBe(200);
    expect(body.data.business.id).toBe(running.sandbox.control.businessId);
  });

  it('redirects with access_denied on Deny', async () => {
    const deny = await fetch(authorizeUrl(goodParams()), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...goodParams(), decision: 'deny' }).toString(),
      redirect: 'manual',
    });
    const location = await redirectOf(deny);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('shows an error page, without redirecting, for an unknown client or a bad redirect_uri', async () => {
    for (const params of [
      goodParams({ client_id: 'someone-else' }),
      goodParams({ redirect_uri: 'javascript:alert(1)' }),
      goodParams({ redirect_uri: '' }),
    ]) {
      const response = await fetch(authorizeUrl({ ...params, auto: '1' }), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('redirects with an error for a bad response_type or a missing scope', async () => {
    const badType = await redirectOf(
      await fetch(authorizeUrl(goodParams({ response_type: 'token', auto: '1' })), { redirect: 'manual' }),
    );
    expect(badType.searchParams.get('error')).toBe('unsupported_response_type');
    const noScope = await redirectOf(
      await fetch(authorizeUrl(goodParams({ scope: ' ', auto: '1' })), { redirect: 'manual' }),
    );
    expect(noScope.searchParams.get('error')).toBe('invalid_scope');
  });

  it('uses a code once only', async () => {
    const code = await authorizeCode();
    expect(
      (await token({ ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).status,
    ).toBe(200);
    const again = await token({ ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: 'invalid_grant',
      error_description: 'the authorization code was already used',
    });
  });

  it('requires the same redirect_uri', async () => {
    const code = await authorizeCode();
    const other = await token({
      ...client,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://elsewhere.example/cb',
    });
    expect(other.status).toBe(400);
    expect(other.body.error).toBe('invalid_grant');
  });

  it('lets a code expire after 10 minutes on the clock', async () => {
    const code = await authorizeCode();
    running.clock.advance(10 * 60_000 + 1);
    const late = await token({ ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(late.status).toBe(400);
    expect(late.body.error_description).toBe('the authorization code has expired');
  });

  it('answers 401 invalid_client for a wrong secret or unknown client, and never echoes the secret', async () => {
    const code = await authorizeCode();
    const attempts: Record<string, string>[] = [
      { client_id: 'local-wave-client', client_secret: 'wrong' },
      { client_id: 'nope', client_secret: CLIENT_SECRET },
      {},
    ];
    for (const credentials of attempts) {
      const result = await token({
        ...credentials,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
      });
      expect(result.status).toBe(401);
      expect(result.body.error).toBe('invalid_client');
      expect(JSON.stringify(result.body)).not.toContain(CLIENT_SECRET);
    }
    // The failed attempts did not spend the code.
    expect(
      (await token({ ...client, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).status,
    ).toBe(200);
  });

  it('accepts client credentials as HTTP Basic too', async () => {
    const code = await authorizeCode();
    const basic = Buffer.from(`local-wave-client:${CLIENT_SECRET}`).toString('base64');
    const result = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      { authorization: `Basic ${basic}` },
    );
    expect(result.status).toBe(200);
  });

  it('answers invalid_request and unsupported_grant_type', async () => {
    expect((await token({ ...client })).body.error).toBe('invalid_request');
    expect((await token({ ...client, grant_type: 'authorization_code' })).body.error).toBe('invalid_request');
    expect((await token({ ...client, grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });
});

describe('Wave OAuth sandbox: refresh tokens rotate', () => {
  it('returns a new pair, spends the old refresh token, and counts each refresh', async () => {
    const pair = running.sandbox.control.issueTokens();
    const before = running.sandbox.control.refreshGrantCount;

    const refreshed = await token({ ...client, grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(pair.refresh_token);
    expect(refreshed.body.access_token).not.toBe(pair.access_token);
    expect(refreshed.body.expires_in).toBe(7200);
    expect(running.sandbox.control.refreshGrantCount).toBe(before + 1);

    const replay = await token({ ...client, grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual({ error: 'invalid_grant', error_description: 'the refresh token was already used' });
    expect(running.sandbox.control.refreshGrantCount).toBe(before + 1);

    const next = await token({ ...client, grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token });
    expect(next.status).toBe(200);
    expect((await graphql(running, next.body.access_token, '{ user { id } }')).status).toBe(200);
  });

  it('rejects an unknown refresh token, or an access token used as one', async () => {
    const pair = running.sandbox.control.issueTokens();
    for (const refreshToken of ['made-up', pair.access_token]) {
      const result = await token({ ...client, grant_type: 'refresh_token', refresh_token: refreshToken });
      expect(result.status).toBe(400);
      expect(result.body.error).toBe('invalid_grant');
    }
  });

  it('refreshes an expired access token into a working one', async () => {
    const pair = running.sandbox.control.issueTokens();
    running.sandbox.control.expireAccessTokens();
    expect((await graphql(running, pair.access_token, '{ user { id } }')).status).toBe(401);
    const refreshed = await token({ ...client, grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect((await graphql(running, refreshed.body.access_token, '{ user { id } }')).status).toBe(200);
  });

  it('revokeAll() ends every access and refresh token', async () => {
    const pair = running.sandbox.control.issueTokens();
    running.sandbox.control.revokeAll();
    expect((await graphql(running, pair.access_token, '{ user { id } }')).status).toBe(401);
    const result = await token({ ...client, grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(result.body).toEqual({ error: 'invalid_grant', error_description: 'the refresh token was revoked' });
    expect((await graphql(running, running.sandbox.control.issueTokens().access_token, '{ user { id } }')).status).toBe(
      200,
    );
  });
});
