import { route } from '@forge/api';
import { JiraClient } from '../../../src/adapters/jira/jira-client';
import { fetchTransitions } from '../../../src/adapters/jira/transitions';
import { createTimeBudget } from '../../../src/shared/time-budget';
import type { ProjectMappingView } from '../../../src/entry/resolvers/api';
import { ADMIN, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const BILL = { accountId: ADMIN, projectKey: 'BILL' };
const rowOf = (view: ProjectMappingView, waveStatus: string) => view.rows.find((row) => row.waveStatus === waveStatus);

async function mappingOf(mapping?: Record<string, string>): Promise<ProjectMappingView> {
  const answer = mapping ? await harness.call('previewProjectMapping', { mapping }, BILL) : await harness.call('getProjectMapping', {}, BILL);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

describe('the project settings page previews the walk the sync takes, from Jira\'s workflow', () => {
  it('shows the screenless path for SENT ("Mark as sent", not "Send invoice", which has a screen), found through the workflow scheme', async () => {
    harness.jira.control.resetStats();
    const view = await mappingOf();
    expect(rowOf(view, 'SENT')?.fromInitial).toEqual({ path: ['Ready to invoice', 'Mark as sent'] });
    expect(rowOf(view, 'PAID')?.fromInitial).toEqual({ path: ['Ready to invoice', 'Mark as sent', 'Mark paid'] });
    expect(view.warnings).toEqual([]);
    expect(view.transitionsUnavailable).toBeUndefined();
    // The scheme names the workflow: one read of it, no 501 and no scan of every workflow.
    const requests = harness.jira.control.stats().requests;
    expect(requests.filter((entry) => entry.status >= 400)).toEqual([]);
    expect(requests.find((entry) => entry.path === '/rest/api/3/workflowscheme/project')).toMatchObject({ status: 200, count: 1 });
    expect(requests.find((entry) => entry.path === '/rest/api/3/workflow/search')).toMatchObject({ status: 200, count: 1 });
  });

  it('agrees with the transitions Jira offers an issue, which is what the sync walks', async () => {
    const jira = JiraClient.asApp(createTimeBudget({ limitMs: 10_000 }));
    const created = await jira.request<{ id: string }>('POST', route`/rest/api/3/issue`, {
      body: { fields: { project: { key: 'BILL' }, issuetype: { name: 'Invoice' }, summary: 'Preview check' } },
    });
    const ready = (await fetchTransitions(jira, created.id)).find((transition) => transition.name === 'Ready to invoice');
    if (!ready) throw new Error('no "Ready to invoice" from Draft');
    await jira.request('POST', route`/rest/api/3/issue/${created.id}/transitions`, { body: { transition: { id: ready.id } } });
    const fromToInvoice = await fetchTransitions(jira, created.id);
    const screens = Object.fromEntries(fromToInvoice.map((transition) => [transition.name, transition.hasScreen]));
    expect(screens).toMatchObject({ 'Send invoice': true, 'Mark as sent': false });
  });

  it('warns where the walk is blocked: Sent → Cancelled only through "Cancel", which has a screen', async () => {
    const view = await mappingOf({ PAID: '10106' });
    expect(rowOf(view, 'PAID')?.fromInitial).toEqual({ path: ['Void'] });
    expect(view.warnings).toContainEqual({ fromStatus: 'Sent', toStatus: 'Cancelled', waveStatus: 'PAID', reason: 'the only transitions to it need a screen' });
  });
});
