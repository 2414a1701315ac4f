import { APP_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { createIssue, startSandbox, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox({ settings: { searchLagMs: 0 }, each: true });

async function linkedPair() {
  const invoice = await createIssue(sandbox, { summary: 'Invoice 1001' });
  const work = await createIssue(sandbox, {
    project: { key: 'OPS' },
    issuetype: { name: 'Task' },
    summary: 'Build the checkout',
  });
  const linked = await sandbox.call('POST', '/rest/api/3/issueLink', {
    body: { type: { name: 'Relates' }, inwardIssue: { key: invoice.key }, outwardIssue: { key: work.key } },
  });
  expect(linked.status).toBe(201);
  return { invoice, work };
}

const hideOpsFrom = (accountId: string) =>
  sandbox.control.setProjectPermissions({ accountId, projectKey: 'OPS', permissions: [] });

describe("a user's permissions in one project", () => {
  it('hide the project from a user who may not browse it: reads answer 404, search leaves it out', async () => {
    const { work } = await linkedPair();
    expect((await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'user' })).status).toBe(200);
    expect(hideOpsFrom(LOCAL_USER_ACCOUNT_ID)).toEqual({
      accountId: LOCAL_USER_ACCOUNT_ID,
      projectKey: 'OPS',
      permissions: [],
    });
    const hidden = await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'user' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    const found = await sandbox.call('POST', '/rest/api/3/search/jql', {
      as: 'user',
      body: { jql: 'project in (BILL, OPS) ORDER BY key ASC', fields: ['summary'] },
    });
    expect(found.body.issues.map((issue: { fields: { summary: string } }) => issue.fields.summary)).toEqual([
      'Invoice 1001',
    ]);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'admin' })).status).toBe(200);
  });

  it("leave out of an issue's links the issues the reader may not browse, as Jira does", async () => {
    const { invoice, work } = await linkedPair();
    const links = async (as: 'user' | 'admin') =>
      (await sandbox.call('GET', `/rest/api/3/issue/${invoice.key}?fields=issuelinks`, { as })).body.fields.issuelinks;
    expect(await links('user')).toHaveLength(1);
    hideOpsFrom(LOCAL_USER_ACCOUNT_ID);
    expect(await links('user')).toEqual([]);
    expect(await links('admin')).toEqual([
      expect.objectContaining({ outwardIssue: expect.objectContaining({ key: work.key }) }),
    ]);
  });

  it('apply to the app too: an app that may not browse a project cannot read its issues', async () => {
    const { work } = await linkedPair();
    hideOpsFrom(APP_ACCOUNT_ID);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'app' })).status).toBe(404);
  });

  it('can be given back: null restores the user’s defaults', async () => {
    const { work } = await linkedPair();
    hideOpsFrom(LOCAL_USER_ACCOUNT_ID);
    const response = await fetch(`${sandbox.baseUrl}/jira/_sandbox/project-permissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'OPS', permissions: ['BROWSE_PROJECTS'] }),
    });
    expect(await response.json()).toEqual({
      accountId: LOCAL_USER_ACCOUNT_ID,
      projectKey: 'OPS',
      permissions: ['BROWSE_PROJECTS'],
    });
    expect((await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'user' })).status).toBe(200);
    const edit = await sandbox.call('PUT', `/rest/api/3/issue/${work.key}`, {
      as: 'user',
      body: { fields: { summary: 'Renamed' } },
    });
    expect(edit.status).toBe(403);
    const restored = sandbox.control.setProjectPermissions({
      accountId: LOCAL_USER_ACCOUNT_ID,
      projectKey: 'OPS',
      permissions: null,
    });
    expect(restored.permissions).toContain('EDIT_ISSUES');
  });

  it('refuses bad input with every problem and changes nothing', async () => {
    const response = await fetch(`${sandbox.baseUrl}/jira/_sandbox/project-permissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: 'nobody', projectKey: 'NOPE', permissions: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid input',
      issues: ['accountId: no user nobody', 'projectKey: no project NOPE'],
    });
    const badPermission = await fetch(`${sandbox.baseUrl}/jira/_sandbox/project-permissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'OPS', permissions: ['FLY'] }),
    });
    expect(badPermission.status).toBe(400);
    const { work } = await linkedPair();
    expect((await sandbox.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'user' })).status).toBe(200);
  });

  it('are kept in the site across a restart', async () => {
    const first = await startSandbox({ settings: { searchLagMs: 0 } });
    try {
      const work = await createIssue(first, { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Work' });
      first.control.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'OPS', permissions: [] });
      await first.stop();
      const second = await startSandbox({ dataDir: first.dataDir });
      try {
        expect((await second.call('GET', `/rest/api/3/issue/${work.key}`, { as: 'user' })).status).toBe(404);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
