import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { openFrame } from './frame';
import { FIXTURE_APP, startHarness, type StackHarness } from './harness';
import { createIssue, frameSources, jiraAs, page } from './pages';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const frameOf = (moduleKey: string, issueKey: string, accountId = LOCAL_ADMIN_ACCOUNT_ID) =>
  `/modules/${moduleKey}/?${new URLSearchParams({ as: accountId, issueKey })}`;

describe('jira:issueContext on the issue page', () => {
  let h: StackHarness;

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP, jiraSettings: { searchLagMs: 0 } });
    await createIssue(h, {
      project: { key: 'BILL' },
      issuetype: { name: 'Invoice' },
      summary: 'Invoice 1001 for Northwind',
      description: adf('Sprint 14: OPS-1'),
      labels: ['wave'],
    });
    await createIssue(h, { project: { key: 'OPS' }, issuetype: { name: 'Bug' }, summary: 'Checkout fails' });
    await createIssue(h, { project: { key: 'BILL' }, issuetype: { name: 'Task' }, summary: 'Chase payment' });
    await jiraAs(h, 'POST', '/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'BILL-1' },
      outwardIssue: { key: 'OPS-1' },
    });
    await jiraAs(h, 'POST', '/issue/BILL-1/worklog', { timeSpentSeconds: 3600, comment: adf('Payment 500.00 USD') });
    await jiraAs(h, 'PUT', '/issue/BILL-1/properties/wave-link', { kind: 'invoice', waveId: 'SW52' });
  });

  afterEach(() => {
    for (const projectKey of ['BILL', 'OPS'])
      h.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey, permissions: null });
  });

  afterAll(async () => {
    await h.close();
  });

  it('shows the issue with its fields, description, links and work log, and frames the issue contexts', async () => {
    const { status, html } = await page(h, '/jira/browse/BILL-1');
    expect(status).toBe(200);
    for (const text of [
      'Invoice 1001 for Northwind',
      'Draft',
      'Sprint 14: OPS-1',
      'relates to',
      'Checkout fails',
      'Payment 500.00 USD',
      '1h',
    ])
      expect(html).toContain(text);
    expect(html).toContain('href="/jira/browse/OPS-1"');
    expect(frameSources(html)).toEqual([
      frameOf('invoice-panel', 'BILL-1'),
      frameOf('admin-panel', 'BILL-1'),
      frameOf('linked-panel', 'BILL-1'),
    ]);
    expect(html).toContain('<span class="panel-label">Invoice</span>');
    expect(html).toContain('Fixture invoice');
  });

  it('shows a panel only where its display conditions hold: project, issue type, admin, entity property', async () => {
    expect(frameSources((await page(h, '/jira/browse/OPS-1')).html)).toEqual([]);
    expect(frameSources((await page(h, '/jira/browse/BILL-2')).html)).toEqual([
      frameOf('invoice-panel', 'BILL-2'),
      frameOf('admin-panel', 'BILL-2'),
    ]);
    const asUser = await page(h, `/jira/browse/BILL-1?as=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`);
    expect(frameSources(asUser.html)).toEqual([
      frameOf('invoice-panel', 'BILL-1', LOCAL_USER_ACCOUNT_ID),
      frameOf('linked-panel', 'BILL-1', LOCAL_USER_ACCOUNT_ID),
    ]);
  });

  it("gives the frame Jira's extension context, and its resolver the same context", async () => {
    const { bridge } = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'BILL-1'));
    const extension = {
      type: 'jira:issueContext',
      issue: { id: '10000', key: 'BILL-1', type: 'Invoice', typeId: '10010' },
      project: { id: '10000', key: 'BILL', type: 'business' },
      location: `${h.stack.baseUrl}/jira/browse/BILL-1`,
    };
    expect(await bridge.view.getContext()).toMatchObject({
      accountId: LOCAL_ADMIN_ACCOUNT_ID,
      moduleKey: 'invoice-panel',
      siteUrl: `${h.stack.baseUrl}/jira`,
      localId: expect.stringMatching(/^ari:cloud:ecosystem::extension\/.+\/static\/invoice-panel$/),
      extension,
    });
    expect(await bridge.invoke('whoami', { n: 1 })).toEqual({
      accountId: LOCAL_ADMIN_ACCOUNT_ID,
      moduleKey: 'invoice-panel',
      extension,
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
      payload: { n: 1 },
    });
  });

  it('acts as the user the page is viewed as', async () => {
    const { html } = await page(h, `/jira/browse/BILL-1?as=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`);
    const { bridge } = await openFrame(h.stack.baseUrl, frameSources(html)[0] as string);
    expect(await bridge.invoke('whoami')).toMatchObject({ accountId: LOCAL_USER_ACCOUNT_ID });
  });

  it("gives a user who may not browse the issue Jira's no-access page, without panels; the frame refuses them", async () => {
    h.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: [] });
    const hidden = await page(h, `/jira/browse/BILL-1?as=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`);
    expect(hidden.status).toBe(404);
    expect(hidden.html).toContain("You don't have access to this issue");
    expect(hidden.html).not.toContain('Invoice 1001 for Northwind');
    expect(frameSources(hidden.html)).toEqual([]);
    const missing = await page(h, '/jira/browse/BILL-999');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("You don't have access to this issue");
    const { bridge } = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'BILL-1', LOCAL_USER_ACCOUNT_ID));
    await expect(bridge.view.getContext()).rejects.toThrow(
      "Issue BILL-1 does not exist, you do not have permission to see it, or 'invoice-panel' is not shown on it.",
    );
    await expect(bridge.invoke('whoami')).rejects.toThrow('does not exist, you do not have permission to see it');
  });

  it('refuses the context of a panel on an issue where it is not shown', async () => {
    const { bridge } = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'OPS-1'));
    await expect(bridge.view.getContext()).rejects.toThrow("'invoice-panel' is not shown on it");
  });

  it('leaves out links to issues the viewer may not browse', async () => {
    h.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'OPS', permissions: [] });
    const { html } = await page(h, `/jira/browse/BILL-1?as=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`);
    expect(html).not.toContain('/jira/browse/OPS-1');
    expect(html).not.toContain('Checkout fails');
    expect(html).toContain('No linked work items.');
  });

  it('refuses a viewer who is not a person of the site, and a frame URL without its issue', async () => {
    expect((await page(h, '/jira/browse/BILL-1?as=nobody')).status).toBe(400);
    const frame = await page(h, `/modules/invoice-panel/?as=${encodeURIComponent(LOCAL_ADMIN_ACCOUNT_ID)}`);
    expect(frame).toEqual({ status: 400, html: 'invalid frame URL: jira:issueContext needs issueKey' });
  });

  it('answers refresh, close and submit as Forge does in the issue view', async () => {
    const frame = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'BILL-1'));
    await frame.bridge.view.refresh();
    expect(frame.hostMessages).toEqual([{ source: 'forge-local-bridge', type: 'refresh' }]);
    await expect(frame.bridge.view.close()).rejects.toThrow("this resource's view is not closable.");
    await expect(frame.bridge.view.submit({})).rejects.toThrow("this resource's view is not submittable.");
  });

  it("navigates the page as Jira's router does", async () => {
    const frame = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'BILL-1'));
    const base = h.stack.baseUrl;
    await frame.bridge.router.navigate({ target: 'issue', issueKey: 'OPS-1' });
    await frame.bridge.router.navigate('/browse/BILL-2');
    await frame.bridge.router.open({ target: 'dashboard', dashboardId: '10000' });
    await frame.bridge.router.navigate('https://example.com/elsewhere');
    await frame.bridge.router.open({ target: 'module', moduleKey: 'admin' });
    expect(frame.navigations).toEqual([
      { kind: 'assign', url: `${base}/jira/browse/OPS-1` },
      { kind: 'assign', url: `${base}/jira/browse/BILL-2` },
      { kind: 'open', url: `${base}/jira/dashboards/10000` },
      { kind: 'open', url: 'https://example.com/elsewhere' },
      { kind: 'open', url: `${base}/admin/` },
    ]);
    expect((await frame.bridge.router.getUrl({ target: 'issue', issueKey: 'BILL-1' }))?.href).toBe(
      `${base}/jira/browse/BILL-1`,
    );
    await expect(
      frame.bridge.router.navigate({ target: 'projectSettingsDetails', projectKey: 'BILL' }),
    ).rejects.toThrow("navigation target 'projectSettingsDetails' has no page on the local stack");
    await expect(frame.bridge.router.navigate('javascript:alert(1)')).rejects.toThrow(
      'only http and https URLs can be opened',
    );
  });

  it("passes events between the app's frames on the page, and follows the browser's colour scheme", async () => {
    const frame = await openFrame(h.stack.baseUrl, frameOf('invoice-panel', 'BILL-1'), { colorScheme: 'dark' });
    const received: unknown[] = [];
    await frame.bridge.events.on('JIRA_ISSUE_CHANGED', (payload) => received.push(payload));
    frame.fromHost({
      source: 'forge-local-host',
      type: 'event',
      event: 'JIRA_ISSUE_CHANGED',
      payload: { issueId: '10000' },
    });
    frame.fromHost({ source: 'someone-else', type: 'event', event: 'JIRA_ISSUE_CHANGED', payload: 'forged' });
    expect(received).toEqual([{ issueId: '10000' }]);
    await frame.bridge.events.emit('invoice-resynced', { key: 'BILL-1' });
    expect(frame.hostMessages).toEqual([
      { source: 'forge-local-bridge', type: 'event', event: 'invoice-resynced', payload: { key: 'BILL-1' } },
    ]);
    expect((await frame.bridge.view.getContext()).theme).toEqual({ colorMode: 'dark' });
    await frame.bridge.view.theme.enable();
    expect(frame.htmlAttributes).toEqual({ 'data-color-mode': 'dark' });
  });
});
