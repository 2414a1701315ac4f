import { route } from '@forge/api';
import { seedCatalog } from '../../../local/jira-sandbox/catalog/seed-catalog';
import { JiraClient } from '../../../src/adapters/jira/jira-client';
import { getProjectStatuses } from '../../../src/adapters/jira/project-statuses';
import { workflowNameFor } from '../../../src/adapters/jira/workflow-scheme';
import { workflowTransitions, workflowTransitionsForIssueType } from '../../../src/adapters/jira/workflows';
import type { ProjectTarget, StatusCategoryKey } from '../../../src/domain/sync';
import type { ProjectMappingView } from '../../../src/entry/resolvers/api';
import { createTimeBudget } from '../../../src/shared/time-budget';
import { createSyncContext } from '../../../src/usecases/sync-context';
import { moveIssue } from '../../../src/usecases/sync/move-issue';
import { ADMIN, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const BILL = { accountId: ADMIN, projectKey: 'BILL' };
const billing = seedCatalog().workflows.find((workflow) => workflow.name === 'Billing workflow');
const transitionNames = new Map((billing?.transitions ?? []).map((transition) => [transition.id, transition.name]));
const transitionName = (id: string) => transitionNames.get(id) ?? id;
const rowOf = (view: ProjectMappingView, waveStatus: string) => view.rows.find((row) => row.waveStatus === waveStatus);

async function mappingOf(mapping?: Record<string, string>): Promise<ProjectMappingView> {
  const answer = mapping
    ? await harness.call('previewProjectMapping', { mapping }, BILL)
    : await harness.call('getProjectMapping', {}, BILL);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

describe("the project settings page previews the walk the sync takes, from Jira's workflow", () => {
  it('shows the screenless path for SENT ("Mark as sent", not "Send invoice", which has a screen), found through the workflow scheme', async () => {
    harness.jira.control.resetStats();
    const view = await mappingOf();
    expect(rowOf(view, 'SENT')?.fromInitial).toEqual({ path: ['Ready to invoice', 'Mark as sent'] });
    expect(rowOf(view, 'PAID')?.fromInitial).toEqual({ path: ['Ready to invoice', 'Mark as sent', 'Mark paid'] });
    // Only a deleted invoice cannot always get where it leads: from Sent and Overdue, "Cancel" asks for a resolution.
    expect(
      view.warnings.map((warning) => `${warning.waveStatus}: ${warning.fromStatus} → ${warning.toStatus}`),
    ).toEqual(['DELETED: Sent → Cancelled', 'DELETED: Overdue → Cancelled']);
    expect(view.transitionsUnavailable).toBeUndefined();
    // The scheme names the workflow: one read of it, no 501 and no scan of every workflow.
    const requests = harness.jira.control.stats().requests;
    expect(requests.filter((entry) => entry.status >= 400)).toEqual([]);
    expect(requests.find((entry) => entry.path === '/rest/api/3/workflowscheme/project')).toMatchObject({
      status: 200,
      count: 1,
    });
    expect(requests.find((entry) => entry.path === '/rest/api/3/workflows')).toMatchObject({
      method: 'POST',
      status: 200,
      count: 1,
    });
    expect(harness.jira.control.stats().responseValidationFailures).toBe(0);
  });

  it('reads the same workflow by project and issue type when no scheme names it (team-managed projects)', async () => {
    const jira = JiraClient.asApp(createTimeBudget({ limitMs: 10_000 }));
    const byName = await workflowTransitions(jira, await workflowNameFor(jira, '10000', '10010'));
    const byIssueType = await workflowTransitionsForIssueType(jira, '10000', '10010');
    expect(byIssueType).toEqual(byName);
    expect(byName.filter((transition) => transition.hasScreen).map((transition) => transition.name)).toEqual([
      'Send invoice',
      'Record partial payment',
      'Record payment',
      'Cancel',
    ]);
    expect(byName.find((transition) => transition.name === 'Void')).toMatchObject({
      from: ['10100', '10101'],
      to: '10106',
      hasScreen: false,
      isAvailable: true,
    });
  });

  it('shows, for every Wave status, exactly the transitions the sync takes when it moves a new issue there', async () => {
    const view = await mappingOf();
    const taken: string[] = [];
    harness.forge.setJira(async (target, requestPath, init) => {
      const match = /\/issue\/[^/]+\/transitions$/.exec(requestPath);
      if (match && init?.method === 'POST')
        taken.push((JSON.parse(String(init.body)) as { transition: { id: string } }).transition.id);
      const principal = target.provider === 'user' ? `user:${target.accountId ?? ''}` : 'app';
      return fetch(`${harness.jira.base}${requestPath}`, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'x-forge-principal': principal },
      });
    });
    const budget = createTimeBudget({ limitMs: 20_000 });
    const ctx = await createSyncContext(budget);
    const types = await getProjectStatuses(ctx.jira, 'BILL');
    const invoice = types.find((type) => type.issueTypeName === 'Invoice');
    if (!invoice || !view.initialStatus) throw new Error('BILL has no Invoice workflow');
    const project: ProjectTarget = {
      projectKey: 'BILL',
      issueTypeId: invoice.issueTypeId,
      statusMapping: {},
      statuses: view.statuses.map((status) => ({
        id: status.id,
        name: status.name,
        categoryKey: status.categoryKey as StatusCategoryKey,
      })),
      initialStatusId: view.initialStatus.id,
    };
    const walked = view.rows.filter((row) => row.fromInitial?.path);
    expect(walked.map((row) => row.waveStatus)).toEqual(expect.arrayContaining(['SENT', 'PAID', 'PARTIAL', 'OVERDUE']));
    for (const row of walked) {
      const issue = await ctx.jira.request<{ id: string; key: string }>('POST', route`/rest/api/3/issue`, {
        body: {
          fields: {
            project: { key: 'BILL' },
            issuetype: { id: invoice.issueTypeId },
            summary: `Walk to ${row.waveStatus}`,
          },
        },
      });
      taken.length = 0;
      const outcome = await moveIssue(ctx, issue, project, project.initialStatusId, row.effective?.statusId ?? '');
      expect(outcome).toEqual({ moved: true });
      expect(harness.jira.control.getIssue(issue.key)?.status.id).toBe(row.effective?.statusId);
      expect({ waveStatus: row.waveStatus, path: taken.map((id) => transitionName(id)) }).toEqual({
        waveStatus: row.waveStatus,
        path: row.fromInitial?.path,
      });
    }
  });

  it('warns where the walk is blocked: Sent → Cancelled only through "Cancel", which has a screen', async () => {
    const view = await mappingOf({ PAID: '10106' });
    expect(rowOf(view, 'PAID')?.fromInitial).toEqual({ path: ['Void'] });
    expect(view.warnings).toContainEqual({
      fromStatus: 'Sent',
      toStatus: 'Cancelled',
      waveStatus: 'PAID',
      reason: 'the only transitions to it need a screen',
    });
  });
});

