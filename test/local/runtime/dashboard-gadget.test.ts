import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { openFrame } from './frame';
import { FIXTURE_APP, startHarness, type StackHarness } from './harness';
import { frameSources, gadgetAttribute, page } from './pages';

const USER = encodeURIComponent(LOCAL_USER_ACCOUNT_ID);
const frameOf = (moduleKey: string, gadgetId: string, options: { edit?: boolean; accountId?: string } = {}) =>
  `/modules/${moduleKey}/${options.edit ? 'edit/' : ''}?${new URLSearchParams({
    as: options.accountId ?? LOCAL_ADMIN_ACCOUNT_ID,
    dashboardId: '10000',
    gadgetId,
  })}`;

describe('jira:dashboardGadget on the dashboard', () => {
  let h: StackHarness;
  /** The default instances: one of each gadget module, in manifest order. */
  const RECEIVABLES = '10000';
  const ADMIN_GADGET = '10001';

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP });
  });

  afterAll(async () => {
    await h.close();
  });

  const configurationOf = (gadgetId: string) =>
    h.stack.jira.dashboard()?.gadgets.find((gadget) => gadget.id === gadgetId)?.configuration;

  it('shows one instance of each gadget, each framed under its title, with Edit where there is an edit view', async () => {
    const { status, html } = await page(h, '/jira/dashboard');
    expect(status).toBe(200);
    expect(html).toContain('Billing dashboard');
    expect(html).toContain('Fixture receivables');
    expect(html).toContain('<a href="https://example.com/admin-gadget">Fixture admin gadget</a>');
    expect(frameSources(html)).toEqual([frameOf('receivables', RECEIVABLES), frameOf('admin-gadget', ADMIN_GADGET)]);
    expect(gadgetAttribute(html, RECEIVABLES, 'data-edit-src')).toBe(
      frameOf('receivables', RECEIVABLES, { edit: true }),
    );
    expect(gadgetAttribute(html, ADMIN_GADGET, 'data-edit-src')).toBeUndefined();
    expect(gadgetAttribute(html, ADMIN_GADGET, 'data-refreshable')).toBe('false');
    expect(html).toContain('<button type="button" data-action="edit"');
    expect((await page(h, '/jira/')).html).toContain('href="/jira/dashboard"');
    expect((await page(h, '/jira/dashboards/10000')).html).toBe(html);
  });

  it("gives the view Jira's extension context: gadget, dashboard, saved configuration, no entry point", async () => {
    const { bridge } = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES));
    const context = await bridge.view.getContext();
    expect(context).toMatchObject({ moduleKey: 'receivables', accountId: LOCAL_ADMIN_ACCOUNT_ID });
    expect(context.extension).toEqual({
      type: 'jira:dashboardGadget',
      gadget: { id: RECEIVABLES },
      dashboard: { id: '10000' },
      gadgetConfiguration: {},
      location: `${h.stack.baseUrl}/jira/dashboards/10000`,
    });
  });

  it('saves what the edit view submits, shows the view again, and gives it to both views and the resolver', async () => {
    const edit = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES, { edit: true }));
    expect((await edit.bridge.view.getContext()).extension).toMatchObject({
      entryPoint: 'edit',
      gadgetConfiguration: {},
    });
    await edit.bridge.view.submit({ heading: 'Receivables Q1', currencies: ['USD', 'EUR'], refresh: 15 });
    expect(edit.hostMessages).toEqual([{ source: 'forge-local-bridge', type: 'submitted' }]);
    const saved = { heading: 'Receivables Q1', currencies: ['USD', 'EUR'], refresh: 15 };
    expect(configurationOf(RECEIVABLES)).toEqual(saved);
    const view = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES));
    expect((await view.bridge.view.getContext()).extension.gadgetConfiguration).toEqual(saved);
    expect(await view.bridge.invoke('whoami')).toMatchObject({
      moduleKey: 'receivables',
      extension: { type: 'jira:dashboardGadget', gadget: { id: RECEIVABLES }, gadgetConfiguration: saved },
    });
    expect((await edit.bridge.view.getContext()).extension.gadgetConfiguration).toEqual(saved);
    expect(gadgetAttribute((await page(h, '/jira/dashboard')).html, RECEIVABLES, 'data-refresh-minutes')).toBe('15');
  });

  it('shows the view again when the edit view is opened on its own page', async () => {
    const edit = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES, { edit: true }), {
      framed: false,
    });
    await edit.bridge.view.submit({ heading: 'Alone' });
    await edit.bridge.view.close();
    const view = `${frameOf('receivables', RECEIVABLES)}`;
    expect(edit.navigations).toEqual([
      { kind: 'assign', url: view },
      { kind: 'assign', url: view },
    ]);
  });

  it('refuses a configuration Jira would not keep, and keeps the saved one', async () => {
    const edit = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES, { edit: true }));
    const before = configurationOf(RECEIVABLES);
    await expect(edit.bridge.view.submit(['not', 'an', 'object'])).rejects.toThrow(
      'The gadget configuration must be a JSON object.',
    );
    await expect(edit.bridge.view.submit('text')).rejects.toThrow('The gadget configuration must be a JSON object.');
    await expect(edit.bridge.view.submit({ refresh: 0 })).rejects.toThrow(
      'refresh must be a positive whole number of minutes.',
    );
    await expect(edit.bridge.view.submit({ refresh: 2.5 })).rejects.toThrow('refresh must be a positive whole number');
    await expect(edit.bridge.view.submit({ notes: 'x'.repeat(40_000) })).rejects.toThrow(
      'The gadget configuration must be at most 32768 characters of JSON',
    );
    expect(configurationOf(RECEIVABLES)).toEqual(before);
    expect(edit.hostMessages).toEqual([]);
  });

  it('closes the edit view back to the view; the view refreshes, and neither view is submittable or closable otherwise', async () => {
    const edit = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES, { edit: true }));
    await edit.bridge.view.close();
    expect(edit.hostMessages).toEqual([{ source: 'forge-local-bridge', type: 'close' }]);
    const view = await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES));
    await view.bridge.view.refresh();
    expect(view.hostMessages).toEqual([{ source: 'forge-local-bridge', type: 'refresh' }]);
    await expect(view.bridge.view.submit({ heading: 'x' })).rejects.toThrow("this resource's view is not submittable.");
    await expect(view.bridge.view.close()).rejects.toThrow("this resource's view is not closable.");
    const admin = await openFrame(h.stack.baseUrl, '/admin/');
    await expect(admin.bridge.view.refresh()).rejects.toThrow("this resource's view is not refreshable.");
  });

  it('lets only editors of the dashboard edit it: others see the views, without Edit, and cannot submit', async () => {
    const { html } = await page(h, `/jira/dashboard?as=${USER}`);
    expect(html).not.toContain('<button type="button" data-action="edit"');
    expect(html).not.toContain('Add gadget');
    expect(html).toContain('only its owner and Jira admins can change its gadgets');
    expect(frameSources(html)[0]).toBe(frameOf('receivables', RECEIVABLES, { accountId: LOCAL_USER_ACCOUNT_ID }));
    const view = await openFrame(h.stack.baseUrl, frameSources(html)[0] as string);
    expect((await view.bridge.view.getContext()).accountId).toBe(LOCAL_USER_ACCOUNT_ID);
    const edit = await openFrame(
      h.stack.baseUrl,
      frameOf('receivables', RECEIVABLES, { edit: true, accountId: LOCAL_USER_ACCOUNT_ID }),
    );
    await expect(edit.bridge.view.getContext()).rejects.toThrow('You do not have permission to edit this dashboard.');
    const before = configurationOf(RECEIVABLES);
    await expect(edit.bridge.view.submit({ heading: 'Mine' })).rejects.toThrow(
      'You do not have permission to edit this dashboard.',
    );
    expect(configurationOf(RECEIVABLES)).toEqual(before);
  });

  it("shows a gadget whose display conditions fail for the viewer as Jira's error, without its frame", async () => {
    const { html } = await page(h, `/jira/dashboard?as=${USER}`);
    expect(html).toContain("You don't have permission to view this gadget.");
    expect(frameSources(html)).toHaveLength(1);
    const frame = await openFrame(
      h.stack.baseUrl,
      frameOf('admin-gadget', ADMIN_GADGET, { accountId: LOCAL_USER_ACCOUNT_ID }),
    );
    await expect(frame.bridge.view.getContext()).rejects.toThrow(
      "Dashboard 10000 has no gadget 10001 of 'admin-gadget'.",
    );
  });

  it('adds another gadget, which opens in its edit view, and removes it', async () => {
    const added = await h.get('/jira/dashboards/10000/gadgets', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'moduleKey=receivables',
      redirect: 'manual',
    });
    expect(added.status).toBe(303);
    const gadget = h.stack.jira.dashboard()?.gadgets.at(-1);
    expect(gadget).toEqual({ id: expect.any(String), moduleKey: 'receivables', configuration: {}, configured: false });
    const id = gadget?.id as string;
    expect(added.headers.get('location')).toBe(`/jira/dashboards/10000#gadget-${id}`);
    const { html } = await page(h, '/jira/dashboard');
    expect(gadgetAttribute(html, id, 'data-mode')).toBe('edit');
    expect(frameSources(html)).toContain(frameOf('receivables', id, { edit: true }));
    expect(gadgetAttribute(html, RECEIVABLES, 'data-mode')).toBe('view');
    const removed = await h.get(`/jira/dashboards/10000/gadgets/${id}/remove`, { method: 'POST', redirect: 'manual' });
    expect(removed.status).toBe(303);
    expect(h.stack.jira.dashboard()?.gadgets.map((each) => each.id)).toEqual([RECEIVABLES, ADMIN_GADGET]);
  });

  it('refuses changes from those who may not make them, and gadgets that do not exist, changing nothing', async () => {
    const before = h.stack.jira.dashboard();
    const post = (path: string, body = '') =>
      h.get(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    const byUser = await post(`/jira/dashboards/10000/gadgets?as=${USER}`, 'moduleKey=receivables');
    expect(byUser.status).toBe(403);
    expect(await byUser.text()).toContain('You do not have permission to edit this dashboard.');
    expect((await post(`/jira/dashboards/10000/gadgets/${RECEIVABLES}/remove?as=${USER}`)).status).toBe(403);
    expect((await post('/jira/dashboards/10000/gadgets', 'moduleKey=nope')).status).toBe(400);
    expect((await post('/jira/dashboards/10000/gadgets/99999/remove')).status).toBe(404);
    expect((await post('/jira/dashboards/12345/gadgets', 'moduleKey=receivables')).status).toBe(404);
    expect(h.stack.jira.dashboard()).toEqual(before);
  });

  it('keeps the dashboard and gadget configuration across a restart', async () => {
    await openFrame(h.stack.baseUrl, frameOf('receivables', RECEIVABLES, { edit: true })).then((edit) =>
      edit.bridge.view.submit({ heading: 'Kept' }),
    );
    const dataDir = h.dataDir;
    await h.close({ keepData: true });
    h = await startHarness({ appDir: FIXTURE_APP, dataDir });
    expect(configurationOf(RECEIVABLES)).toEqual({ heading: 'Kept' });
    expect(frameSources((await page(h, '/jira/dashboard')).html)).toHaveLength(2);
  });
});
