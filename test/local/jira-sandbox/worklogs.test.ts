import { LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { adf, createIssue, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox();

describe('worklogs', () => {
  it("adds a worklog with Jira's started format, ADF comment and an idempotency property", async () => {
    const issue = await createIssue(sandbox);
    const added = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog?expand=properties`, {
      body: {
        started: '2026-01-17T12:34:00.000+0100',
        timeSpentSeconds: 5400,
        comment: adf('Payment received'),
        properties: [{ key: 'wave-payment', value: { paymentId: 'P-1' } }],
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      started: '2026-01-17T11:34:00.000+0000',
      timeSpent: '1h 30m',
      timeSpentSeconds: 5400,
      issueId: issue.id,
      comment: adf('Payment received'),
      properties: [{ key: 'wave-payment', value: { paymentId: 'P-1' } }],
    });
    const property = await sandbox.call(
      'GET',
      `/rest/api/3/issue/${issue.key}/worklog/${added.body.id}/properties/wave-payment`,
    );
    expect(property.status).toBe(200);
    expect(property.body).toEqual({ key: 'wave-payment', value: { paymentId: 'P-1' } });
    const fields = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=timespent,worklog`);
    expect(fields.body.fields.timespent).toBe(5400);
    expect(fields.body.fields.worklog.total).toBe(1);
  });

  it('refuses less than a minute and unparsable durations', async () => {
    const issue = await createIssue(sandbox);
    const tooShort = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { started: '2026-01-17T12:34:00.000+0000', timeSpentSeconds: 59 },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toEqual({
      errorMessages: [],
      errors: { timeLogged: 'You must indicate the time spent working.' },
    });
    const badText = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { timeSpent: 'an hour' },
    });
    expect(badText.body).toEqual({ errorMessages: [], errors: { timeLogged: 'Invalid time duration entered.' } });
    const minute = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { timeSpentSeconds: 60 },
    });
    expect(minute.status).toBe(201);
    const text = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, { body: { timeSpent: '2h 30m' } });
    expect(text.body.timeSpentSeconds).toBe(9000);
  });

  it("refuses started dates not in yyyy-MM-dd'T'HH:mm:ss.SSSZ", async () => {
    const issue = await createIssue(sandbox);
    for (const started of ['2026-01-17T12:34:00Z', '2026-01-17T12:34:00.000+00:00', '2026-01-17']) {
      const response = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
        body: { started, timeSpentSeconds: 120 },
      });
      expect(response.status).toBe(400);
      expect(response.body.errorMessages).toEqual([
        "Invalid date format. Please enter the date in the format 'yyyy-MM-dd'T'HH:mm:ss.SSSZ'.",
      ]);
    }
  });

  it('takes worklog comments only as ADF', async () => {
    const issue = await createIssue(sandbox);
    const response = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { timeSpentSeconds: 120, comment: 'plain' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.comment).toMatch(/Atlassian Document/);
  });

  it('pages, updates and deletes worklogs', async () => {
    const issue = await createIssue(sandbox);
    for (let index = 0; index < 3; index += 1) {
      await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
        body: { started: `2026-01-1${index}T09:00:00.000+0000`, timeSpentSeconds: 60 * (index + 1) },
      });
    }
    const firstPage = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/worklog?startAt=1&maxResults=1`);
    expect(firstPage.body).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect(firstPage.body.worklogs.map((worklog: { timeSpentSeconds: number }) => worklog.timeSpentSeconds)).toEqual([
      120,
    ]);
    const started = Date.UTC(2026, 0, 11, 9);
    const filtered = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/worklog?startedAfter=${started}`);
    expect(filtered.body.total).toBe(2);

    const id = firstPage.body.worklogs[0].id;
    const updated = await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}/worklog/${id}`, {
      body: { timeSpent: '1h' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.timeSpentSeconds).toBe(3600);
    expect((await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/worklog/${id}`)).status).toBe(204);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/worklog/${id}`)).status).toBe(404);
    expect(sandbox.control.getIssue(issue.key)?.worklogs.map((worklog) => worklog.timeSpentSeconds)).toEqual([60, 180]);
  });

  it('lets a user delete only their own worklogs', async () => {
    const issue = await createIssue(sandbox);
    const byApp = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { timeSpentSeconds: 60 },
    });
    const byUser = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      as: 'user',
      body: { timeSpentSeconds: 60 },
    });
    expect(byUser.body.author.accountId).toBe(LOCAL_USER_ACCOUNT_ID);
    expect(
      (await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/worklog/${byApp.body.id}`, { as: 'user' })).status,
    ).toBe(403);
    expect(
      (await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/worklog/${byUser.body.id}`, { as: 'user' })).status,
    ).toBe(204);
  });

  it('adds and lists ADF comments and issue links', async () => {
    const issue = await createIssue(sandbox);
    const other = await createIssue(sandbox, { issuetype: { name: 'Account' }, summary: 'Acme Corp' });
    const comment = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/comment`, {
      body: { body: adf('Synced from Wave') },
    });
    expect(comment.status).toBe(201);
    const comments = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/comment`);
    expect(comments.body.total).toBe(1);
    const types = await sandbox.call('GET', '/rest/api/3/issueLinkType');
    expect(types.body.issueLinkTypes.map((type: { name: string }) => type.name)).toContain('Relates');
    const link = await sandbox.call('POST', '/rest/api/3/issueLink', {
      body: { type: { name: 'Relates' }, inwardIssue: { key: issue.key }, outwardIssue: { key: other.key } },
    });
    expect(link.status).toBe(201);
    const links = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=issuelinks`);
    expect(links.body.fields.issuelinks).toEqual([
      expect.objectContaining({
        outwardIssue: expect.objectContaining({ key: other.key }),
        type: expect.objectContaining({ name: 'Relates' }),
      }),
    ]);
    const reverse = await sandbox.call('GET', `/rest/api/3/issue/${other.id}?fields=issuelinks`);
    expect(reverse.body.fields.issuelinks[0].inwardIssue.key).toBe(issue.key);
    const linkById = await sandbox.call('GET', `/rest/api/3/issueLink/${links.body.fields.issuelinks[0].id}`);
    expect(linkById.status).toBe(200);
  });
});