describe('the project settings page shows the defaults that fit the site, and what to watch', () => {
  it('shows the DELETED row, and leads PARTIAL, OVERDUE and deleted invoices to the statuses of those names', async () => {
    const view = await mappingOf();
    expect(view.waveStatuses).toContain('DELETED');
    const defaults = Object.fromEntries(
      ['PARTIAL', 'OVERDUE', 'DELETED', 'SENT', 'VIEWED', 'PAID'].map((status) => [
        status,
        `${rowOf(view, status)?.effective?.statusName} (${rowOf(view, status)?.effective?.by})`,
      ]),
    );
    expect(defaults).toEqual({
      PARTIAL: 'Partially Paid (name)',
      OVERDUE: 'Overdue (name)',
      DELETED: 'Cancelled (name)',
      SENT: 'Sent (name)',
      VIEWED: 'Sent (name)',
      PAID: 'Paid (name)',
    });
    expect(view.issueType?.name).toBe('Invoice');
    expect(view.backwards).toEqual([]);
  });

  it('warns, and still saves, a mapping that goes backwards (a paid invoice to a to-do status)', async () => {
    const preview = await mappingOf({ PAID: '10100', SENT: '10101' });
    expect(preview.backwards.map((backward) => `${backward.waveStatus} → ${backward.statusName}`)).toEqual([
      'SENT → To Invoice',
      'PAID → Draft',
    ]);
    expect(preview.backwards[0]?.message).toContain('would go back to To Invoice');
    const saved = await harness.call('saveProjectMapping', { mapping: { PAID: '10100' } }, BILL);
    expect(saved.ok && saved.data.backwards.map((backward) => backward.waveStatus)).toEqual(['PAID']);
  });

  it('says whether invoices come to the project, and lets a Jira admin route a Wave business to one that gets none', async () => {
    const ops = { accountId: ADMIN, projectKey: 'OPS' };
    const before = await harness.call('getProjectMapping', {}, ops);
    expect(before.ok && before.data.routing).toEqual({ receivesInvoices: false, businesses: [] });

    await harness.call('saveDefaults', {
      defaultProjectKey: 'BILL',
      businessProjects: {},
      invoiceIssueType: '',
      customerIssueType: '',
      features: { customerIssues: true, paymentWorklogs: true, issueLinks: true },
      worklogMinutes: 1,
    });
    const bill = await harness.call('getProjectMapping', {}, BILL);
    expect(bill.ok && bill.data.routing).toEqual({ receivesInvoices: true, defaultProjectKey: 'BILL', businesses: [] });
    const refused = await harness.call('routeBusinessToProject', { businessId: 'QnVzaW5lc3M6MQ==' }, ops);
    // Not connected to Wave: no business can be routed.
    expect(refused.ok).toBe(false);
  });
});
