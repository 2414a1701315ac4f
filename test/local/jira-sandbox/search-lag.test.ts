import { createIssue, useJiraSandbox, type Json } from './harness';

const sandbox = useJiraSandbox({ each: true });

const LAG_MS = 2_000;
const byWaveId = (waveId: string) => `issue.property[wave-link].waveId = "${waveId}"`;

async function keys(jql: string, reconcileIssues?: number[]): Promise<string[]> {
  const response = await sandbox.call('POST', '/rest/api/3/search/jql', {
    body: { jql, fields: ['summary'], ...(reconcileIssues ? { reconcileIssues } : {}) },
  });
  expect(response.status).toBe(200);
  return response.body.issues.map((issue: Json) => issue.key);
}

describe('search lags behind writes (searchLagMs, runtime clock)', () => {
  it('finds a new issue by its indexed entity property only once the lag has passed', async () => {
    const issue = await createIssue(sandbox, {}, { properties: [{ key: 'wave-link', value: { waveId: 'W-1' } }] });
    expect(await keys(byWaveId('W-1'))).toEqual([]);
    expect(await keys('project = BILL')).toEqual([]);
    sandbox.clock.advance(LAG_MS - 1);
    expect(await keys(byWaveId('W-1'))).toEqual([]);
    sandbox.clock.advance(1);
    expect(await keys(byWaveId('W-1'))).toEqual([issue.key]);
  });

  it('finds it at once with reconcileIssues, and reads by id are always current', async () => {
    const issue = await createIssue(sandbox, {}, { properties: [{ key: 'wave-link', value: { waveId: 'W-2' } }] });
    expect(await keys(byWaveId('W-2'), [Number(issue.id)])).toEqual([issue.key]);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=summary`)).status).toBe(200);
    const get = await sandbox.call(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(byWaveId('W-2'))}&reconcileIssues=${issue.id}`,
    );
    expect(get.body.issues.map((found: Json) => found.id)).toEqual([issue.id]);
  });

  it('shows the indexed version of a changed issue: old fields, old properties', async () => {
    const issue = await createIssue(
      sandbox,
      { summary: 'Before' },
      {
        properties: [{ key: 'wave-link', value: { waveId: 'W-3' } }],
      },
    );
    sandbox.clock.advance(LAG_MS);
    await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, { body: { fields: { summary: 'After' } } });
    await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}/properties/wave-link`, { body: { waveId: 'W-4' } });
    const stale = await sandbox.call('POST', '/rest/api/3/search/jql', {
      body: { jql: byWaveId('W-3'), fields: ['summary'] },
    });
    expect(stale.body.issues).toEqual([expect.objectContaining({ key: issue.key, fields: { summary: 'Before' } })]);
    expect(await keys(byWaveId('W-4'))).toEqual([]);
    expect(await keys(byWaveId('W-4'), [Number(issue.id)])).toEqual([issue.key]);
    expect(await keys(byWaveId('W-3'), [Number(issue.id)])).toEqual([]);
    sandbox.clock.advance(LAG_MS);
    expect(await keys(byWaveId('W-3'))).toEqual([]);
    expect(await keys(byWaveId('W-4'))).toEqual([issue.key]);
  });

  it('still finds a deleted issue until the lag has passed, unless it is reconciled', async () => {
    const issue = await createIssue(sandbox, {}, { properties: [{ key: 'wave-link', value: { waveId: 'W-5' } }] });
    sandbox.clock.advance(LAG_MS);
    expect((await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}`, { as: 'admin' })).status).toBe(204);
    expect(await keys(byWaveId('W-5'))).toEqual([issue.key]);
    expect(await keys(byWaveId('W-5'), [Number(issue.id)])).toEqual([]);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}`)).status).toBe(404);
    sandbox.clock.advance(LAG_MS);
    expect(await keys(byWaveId('W-5'))).toEqual([]);
  });

  it('refuses more than 50 issues to reconcile, as Jira does', async () => {
    const ids = Array.from({ length: 51 }, (_, index) => 10_000 + index);
    const response = await sandbox.call('POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = BILL', reconcileIssues: ids },
    });
    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual(['reconcileIssues accepts at most 50 issue ids.']);
    expect(
      (
        await sandbox.call('POST', '/rest/api/3/search/jql', {
          body: { jql: 'project = BILL', reconcileIssues: ids.slice(0, 50) },
        })
      ).status,
    ).toBe(200);
  });

  it('is current with searchLagMs 0, and follows the setting at runtime', async () => {
    sandbox.control.updateSettings({ searchLagMs: 0 });
    const first = await createIssue(sandbox);
    expect(await keys('project = BILL')).toEqual([first.key]);
    sandbox.control.updateSettings({ searchLagMs: 60_000 });
    const second = await createIssue(sandbox);
    expect(await keys('project = BILL')).toEqual([first.key]);
    sandbox.clock.advance(60_000);
    expect(await keys('project = BILL')).toEqual([second.key, first.key]);
  });
});
