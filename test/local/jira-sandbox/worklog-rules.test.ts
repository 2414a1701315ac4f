import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { createIssue, useJiraSandbox, type Caller } from './harness';

const sandbox = useJiraSandbox({ each: true });

const HOUR = 3600;
const estimated = (original: string) => createIssue(sandbox, { timetracking: { originalEstimate: original } });
const logWork = (issueId: string, query = '', seconds = HOUR, as: Caller = 'app') =>
  sandbox.call('POST', `/rest/api/3/issue/${issueId}/worklog${query}`, { as, body: { timeSpentSeconds: seconds } });
const timeTracking = async (issueId: string) =>
  (await sandbox.call('GET', `/rest/api/3/issue/${issueId}?fields=timetracking,timeestimate`)).body.fields;

describe('adjustEstimate', () => {
  it('auto (the default) reduces the remaining estimate by the work, never below 0', async () => {
    const issue = await estimated('3h');
    expect(await timeTracking(issue.id)).toEqual({
      timetracking: {
        originalEstimate: '3h',
        originalEstimateSeconds: 3 * HOUR,
        remainingEstimate: '3h',
        remainingEstimateSeconds: 3 * HOUR,
      },
      timeestimate: 3 * HOUR,
    });
    expect((await logWork(issue.id)).status).toBe(201);
    expect((await timeTracking(issue.id)).timeestimate).toBe(2 * HOUR);
    await logWork(issue.id, '?adjustEstimate=auto', 5 * HOUR);
    expect(await timeTracking(issue.id)).toMatchObject({
      timeestimate: 0,
      timetracking: { remainingEstimateSeconds: 0, timeSpentSeconds: 6 * HOUR, originalEstimateSeconds: 3 * HOUR },
    });
    const changelog = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?expand=changelog&fields=summary`);
    expect(changelog.body.changelog.histories[0].items).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'timeestimate', from: '7200', to: '0' })]),
    );
  });

  it('leave keeps it; new sets newEstimate; manual reduces by reduceBy', async () => {
    const issue = await estimated('1d');
    await logWork(issue.id, '?adjustEstimate=leave');
    expect((await timeTracking(issue.id)).timeestimate).toBe(8 * HOUR);
    await logWork(issue.id, '?adjustEstimate=new&newEstimate=2h');
    expect((await timeTracking(issue.id)).timeestimate).toBe(2 * HOUR);
    await logWork(issue.id, '?adjustEstimate=manual&reduceBy=30m');
    expect((await timeTracking(issue.id)).timeestimate).toBe(1.5 * HOUR);
  });

  it('refuses new without newEstimate and manual without reduceBy, writing nothing', async () => {
    const issue = await estimated('1d');
    const noEstimate = await logWork(issue.id, '?adjustEstimate=new');
    expect(noEstimate.status).toBe(400);
    expect(noEstimate.body).toEqual({
      errorMessages: [],
      errors: { newEstimate: 'You must supply a valid new estimate.' },
    });
    const noReduce = await logWork(issue.id, '?adjustEstimate=manual&reduceBy=soon');
    expect(noReduce.body.errors).toEqual({
      reduceBy: 'You must supply a valid amount of time to reduce the estimate by.',
    });
    expect(sandbox.control.getIssue(issue.id)?.worklogs).toEqual([]);
  });

  it('puts the work back when a worklog is deleted (auto), and moves it by the difference when one changes', async () => {
    const issue = await estimated('4h');
    const added = await logWork(issue.id);
    await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}/worklog/${added.body.id}`, {
      body: { timeSpentSeconds: 2 * HOUR },
    });
    expect((await timeTracking(issue.id)).timeestimate).toBe(2 * HOUR);
    await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/worklog/${added.body.id}`);
    expect((await timeTracking(issue.id)).timeestimate).toBe(4 * HOUR);
  });

  it('leaves an issue without an estimate without one', async () => {
    const issue = await createIssue(sandbox);
    await logWork(issue.id);
    expect(await timeTracking(issue.id)).toEqual({
      timetracking: { timeSpent: '1h', timeSpentSeconds: HOUR },
      timeestimate: null,
    });
  });
});

describe('notifyUsers', () => {
  it('emails every watcher, the reporter and the assignee (never the one who logged the work) unless notifyUsers=false', async () => {
    const issue = await createIssue(sandbox, { assignee: { accountId: LOCAL_USER_ACCOUNT_ID } });
    expect(
      (await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/watchers`, { body: LOCAL_ADMIN_ACCOUNT_ID })).status,
    ).toBe(204);
    const watchers = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/watchers`);
    expect(watchers.body).toMatchObject({
      watchCount: 1,
      isWatching: false,
      watchers: [{ accountId: LOCAL_ADMIN_ACCOUNT_ID }],
    });

    await logWork(issue.id);
    expect(sandbox.control.notifications().map((sent) => [sent.event, sent.recipientAccountId])).toEqual([
      ['issue_work_logged', LOCAL_ADMIN_ACCOUNT_ID],
      ['issue_work_logged', LOCAL_USER_ACCOUNT_ID],
    ]);
    await logWork(issue.id, '?notifyUsers=false');
    expect(sandbox.control.notifications()).toHaveLength(2);
    // The admin logs work: only the assignee hears of it.
    await logWork(issue.id, '', HOUR, 'admin');
    expect(
      sandbox.control
        .notifications()
        .slice(2)
        .map((sent) => sent.recipientAccountId),
    ).toEqual([LOCAL_USER_ACCOUNT_ID]);
    const listed = await fetch(`${sandbox.baseUrl}/jira/_sandbox/notifications`);
    expect((await listed.json()).notifications).toHaveLength(3);
    await fetch(`${sandbox.baseUrl}/jira/_sandbox/notifications`, { method: 'DELETE' });
    expect(sandbox.control.notifications()).toEqual([]);
  });

  it('lets a person who creates an issue watch it, and manage their own watching', async () => {
    const issue = await createIssue(sandbox, {}, {});
    const byUser = await sandbox.call('POST', '/rest/api/3/issue', {
      as: 'user',
      body: { fields: { project: { key: 'BILL' }, issuetype: { name: 'Task' }, summary: 'Mine' } },
    });
    expect(
      (await sandbox.call('GET', `/rest/api/3/issue/${byUser.body.id}/watchers`, { as: 'user' })).body,
    ).toMatchObject({
      isWatching: true,
      watchCount: 1,
    });
    // Watching someone else in needs Manage watchers, which a plain user lacks.
    const forbidden = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/watchers`, {
      as: 'user',
      body: LOCAL_ADMIN_ACCOUNT_ID,
    });
    expect(forbidden.status).toBe(403);
    expect(
      (
        await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/watchers`, {
          as: 'user',
          body: LOCAL_USER_ACCOUNT_ID,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/watchers?accountId=${LOCAL_USER_ACCOUNT_ID}`, {
          as: 'user',
        })
      ).status,
    ).toBe(204);
    expect(sandbox.control.getIssue(issue.id)).toBeDefined();
    const unknown = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/watchers`, { body: '712020:nobody' });
    expect(unknown.status).toBe(400);
  });
});

describe('refused worklogs', () => {
  it('when time tracking is off for the site: 400 to add, 404 to read, and nothing written', async () => {
    const issue = await createIssue(sandbox);
    const added = await logWork(issue.id);
    sandbox.control.updateSettings({ timeTracking: false });
    const refused = await logWork(issue.id);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errorMessages: ['Time Tracking is not enabled.'], errors: {} });
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/worklog`)).status).toBe(404);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}/worklog/${added.body.id}`)).status).toBe(404);
    expect((await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}/worklog/${added.body.id}`)).status).toBe(404);
    expect(sandbox.control.getIssue(issue.id)?.worklogs).toHaveLength(1);
    // The estimate field leaves the screens with it.
    const edit = await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, {
      body: { fields: { timetracking: { originalEstimate: '1h' } } },
    });
    expect(edit.status).toBe(400);
    sandbox.control.updateSettings({ timeTracking: true });
    expect((await logWork(issue.id)).status).toBe(201);
  });

  it('when time tracking is off for the project only', async () => {
    sandbox.control.updateSettings({ timeTracking: { disabledProjects: ['OPS'] } });
    const ops = await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' } });
    const bill = await createIssue(sandbox);
    expect((await logWork(ops.id)).status).toBe(400);
    expect((await logWork(bill.id)).status).toBe(201);
  });

  it('on an issue in a non-editable status (OPS Closed: jira.issue.editable=false), unless an admin app overrides it', async () => {
    const issue = await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' } });
    for (const transition of ['31', '41'])
      expect(
        (
          await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
            body: { transition: { id: transition } },
          })
        ).status,
      ).toBe(204);
    const refused = await logWork(issue.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errorMessages).toEqual([
      'You cannot log work on this issue: it is in a non-editable workflow state.',
    ]);
    // The spec: only Connect and Forge app users with Administer Jira may use overrideEditableFlag.
    const byAdmin = await logWork(issue.id, '?overrideEditableFlag=true', HOUR, 'admin');
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.errorMessages).toEqual(['Only Connect app users with admin permissions can use this flag.']);
    expect(sandbox.control.getIssue(issue.id)?.worklogs).toEqual([]);
    expect((await logWork(issue.id, '?overrideEditableFlag=true')).status).toBe(201);
    const workflows = await sandbox.call('POST', '/rest/api/3/workflows', {
      body: { workflowNames: ['Software Simplified Workflow for Project OPS'] },
    });
    expect(workflows.body.workflows[0].statuses).toContainEqual({
      statusReference: '6',
      deprecated: false,
      properties: { 'jira.issue.editable': 'false' },
    });
  });

  it('never in BILL, whose statuses are all editable', async () => {
    const issue = await createIssue(sandbox);
    for (const transition of ['11', '31', '61'])
      await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
        body: { transition: { id: transition } },
      });
    expect(sandbox.control.getIssue(issue.id)?.status.name).toBe('Paid');
    expect((await logWork(issue.id)).status).toBe(201);
  });
});
