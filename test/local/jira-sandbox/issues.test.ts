import { LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { adf, createIssue, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox();

describe('issues', () => {
  it('creates, reads, edits and deletes an issue', async () => {
    const created = await sandbox.call('POST', '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'BILL' },
          issuetype: { name: 'Invoice' },
          summary: 'Invoice INV-7',
          description: adf('Total 120.00'),
          labels: ['wave'],
          duedate: '2026-02-01',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      key: expect.stringMatching(/^BILL-\d+$/),
      self: `${sandbox.baseUrl}/jira/rest/api/3/issue/${created.body.id}`,
    });

    const read = await sandbox.call('GET', `/rest/api/3/issue/${created.body.key}`);
    expect(read.status).toBe(200);
    expect(read.body.fields).toMatchObject({
      summary: 'Invoice INV-7',
      description: adf('Total 120.00'),
      labels: ['wave'],
      duedate: '2026-02-01',
      issuetype: { name: 'Invoice' },
      project: { key: 'BILL' },
      status: { name: 'Draft', statusCategory: { key: 'new' } },
      created: '2026-01-17T12:00:00.000+0000',
    });

    const edited = await sandbox.call('PUT', `/rest/api/3/issue/${created.body.id}`, {
      body: { fields: { summary: 'Invoice INV-7 (sent)' }, update: { labels: [{ add: 'synced' }] } },
    });
    expect(edited.status).toBe(204);
    const afterEdit = await sandbox.call('GET', `/rest/api/3/issue/${created.body.id}?fields=summary,labels`);
    expect(afterEdit.body.fields).toEqual({ summary: 'Invoice INV-7 (sent)', labels: ['wave', 'synced'] });

    const deleted = await sandbox.call('DELETE', `/rest/api/3/issue/${created.body.key}`);
    expect(deleted.status).toBe(204);
    const gone = await sandbox.call('GET', `/rest/api/3/issue/${created.body.key}`);
    expect(gone.status).toBe(404);
  });

  it("answers a missing issue with Jira's 404 body", async () => {
    const response = await sandbox.call('GET', '/rest/api/3/issue/BILL-9999');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
  });

  it('takes descriptions only as ADF', async () => {
    const response = await sandbox.call('POST', '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'BILL' },
          issuetype: { name: 'Task' },
          summary: 'Plain text',
          description: 'not a document',
        },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: [],
      errors: { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' },
    });
  });

  it("refuses unknown fields and the app's own custom fields on create and edit", async () => {
    const unknown = await sandbox.call('POST', '/rest/api/3/issue', {
      body: { fields: { project: { key: 'BILL' }, issuetype: { name: 'Task' }, summary: 'x', customfield_99999: 'y' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      errorMessages: [],
      errors: {
        customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    });

    const issue = await createIssue(sandbox);
    const appField = await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, {
      body: { fields: { customfield_10100: 'INV-1' } },
    });
    expect(appField.status).toBe(400);
    expect(appField.body.errors).toEqual({
      customfield_10100: "Field 'customfield_10100' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('answers unknown projects and issue types like Jira', async () => {
    const project = await sandbox.call('POST', '/rest/api/3/issue', {
      body: { fields: { project: { key: 'NOPE' }, issuetype: { name: 'Task' }, summary: 'x' } },
    });
    expect(project.status).toBe(400);
    expect(project.body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key' } });

    const issueType = await sandbox.call('POST', '/rest/api/3/issue', {
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Invoice' }, summary: 'x' } },
    });
    expect(issueType.status).toBe(400);
    expect(issueType.body).toEqual({ errorMessages: [], errors: { issuetype: 'Specify a valid issue type' } });

    const noSummary = await sandbox.call('POST', '/rest/api/3/issue', {
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' } } },
    });
    expect(noSummary.body).toEqual({
      errorMessages: [],
      errors: { summary: 'You must specify a summary of the issue.' },
    });
  });

  it('sets entity properties on create and returns them when asked', async () => {
    const issue = await createIssue(
      sandbox,
      {},
      { properties: [{ key: 'wave-link', value: { waveId: 'SW52b2ljZTox', kind: 'invoice' } }] },
    );
    const read = await sandbox.call('GET', `/rest/api/3/issue/${issue.key}?fields=summary&properties=wave-link`);
    expect(read.body.properties).toEqual({ 'wave-link': { waveId: 'SW52b2ljZTox', kind: 'invoice' } });
    const property = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/properties/wave-link`);
    expect(property.body).toEqual({ key: 'wave-link', value: { waveId: 'SW52b2ljZTox', kind: 'invoice' } });
    expect(
      (await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}/properties/other`, { body: { a: 1 } })).status,
    ).toBe(201);
    expect(
      (await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}/properties/other`, { body: { a: 2 } })).status,
    ).toBe(200);
    const keys = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/properties`);
    expect(keys.body.keys.map((entry: { key: string }) => entry.key)).toEqual(['wave-link', 'other']);
    expect((await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/properties/other`)).status).toBe(204);
    const missing = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/properties/other`);
    expect(missing.status).toBe(404);
  });

  it('lets only users with the permission delete', async () => {
    const issue = await createIssue(sandbox);
    const denied = await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}`, { as: 'user' });
    expect(denied.status).toBe(403);
    expect(denied.body.errorMessages).toEqual(['You do not have permission to delete issues in this project.']);
    const asUser = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=reporter`, { as: 'user' });
    expect(asUser.status).toBe(200);
  });

  it('records the reporter and creator of user-created issues', async () => {
    const created = await sandbox.call('POST', '/rest/api/3/issue', {
      as: 'user',
      body: { fields: { project: { key: 'OPS' }, issuetype: { name: 'Bug' }, summary: 'Printer on fire' } },
    });
    const read = await sandbox.call('GET', `/rest/api/3/issue/${created.body.id}?fields=creator,reporter,status`);
    expect(read.body.fields.creator.accountId).toBe(LOCAL_USER_ACCOUNT_ID);
    expect(read.body.fields.reporter.displayName).toBe('Local User');
    expect(read.body.fields.status.name).toBe('To Do');
  });

  it('needs a principal', async () => {
    const response = await sandbox.call('GET', '/rest/api/3/myself', { as: 'none' });
    expect(response.status).toBe(401);
    expect(response.body.errorMessages).toHaveLength(1);
  });

  it('renders expand=names,schema,changelog', async () => {
    const issue = await createIssue(sandbox);
    await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, { body: { fields: { summary: 'Renamed' } } });
    const read = await sandbox.call(
      'GET',
      `/rest/api/3/issue/${issue.id}?fields=summary,customfield_10100&expand=names,schema,changelog`,
    );
    expect(read.status).toBe(200);
    expect(read.body.names).toEqual({ summary: 'Summary', customfield_10100: 'Wave invoice number' });
    expect(read.body.schema.customfield_10100.custom).toBe(
      'ari:cloud:ecosystem::extension/7d3c1c5e-5b0a-4c55-9a51-3f1f5a0c9e21/b7c1f9a2-0000-4000-8000-00000000e001/static/wave-invoice-number',
    );
    expect(read.body.changelog.histories[0].items).toEqual([
      { field: 'summary', fieldtype: 'jira', fieldId: 'summary', fromString: 'Invoice INV-1', toString: 'Renamed' },
    ]);
  });
});
