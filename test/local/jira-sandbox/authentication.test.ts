import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_ADMIN_API_TOKEN, LOCAL_ADMIN_EMAIL } from '../../../local/jira-sandbox';
import { useJiraSandbox } from './harness';

const sandbox = useJiraSandbox({ each: true });

const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
const jira = (path: string, authorization?: string, init: RequestInit = {}) =>
  fetch(`${sandbox.baseUrl}/jira${path}`, {
    ...init,
    headers: { ...(authorization ? { authorization } : {}), ...(init.headers as Record<string, string>) },
  });
const post = (path: string, body: unknown) =>
  fetch(`${sandbox.baseUrl}/jira/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe("Jira's own authentication on /jira/rest", () => {
  it('takes basic auth with the local admin’s email and documented API token, as curl would send it', async () => {
    const response = await jira('/rest/api/3/myself', basic(LOCAL_ADMIN_EMAIL, LOCAL_ADMIN_API_TOKEN));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accountId: LOCAL_ADMIN_ACCOUNT_ID, emailAddress: LOCAL_ADMIN_EMAIL });
    // The email is matched without regard to case, as Atlassian accounts are.
    expect(
      (await jira('/rest/api/3/myself', basic(LOCAL_ADMIN_EMAIL.toUpperCase(), LOCAL_ADMIN_API_TOKEN))).status,
    ).toBe(200);
  });

  it('takes the token as a bearer token too, and acts as its user (writes included)', async () => {
    const created = await jira('/rest/api/3/issue', `Bearer ${LOCAL_ADMIN_API_TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'BILL' }, issuetype: { name: 'Task' }, summary: 'From curl' } }),
    });
    expect(created.status).toBe(201);
    const issue = (await created.json()) as { id: string };
    expect(sandbox.control.getIssue(issue.id)).toMatchObject({ summary: 'From curl' });
    expect(sandbox.events.at(-1)?.atlassianId).toBe(LOCAL_ADMIN_ACCOUNT_ID);
  });

  it.each([
    ['a wrong token', basic(LOCAL_ADMIN_EMAIL, 'not-the-token')],
    ['a token with another user’s email', basic('user@jira-sandbox.local', LOCAL_ADMIN_API_TOKEN)],
    ['a wrong bearer token', 'Bearer not-a-token'],
    ['basic auth without a password', `Basic ${Buffer.from('admin').toString('base64')}`],
    ['an unknown scheme', 'Digest abc'],
  ])("refuses %s with Jira's 401: plain text, AUTHENTICATED_FAILED", async (_what, authorization) => {
    const response = await jira('/rest/api/3/myself', authorization, { headers: { 'x-forge-principal': 'app' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(response.headers.get('www-authenticate')).toMatch(/^OAuth realm=/);
    expect(await response.text()).toBe('Client must be authenticated to access this resource.');
  });

  it("answers no credentials at all with Jira's JSON 401", async () => {
    const response = await jira('/rest/api/3/myself');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    });
  });

  it('keeps x-forge-principal for the runtime', async () => {
    expect((await sandbox.call('GET', '/rest/api/3/myself', { as: 'app' })).status).toBe(200);
  });

  it('refuses dynamic webhooks to API-token callers, who are users', async () => {
    sandbox.control.updateSettings({ dynamicWebhooks: true });
    const response = await jira('/rest/api/3/webhook', basic(LOCAL_ADMIN_EMAIL, LOCAL_ADMIN_API_TOKEN));
    expect(response.status).toBe(403);
  });
});

describe('local users and API tokens through /jira/_sandbox', () => {
  it('creates a user with a token shown once; the user then works with basic auth', async () => {
    const response = await post('/users', { displayName: 'Ada Accountant', email: 'ada@example.com' });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as { accountId: string; apiToken: string; email: string };
    expect(created).toMatchObject({ displayName: 'Ada Accountant', email: 'ada@example.com' });
    expect(created.apiToken).toMatch(/^ATATT[\w-]{40,}$/);
    const myself = await jira('/rest/api/3/myself', basic('ada@example.com', created.apiToken));
    expect(await myself.json()).toMatchObject({ accountId: created.accountId, displayName: 'Ada Accountant' });
    // A plain user: no Administer Jira.
    const workflows = await jira('/rest/api/3/workflow/search', basic('ada@example.com', created.apiToken));
    expect(workflows.status).toBe(403);
    const second = (await (await post('/api-tokens', { email: 'ADA@example.com', label: 'ci' })).json()) as {
      apiToken: string;
    };
    expect(second.apiToken).not.toBe(created.apiToken);
    expect((await jira('/rest/api/3/myself', `Bearer ${second.apiToken}`)).status).toBe(200);
    expect((await jira('/rest/api/3/myself', `Bearer ${created.apiToken}`)).status).toBe(200);
  });

  it('creates admins when asked', async () => {
    const created = (await (
      await post('/users', { displayName: 'Root', email: 'root@example.com', admin: true })
    ).json()) as {
      apiToken: string;
    };
    expect((await jira('/rest/api/3/workflow/search', `Bearer ${created.apiToken}`)).status).toBe(200);
  });

  it.each([
    ['/users', { displayName: 'No email' }, 400],
    ['/users', { displayName: 'Bad', email: 'not-an-email' }, 400],
    ['/users', { displayName: 'Extra', email: 'x@example.com', role: 'god' }, 400],
    ['/users', { displayName: 'Twin', email: LOCAL_ADMIN_EMAIL }, 409],
    ['/api-tokens', { email: 'nobody@example.com' }, 404],
  ])('refuses bad input to %s (%j) and writes nothing', async (path, body, status) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).not.toMatch(/ATATT/);
    expect((await post('/api-tokens', { email: 'x@example.com' })).status).toBe(404);
  });
});
