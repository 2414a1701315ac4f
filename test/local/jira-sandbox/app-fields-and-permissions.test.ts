import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { APP_UUID, createIssue, ENVIRONMENT_ID, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox({ settings: { searchLagMs: 0 } });

describe("the app's custom fields", () => {
  it("lists them in /field with Forge's extension ARI", async () => {
    const response = await sandbox.call('GET', '/rest/api/3/field');
    expect(response.status).toBe(200);
    const field = response.body.find((candidate: { id: string }) => candidate.id === 'customfield_10100');
    expect(field).toMatchObject({
      name: 'Wave invoice number',
      custom: true,
      clauseNames: ['cf[10100]', 'Wave invoice number'],
      schema: {
        type: 'string',
        custom: `ari:cloud:ecosystem::extension/${APP_UUID}/${ENVIRONMENT_ID}/static/wave-invoice-number`,
        customId: 10100,
      },
    });
    expect(response.body.find((candidate: { id: string }) => candidate.id === 'customfield_10101').schema.type).toBe(
      'number',
    );
  });

  it('sets values for many issues and fields in one call, as the app', async () => {
    const first = await createIssue(sandbox);
    const second = await createIssue(sandbox);
    const response = await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: {
        updates: [
          { customField: 'customfield_10100', issueIds: [Number(first.id), Number(second.id)], value: 'INV-42' },
          { customField: 'customfield_10101', issueIds: [Number(first.id)], value: 120.5 },
          { customField: 'customfield_10102', issueIds: [Number(second.id)], value: '2026-02-28' },
        ],
      },
    });
    expect(response.status).toBe(204);
    const read = await sandbox.call(
      'GET',
      `/rest/api/3/issue/${first.id}?fields=customfield_10100,customfield_10101,customfield_10102`,
    );
    expect(read.body.fields).toEqual({
      customfield_10100: 'INV-42',
      customfield_10101: 120.5,
      customfield_10102: null,
    });
    expect(sandbox.control.getIssue(second.key)?.appFields).toEqual({
      'wave-invoice-number': 'INV-42',
      'wave-due-date': '2026-02-28',
    });

    const single = await sandbox.call('PUT', '/rest/api/3/app/field/customfield_10101/value', {
      body: { updates: [{ issueIds: [Number(second.id)], value: 99 }] },
    });
    expect(single.status).toBe(204);
    expect(sandbox.control.getIssue(second.id)?.appFields['wave-amount']).toBe(99);
  });

  it('refuses users, foreign fields and values of the wrong type', async () => {
    const issue = await createIssue(sandbox);
    const body = { updates: [{ customField: 'customfield_10100', issueIds: [Number(issue.id)], value: 'INV-1' }] };
    const asUser = await sandbox.call('POST', '/rest/api/3/app/field/value', { as: 'user', body });
    expect(asUser.status).toBe(403);
    const system = await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'summary', issueIds: [Number(issue.id)], value: 'x' }] },
    });
    expect(system.status).toBe(403);
    const unknown = await sandbox.call('PUT', '/rest/api/3/app/field/customfield_12345/value', {
      body: { updates: [{ issueIds: [Number(issue.id)], value: 'x' }] },
    });
    expect(unknown.status).toBe(404);
    const wrongType = await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'customfield_10101', issueIds: [Number(issue.id)], value: 'twelve' }] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toEqual({
      errorMessages: [],
      errors: { customfield_10101: 'Operation value must be a number' },
    });
    expect(sandbox.control.getIssue(issue.id)?.appFields).toEqual({});
  });

  it('finds issues by app field values with JQL', async () => {
    const issue = await createIssue(sandbox);
    await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'customfield_10101', issueIds: [Number(issue.id)], value: 5000 }] },
    });
    const response = await sandbox.call('POST', '/rest/api/3/search/jql', {
      body: { jql: 'cf[10101] >= 4000 AND "Wave amount" < 6000', fields: ['customfield_10101'] },
    });
    expect(response.body.issues.map((found: { key: string }) => found.key)).toEqual([issue.key]);
  });
});

