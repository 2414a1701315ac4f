import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { openFrame } from './frame';
import { FIXTURE_APP, json, startHarness, type StackHarness } from './harness';

interface WhoAmI {
  accountId: string;
  moduleKey: string;
  extension: { type: string; project?: { id: string; key: string; type: string } };
  installContext: string;
  payload: unknown;
}

describe('Custom UI pages and the bridge', () => {
  let h: StackHarness;

  const openPage = async (pagePath: string) => (await openFrame(h.stack.baseUrl, pagePath, { framed: false })).bridge;

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP });
  });

  afterAll(async () => {
    await h.close();
  });

  it('serves the admin page with the bridge injected before any other script, and its assets', async () => {
    const redirect = await h.get('/admin?as=x', { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/admin/?as=x');
    const html = await (await h.get('/admin/')).text();
    expect(html.indexOf('globalThis.__bridge')).toBeGreaterThan(-1);
    expect(html.indexOf('globalThis.__bridge')).toBeLessThan(html.indexOf('./app.js'));
    const asset = await h.get('/admin/app.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('fixture');
  });

  it('explains how to build a page whose resource has no index.html yet', async () => {
    const response = await h.get('/projects/BILL/settings/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('is not built yet');
  });

  it('invokes the resolver as the local admin by default', async () => {
    const bridge = await openPage('/admin/');
    const answer = (await bridge.invoke('whoami', { x: 1 })) as WhoAmI;
    expect(answer).toMatchObject({
      accountId: LOCAL_ADMIN_ACCOUNT_ID,
      moduleKey: 'admin',
      extension: { type: 'jira:adminPage' },
      payload: { x: 1 },
    });
    expect(answer.installContext).toMatch(/^ari:cloud:jira::site\//);
  });

  it('invokes the resolver as the user named by ?as=', async () => {
    const bridge = await openPage(`/admin/?as=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`);
    expect(await bridge.invoke('whoami')).toMatchObject({ accountId: LOCAL_USER_ACCOUNT_ID });
    expect(await bridge.view.getContext()).toMatchObject({
      accountId: LOCAL_USER_ACCOUNT_ID,
      moduleKey: 'admin',
      extension: { type: 'jira:adminPage' },
    });
  });

  it('switches the acting user with POST /_local/actor', async () => {
    const bridge = await openPage('/admin/');
    try {
      expect((await h.post('/_local/actor', { accountId: LOCAL_USER_ACCOUNT_ID })).status).toBe(200);
      expect(await bridge.invoke('whoami')).toMatchObject({ accountId: LOCAL_USER_ACCOUNT_ID });
      expect(await json(await h.get('/_local/actor'))).toEqual({ accountId: LOCAL_USER_ACCOUNT_ID });
    } finally {
      await h.post('/_local/actor', { accountId: LOCAL_ADMIN_ACCOUNT_ID });
    }
    expect(await bridge.invoke('whoami')).toMatchObject({ accountId: LOCAL_ADMIN_ACCOUNT_ID });
  });

  it('gives the project settings page its project in the context, from Jira', async () => {
    const answer = await json<{ ok: boolean; value: WhoAmI }>(
      await h.post('/_local/bridge/invoke', {
        origin: { moduleKey: 'project-settings', projectKey: 'BILL' },
        payload: { functionKey: 'whoami' },
      }),
    );
    expect(answer.value.extension).toEqual({
      type: 'jira:projectSettingsPage',
      project: { id: '10000', key: 'BILL', type: expect.any(String) },
    });
  });

  it('rejects the invoke when the resolver throws', async () => {
    const bridge = await openPage('/admin/');
    await expect(bridge.invoke('fail')).rejects.toThrow('resolver failed');
  });

  it('answers requestJira (fetchProduct) as the acting user', async () => {
    const response = await h.post('/_local/bridge/fetchProduct', {
      origin: { moduleKey: 'admin', accountId: LOCAL_USER_ACCOUNT_ID },
      payload: {
        product: 'jira',
        restPath: '/rest/api/3/myself',
        fetchRequestInit: { method: 'GET', body: null, headers: [['accept', 'application/json']] },
      },
    });
    const answer = await json<{ ok: boolean; value: { status: number; body: string } }>(response);
    expect(answer.value.status).toBe(200);
    expect(JSON.parse(answer.value.body)).toMatchObject({ accountId: LOCAL_USER_ACCOUNT_ID });
  });

  it('refuses bridge calls it does not support, clearly', async () => {
    const response = await h.post('/_local/bridge/openModal', { origin: { moduleKey: 'admin' }, payload: {} });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      ok: false,
      error: "the bridge call 'openModal' is not supported by the local runtime",
    });
  });
});
