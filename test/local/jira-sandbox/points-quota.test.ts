import { LOCAL_ADMIN_API_TOKEN, LOCAL_ADMIN_EMAIL } from '../../../local/jira-sandbox';
import { createIssue, T0, useJiraSandbox } from './harness';

// T0 is 12:00:00 on the runtime clock: the hour's window runs to 13:00:00.
const sandbox = useJiraSandbox({ each: true, settings: { searchLagMs: 0 } });

const points = () => sandbox.control.stats().points;
const spentOn = (operationId: string) => points().byOperation[operationId]?.points;

describe("the app's hourly points quota", () => {
  it("charges Jira's documented points: 1 a request, plus 1 per object a read returns (2 per identity object)", async () => {
    const issues = [await createIssue(sandbox), await createIssue(sandbox), await createIssue(sandbox)];
    expect(spentOn('createIssue')).toBe(3);
    await sandbox.call('GET', `/rest/api/3/issue/${issues[0]!.id}`);
    expect(spentOn('getIssue')).toBe(2);
    await sandbox.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = BILL' } });
    expect(spentOn('searchAndReconsileIssuesUsingJqlPost')).toBe(4);
    await sandbox.call('GET', '/rest/api/3/myself');
    expect(spentOn('getCurrentUser')).toBe(3);
    // A refused request costs the base point only.
    await sandbox.call('GET', '/rest/api/3/issue/NOPE-1');
    expect(spentOn('getIssue')).toBe(3);
    expect(points()).toMatchObject({ spentThisHour: 13, totalSpent: 13, requests: 7, refused: 0 });
  });

  it('answers 429 with Retry-After to the end of the hour and the quota reason once the budget is spent', async () => {
    sandbox.control.updateSettings({ pointsQuota: { pointsPerHour: 5 } });
    const issue = await createIssue(sandbox);
    for (let index = 0; index < 2; index += 1)
      expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}`)).status).toBe(200);
    sandbox.clock.advance(10 * 60_000);
    const refused = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    expect(refused.headers.get('retry-after')).toBe(String(50 * 60));
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('5');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-reset')).toBe(new Date(T0 + 3_600_000).toISOString());
    expect(refused.headers.get('beta-ratelimit-policy')).toBe('"global-app-quota";q=5;w=3600');
    expect(refused.headers.get('beta-ratelimit')).toBe('"global-app-quota";r=0;t=3000');
    // Writes are refused too; nothing was written.
    const edit = await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, { body: { fields: { summary: 'x' } } });
    expect(edit.status).toBe(429);
    expect(sandbox.control.getIssue(issue.id)?.summary).not.toBe('x');
    expect(points()).toMatchObject({ spentThisHour: 5, refused: 2 });
    // The next hour has a new budget.
    sandbox.clock.advance(50 * 60_000);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}`)).status).toBe(200);
    expect(points()).toMatchObject({
      spentThisHour: 2,
      totalSpent: 7,
      windowStart: new Date(T0 + 3_600_000).toISOString(),
    });
  });

  it('tells the caller how much is left, and warns under 20%', async () => {
    sandbox.control.updateSettings({ pointsQuota: { pointsPerHour: 10 } });
    const first = await sandbox.call('GET', '/rest/api/3/serverInfo');
    expect(first.headers.get('beta-ratelimit')).toBe('"global-app-quota";r=8;t=3600');
    expect(first.headers.get('x-ratelimit-nearlimit')).toBeNull();
    for (let index = 0; index < 3; index += 1) await sandbox.call('GET', '/rest/api/3/serverInfo');
    const late = await sandbox.call('GET', '/rest/api/3/serverInfo');
    expect(late.headers.get('beta-ratelimit')).toBe('"global-app-quota";r=0;t=3600');
    expect(late.headers.get('x-ratelimit-nearlimit')).toBe('true');
  });

  it('charges asUser calls too, but not API-token traffic (Jira: "not affected")', async () => {
    sandbox.control.updateSettings({ pointsQuota: { pointsPerHour: 4 } });
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo', { as: 'user' })).status).toBe(200);
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo', { as: 'app' })).status).toBe(200);
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo', { as: 'app' })).status).toBe(429);
    const basic = Buffer.from(`${LOCAL_ADMIN_EMAIL}:${LOCAL_ADMIN_API_TOKEN}`).toString('base64');
    const withToken = await fetch(`${sandbox.baseUrl}/jira/rest/api/3/serverInfo`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(withToken.status).toBe(200);
    expect(points().spentThisHour).toBe(4);
  });

  it('prices undocumented operations as set, and can be switched off', async () => {
    sandbox.control.updateSettings({ pointsQuota: { pointsPerHour: 100, costs: { operations: { getFields: 40 } } } });
    await sandbox.call('GET', '/rest/api/3/field');
    await sandbox.call('GET', '/rest/api/3/field');
    expect(spentOn('getFields')).toBe(80);
    await sandbox.call('GET', '/rest/api/3/field');
    expect((await sandbox.call('GET', '/rest/api/3/field')).status).toBe(429);
    sandbox.control.updateSettings({ pointsQuota: false });
    expect((await sandbox.call('GET', '/rest/api/3/field')).status).toBe(200);
  });

  it('keeps the burst limit beside it: a burst 429 costs nothing', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 101; index += 1)
      statuses.push((await sandbox.call('GET', '/rest/api/3/myself')).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(points().byOperation.getCurrentUser).toEqual({ requests: 100, points: 300 });
    sandbox.control.resetStats();
    expect(points()).toMatchObject({ totalSpent: 0, requests: 0, spentThisHour: 300 });
  });
});