describe('permissions', () => {
  it('answers mypermissions for the admin and the plain user', async () => {
    const path =
      '/rest/api/3/mypermissions?permissions=ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS,EDIT_ISSUES&projectKey=BILL';
    const admin = await sandbox.call('GET', path, { as: 'admin' });
    expect(admin.status).toBe(200);
    const grants = (body: { permissions: Record<string, { havePermission: boolean }> }) =>
      Object.fromEntries(Object.entries(body.permissions).map(([key, value]) => [key, value.havePermission]));
    expect(grants(admin.body)).toEqual({
      ADMINISTER: true,
      ADMINISTER_PROJECTS: true,
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
    });
    const user = await sandbox.call('GET', path, { as: 'user' });
    expect(grants(user.body)).toEqual({
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false,
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
    });
    expect(admin.body.permissions.ADMINISTER.type).toBe('GLOBAL');
  });

  it('refuses missing and unknown permission keys and unknown projects', async () => {
    expect((await sandbox.call('GET', '/rest/api/3/mypermissions', { as: 'user' })).status).toBe(400);
    expect((await sandbox.call('GET', '/rest/api/3/mypermissions?permissions=FLY', { as: 'user' })).status).toBe(400);
    const project = await sandbox.call('GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE', {
      as: 'user',
    });
    expect(project.status).toBe(404);
    expect(project.body.errorMessages).toEqual(["No project could be found with key 'NOPE'."]);
  });

  it('checks permissions in bulk, for another user when asked by an admin', async () => {
    const body = {
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS', 'CREATE_ISSUES'], projects: [10000, 10001] }],
    };
    const self = await sandbox.call('POST', '/rest/api/3/permissions/check', { as: 'user', body });
    expect(self.status).toBe(200);
    expect(self.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'ADMINISTER_PROJECTS', projects: [], issues: [] },
        { permission: 'CREATE_ISSUES', projects: [10000, 10001], issues: [] },
      ],
    });
    const forAdmin = await sandbox.call('POST', '/rest/api/3/permissions/check', {
      as: 'app',
      body: { ...body, accountId: LOCAL_ADMIN_ACCOUNT_ID },
    });
    expect(forAdmin.body.globalPermissions).toEqual(['ADMINISTER']);
    const notAllowed = await sandbox.call('POST', '/rest/api/3/permissions/check', {
      as: 'user',
      body: { ...body, accountId: LOCAL_ADMIN_ACCOUNT_ID },
    });
    expect(notAllowed.status).toBe(403);
  });

  it('tells each caller who they are', async () => {
    const user = await sandbox.call('GET', '/rest/api/3/myself', { as: 'user' });
    expect(user.body).toMatchObject({
      accountId: LOCAL_USER_ACCOUNT_ID,
      displayName: 'Local User',
      accountType: 'atlassian',
      active: true,
    });
    const app = await sandbox.call('GET', '/rest/api/3/myself', { as: 'app' });
    expect(app.body).toMatchObject({ accountType: 'app', displayName: 'Wave Accounting sync' });
  });

  it("describes the site's projects and issue types", async () => {
    const projects = await sandbox.call('GET', '/rest/api/3/project/search?expand=issueTypes');
    expect(projects.body.values.map((project: { key: string }) => project.key)).toEqual(['ACME', 'BILL', 'OPS']);
    expect(projects.body.values[0].issueTypes.map((type: { name: string }) => type.name)).toEqual([
      'Story',
      'Task',
      'Bug',
    ]);
    expect(projects.body.values[1].issueTypes.map((type: { name: string }) => type.name)).toEqual([
      'Task',
      'Invoice',
      'Account',
    ]);
    const project = await sandbox.call('GET', '/rest/api/3/project/BILL');
    expect(project.body).toMatchObject({ id: '10000', key: 'BILL', name: 'Billing' });
    expect((await sandbox.call('GET', '/rest/api/3/project/NOPE')).status).toBe(404);
    const types = await sandbox.call('GET', '/rest/api/3/issuetype/project?projectId=10001');
    expect(types.body.map((type: { name: string }) => type.name)).toEqual(['Task', 'Bug']);
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo')).body.deploymentType).toBe('Cloud');
    expect((await sandbox.call('GET', '/rest/api/3/status')).status).toBe(200);
  });
});
