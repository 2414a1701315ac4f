import { clearAppFieldIdCache, setAppFieldValues } from '../../src/adapters/jira/app-fields';
import { addComment } from '../../src/adapters/jira/comments';
import { findIssuesByWaveId, WAVE_LINK_PROPERTY } from '../../src/adapters/jira/issue-search';
import { linkIssues } from '../../src/adapters/jira/issue-links';
import { createIssue, deleteIssue, editIssue, getIssue } from '../../src/adapters/jira/issues';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import { getAdminPermissions } from '../../src/adapters/jira/permissions';
import { JiraBadRequestError } from '../../src/adapters/jira/jira-errors';
import { getProjectStatuses, initialStatus } from '../../src/adapters/jira/project-statuses';
import {
  clearTransitionMemoryCache,
  fetchTransitions,
  listTransitions,
  postTransition,
} from '../../src/adapters/jira/transitions';
import { addWorklogOnce } from '../../src/adapters/jira/worklogs';
import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../local/jira-sandbox';
import { UnavailableError } from '../../src/shared/errors';
import { createTimeBudget } from '../../src/shared/time-budget';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';
import { startJiraSandbox, type RunningJiraSandbox } from './support/jira-sandbox-harness';

let harness: ForgeHarness;
let jira: RunningJiraSandbox;

beforeEach(async () => {
  harness = startForgeHarness();
  jira = await startJiraSandbox(harness);
  clearAppFieldIdCache();
  clearTransitionMemoryCache();
});
afterEach(async () => {
  await jira.stop();
  harness.close();
});

const app = (limitMs = 20_000) =>
  JiraClient.asApp(createTimeBudget({ limitMs }), { policy: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200 } });

async function setFaults(settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${jira.base}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`fault injection refused: ${await response.text()}`);
}

async function createInvoiceIssue(client: JiraClient, waveId: string) {
  return createIssue(client, {
    projectKey: 'BILL',
    issueType: { name: 'Invoice' },
    summary: `Invoice ${waveId}`,
    description: 'Created by the adapters test',
    labels: ['wave'],
    properties: [{ key: WAVE_LINK_PROPERTY, value: { waveId, kind: 'invoice' } }],
  });
}

describe('Jira adapters against the Jira sandbox', () => {
  it('creates, finds by Wave id, fills app fields, edits, transitions, logs payments, comments, links and deletes', async () => {
    const client = app();
    const created = await createInvoiceIssue(client, 'SW52b2ljZTox+/=');
    const found = await findIssuesByWaveId(client, 'SW52b2ljZTox+/=', {
      kind: 'invoice',
      reconcileIssueIds: [created.id],
    });
    expect(found.map((i) => i.key)).toEqual([created.key]);
    expect(await findIssuesByWaveId(client, 'other"id')).toEqual([]);

    await setAppFieldValues(client, [created.id], {
      'wave-status': 'SENT',
      'wave-amount': 1250,
      'wave-due-date': '2026-02-09',
      'wave-id': 'SW52b2ljZTox+/=',
    });
    await editIssue(client, created.key, { fields: { summary: 'Invoice 1001' }, addLabels: ['sent'] });
    const view = jira.control.getIssue(created.key);
    expect(view?.appFields).toMatchObject({
      'wave-status': 'SENT',
      'wave-amount': 1250,
      'wave-due-date': '2026-02-09',
    });
    expect(view?.labels.sort()).toEqual(['sent', 'wave']);

    const issue = await getIssue(client, created.key);
    const statuses = await getProjectStatuses(client, 'BILL');
    const invoiceType = statuses.find((t) => t.issueTypeName === 'Invoice');
    expect(issue?.fields.status?.id).toBe(invoiceType && initialStatus(invoiceType.statuses)?.id);
    const position = {
      projectKey: 'BILL',
      issueTypeId: issue?.fields.issuetype?.id ?? '',
      statusId: issue?.fields.status?.id ?? '',
    };
    // Draft -> To Invoice has a plain transition; Draft -> Paid has none.
    const { transitions } = await listTransitions(client, created.key, position);
    expect(transitions.map((t) => t.toStatusId)).not.toContain('10105');
    const toInvoice = transitions.find((t) => t.toStatusId === '10101');
    await postTransition(client, created.key, toInvoice?.id ?? '');
    expect(jira.control.getIssue(created.key)?.status.id).toBe('10101');

    const payment = {
      idempotencyKey: 'payment:1',
      started: new Date('2026-01-17T12:34:00Z'),
      timeSpentSeconds: 60,
      comment: 'Paid 1250.00 USD',
    };
    expect((await addWorklogOnce(client, created.key, payment)).created).toBe(true);
    expect((await addWorklogOnce(client, created.key, payment)).created).toBe(false);
    expect(jira.control.getIssue(created.key)?.worklogs).toHaveLength(1);

    const other = await createInvoiceIssue(client, 'Q3VzdG9tZXI6MQ==');
    await addComment(client, created.key, 'Synced from Wave');
    await linkIssues(client, { inwardIssueKey: created.key, outwardIssueKey: other.key });
    expect(jira.control.getIssue(created.key)?.links).toEqual([expect.objectContaining({ issueKey: other.key })]);

    expect(await deleteIssue(client, other.key)).toBe(true);
    expect(await deleteIssue(client, other.key)).toBe(false);
    expect(client.requestCount).toBeGreaterThan(15);
  });

  it("refuses a transition that does not leave the issue's current status, as Jira does", async () => {
    const client = app();
    const issue = await createInvoiceIssue(client, 'a');
    const draft = await fetchTransitions(client, issue.key);
    const toInvoice = draft.find((t) => t.toStatusId === '10101');
    await postTransition(client, issue.key, toInvoice?.id ?? '');
    expect((await fetchTransitions(client, issue.key)).map((t) => t.id)).not.toContain(toInvoice?.id);
    await expect(postTransition(client, issue.key, toInvoice?.id ?? '')).rejects.toBeInstanceOf(JiraBadRequestError);
    expect(jira.control.getIssue(issue.key)?.status.id).toBe('10101');
  });

  it('checks admin permissions as the calling user', async () => {
    const budget = createTimeBudget({ limitMs: 10_000 });
    expect(await getAdminPermissions(JiraClient.asUser(LOCAL_ADMIN_ACCOUNT_ID, budget), 'BILL')).toEqual({
      administerJira: true,
      administerProject: true,
    });
    expect(await getAdminPermissions(JiraClient.asUser(LOCAL_USER_ACCOUNT_ID, budget), 'BILL')).toEqual({
      administerJira: false,
      administerProject: false,
    });
  });

  it('rides out injected 5xx errors and answers 503 during an outage', async () => {
    await setFaults({ errorRate: 0.5, seed: 7 });
    const client = app(60_000);
    const invoiceType = expect.arrayContaining([expect.objectContaining({ issueTypeName: 'Invoice' })]);
    for (let i = 0; i < 5; i += 1) await expect(getProjectStatuses(client, 'BILL')).resolves.toEqual(invoiceType);
    expect(client.requestCount).toBeGreaterThan(5);

    await setFaults({ errorRate: 0, outage: { durationMs: 120_000 } });
    const failure = getProjectStatuses(app(5_000), 'BILL');
    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 120 });
  });

  it('waits out a short rate-limit storm using Retry-After', async () => {
    await setFaults({ rateLimitStorm: { durationMs: 1_000 } });
    const client = app(10_000);
    await expect(getProjectStatuses(client, 'BILL')).resolves.toBeDefined();
    expect(client.requestCount).toBeGreaterThan(1);
  });
});
