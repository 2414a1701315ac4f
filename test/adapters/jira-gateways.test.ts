import { kvs } from '@forge/kvs';
import { clearAppFieldIdCache, getAppFieldIds, setAppFieldValues } from '../../src/adapters/jira/app-fields';
import { addComment } from '../../src/adapters/jira/comments';
import {
  deleteWebhooks,
  listWebhooks,
  refreshWebhooks,
  registerWebhooks,
} from '../../src/adapters/jira/dynamic-webhooks';
import { findIssuesByWaveId } from '../../src/adapters/jira/issue-search';
import { linkIssues } from '../../src/adapters/jira/issue-links';
import { createIssue, deleteIssue, editIssue, getIssue } from '../../src/adapters/jira/issues';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import { getAdminPermissions } from '../../src/adapters/jira/permissions';
import { getProjectStatuses } from '../../src/adapters/jira/project-statuses';
import {
  clearTransitionMemoryCache,
  forgetTransitions,
  listTransitions,
  postTransition,
} from '../../src/adapters/jira/transitions';
import { addWorklogOnce } from '../../src/adapters/jira/worklogs';
import { storageKeys } from '../../src/adapters/storage/keys';
import { NotConfiguredError } from '../../src/shared/errors';
import { createTimeBudget } from '../../src/shared/time-budget';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';
import { checkJiraRequest } from './support/jira-spec-check';
import { ScriptedJira } from './support/scripted-jira';

let harness: ForgeHarness;
let jira: ScriptedJira;
let client: JiraClient;

beforeEach(() => {
  harness = startForgeHarness();
  jira = new ScriptedJira();
  harness.setJira(jira.fetch);
  client = JiraClient.asApp(createTimeBudget({ limitMs: 20_000 }));
  clearAppFieldIdCache();
  clearTransitionMemoryCache();
});
afterEach(() => harness.close());

const bodies = () => jira.requests.map((r) => r.body);
const ops = () => jira.requests.map((r) => r.operationId);

describe('issues', () => {
  it('creates with entity properties, reads, edits labels and deletes idempotently', async () => {
    jira.answer({ status: 201, body: { id: '10001', key: 'FIN-1', self: 'https://x/rest/api/3/issue/10001' } });
    const created = await createIssue(client, {
      projectKey: 'FIN',
      issueType: { name: 'Task' },
      summary: 'Invoice 1042 — Acme',
      description: 'Total 1250.00 USD',
      labels: ['wave-invoice'],
      properties: [{ key: 'wave-link', value: { waveId: 'SW52OjE=', kind: 'invoice' } }],
    });
    expect(created).toEqual({ id: '10001', key: 'FIN-1' });
    expect(bodies()[0]).toMatchObject({
      fields: {
        project: { key: 'FIN' },
        issuetype: { name: 'Task' },
        labels: ['wave-invoice'],
        description: { type: 'doc', version: 1 },
      },
      properties: [{ key: 'wave-link', value: { waveId: 'SW52OjE=', kind: 'invoice' } }],
    });

    jira.answer({
      status: 200,
      body: {
        id: '10001',
        key: 'FIN-1',
        fields: { summary: 's' },
        properties: { 'wave-link': { waveId: 'SW52OjE=' } },
      },
    });
    expect(await getIssue(client, 'FIN-1', { properties: ['wave-link'] })).toMatchObject({
      key: 'FIN-1',
      properties: { 'wave-link': { waveId: 'SW52OjE=' } },
    });
    expect(jira.requests[1]?.path).toBe(
      '/rest/api/3/issue/FIN-1?fields=summary%2Cstatus%2Cissuetype%2Cproject%2Clabels&properties=wave-link',
    );

    jira.answer({ status: 404, body: { errorMessages: ['Issue does not exist'] } });
    expect(await getIssue(client, 'FIN-9')).toBeUndefined();

    jira.answer({ status: 204 });
    await editIssue(client, 'FIN-1', { fields: { summary: 'new' }, addLabels: ['paid'] });
    expect(bodies()[3]).toEqual({ fields: { summary: 'new' }, update: { labels: [{ add: 'paid' }] } });

    jira.answer({ status: 204 }, { status: 404, body: { errorMessages: ['gone'] } });
    expect(await deleteIssue(client, 'FIN-1')).toBe(true);
    expect(await deleteIssue(client, 'FIN-1')).toBe(false);
    expect(ops()).toEqual(['createIssue', 'getIssue', 'getIssue', 'editIssue', 'deleteIssue', 'deleteIssue']);
  });

  it('finds issues by Wave id with an escaped JQL literal', async () => {
    jira.answer({ status: 200, body: { issues: [{ id: '10001', key: 'FIN-1', fields: {} }], isLast: true } });
    const found = await findIssuesByWaveId(client, 'SW52"\\=', { kind: 'invoice', reconcileIssueIds: ['10001'] });
    expect(found.map((i) => i.key)).toEqual(['FIN-1']);
    expect(bodies()[0]).toMatchObject({
      jql: 'issue.property[wave-link].waveId = "SW52\\"\\\\=" AND issue.property[wave-link].kind = "invoice"',
      properties: ['wave-link'],
      reconcileIssues: [10001],
    });
  });
});

const forgeField = (id: string, key: string) => ({
  id,
  name: key,
  custom: true,
  schema: {
    type: 'string',
    custom: `ari:cloud:ecosystem::extension/app-uuid/env-uuid/static/${key}`,
    customId: Number(id.split('_')[1]),
  },
});
const allFields = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
  ...[
    'wave-invoice-number',
    'wave-customer',
    'wave-amount',
    'wave-currency',
    'wave-status',
    'wave-due-date',
    'wave-link',
    'wave-id',
    'wave-amount-due',
    'wave-amount-paid',
    'wave-outstanding',
    'wave-overdue',
  ].map((key, i) => forgeField(`customfield_${10100 + i}`, key)),
];

describe('app custom fields', () => {
  it('discovers the field ids once per process and writes many values in one call', async () => {
    jira.answer({ status: 200, body: allFields }, { status: 204 }, { status: 204 });
    await setAppFieldValues(client, ['10001'], { 'wave-status': 'PAID', 'wave-amount': 1250 });
    await setAppFieldValues(client, ['10001', '10002'], { 'wave-due-date': '2026-02-09' });
    expect(ops()).toEqual(['getFields', 'updateMultipleCustomFieldValues', 'updateMultipleCustomFieldValues']);
    expect(bodies()[1]).toEqual({
      updates: [
        { customField: 'customfield_10104', issueIds: [10001], value: 'PAID' },
        { customField: 'customfield_10102', issueIds: [10001], value: 1250 },
      ],
    });
  });

  it('reports missing fields as a configuration problem and does not cache that', async () => {
    jira.answer({ status: 200, body: allFields.slice(0, 3) }, { status: 200, body: allFields });
    await expect(getAppFieldIds(client)).rejects.toBeInstanceOf(NotConfiguredError);
    expect((await getAppFieldIds(client))['wave-id']).toBe('customfield_10107');
  });
});

describe('transitions', () => {
  const position = { projectKey: 'FIN', issueTypeId: '10002', statusId: '1' };
  const transitions = (to: string) => ({
    status: 200,
    body: {
      transitions: [{ id: '31', name: 'Done', to: { id: to, name: 'Done' }, isAvailable: true, hasScreen: false }],
    },
  });

  it('caches the transitions of a workflow position in memory and KVS until forgotten', async () => {
    jira.answer(transitions('3'));
    expect((await listTransitions(client, 'FIN-1', position)).fromCache).toBe(false);
    expect(await kvs.get(storageKeys.transitions('FIN', '10002', '1'))).toBeDefined();
    expect((await listTransitions(client, 'FIN-2', position)).fromCache).toBe(true);
    clearTransitionMemoryCache();
    expect((await listTransitions(client, 'FIN-3', position)).fromCache).toBe(true);
    await forgetTransitions(position);
    jira.answer(transitions('3'), { status: 204 });
    expect((await listTransitions(client, 'FIN-4', position)).fromCache).toBe(false);
    await postTransition(client, 'FIN-4', '31');
    expect(ops()).toEqual(['getTransitions', 'getTransitions', 'doTransition']);
    expect(bodies()[2]).toEqual({ transition: { id: '31' } });
  });
});

describe('worklogs, comments, links', () => {
  it('adds a payment worklog once, keyed by a worklog property written in the same POST', async () => {
    jira.answer(
      { status: 200, body: { startAt: 0, maxResults: 1000, total: 0, worklogs: [] } },
      { status: 201, body: { id: '500' } },
    );
    const first = await addWorklogOnce(client, 'FIN-1', {
      idempotencyKey: 'pay:SW52:100000',
      started: new Date('2026-01-17T12:34:00Z'),
      timeSpentSeconds: 60,
      comment: 'Payment of 1000.00 USD',
      details: { amount: '1000.00' },
    });
    expect(first).toEqual({ worklogId: '500', created: true, notified: false });
    expect(bodies()[1]).toMatchObject({
      started: '2026-01-17T12:34:00.000+0000',
      timeSpentSeconds: 60,
      properties: [{ key: 'wave-payment', value: { amount: '1000.00', idempotencyKey: 'pay:SW52:100000' } }],
    });

    jira.answer({
      status: 200,
      body: {
        startAt: 0,
        total: 1,
        worklogs: [{ id: '500', properties: [{ key: 'wave-payment', value: { idempotencyKey: 'pay:SW52:100000' } }] }],
      },
    });
    const again = await addWorklogOnce(client, 'FIN-1', {
      idempotencyKey: 'pay:SW52:100000',
      started: new Date(),
      timeSpentSeconds: 60,
    });
    expect(again).toEqual({ worklogId: '500', created: false, notified: false });
    expect(ops()).toEqual(['getIssueWorklog', 'addWorklog', 'getIssueWorklog']);
    expect(jira.requests[2]?.path).toContain('expand=properties');
  });

  it('comments in ADF and links issues with Relates', async () => {
    jira.answer({ status: 201, body: { id: '9' } }, { status: 201 });
    expect(await addComment(client, 'FIN-1', 'Invoice was paid')).toEqual({ id: '9' });
    await linkIssues(client, { inwardIssueKey: 'FIN-1', outwardIssueKey: 'FIN-2' });
    expect(bodies()[1]).toEqual({
      type: { name: 'Relates' },
      inwardIssue: { key: 'FIN-1' },
      outwardIssue: { key: 'FIN-2' },
    });
    expect(ops()).toEqual(['addComment', 'linkIssues']);
  });
});

describe('project statuses, permissions, dynamic webhooks', () => {
  it('reads statuses per issue type with their category', async () => {
    jira.answer({
      status: 200,
      body: [
        {
          id: '10002',
          name: 'Task',
          self: 's',
          subtask: false,
          statuses: [
            { id: '1', name: 'To Do', statusCategory: { key: 'new' } },
            { id: '3', name: 'Done', statusCategory: { key: 'done' } },
          ],
        },
      ],
    });
    expect(await getProjectStatuses(client, 'FIN')).toEqual([
      {
        issueTypeId: '10002',
        issueTypeName: 'Task',
        subtask: false,
        statuses: [
          { id: '1', name: 'To Do', categoryKey: 'new' },
          { id: '3', name: 'Done', categoryKey: 'done' },
        ],
      },
    ]);
  });

  it('checks admin permissions as the user', async () => {
    jira.answer({
      status: 200,
      body: { permissions: { ADMINISTER: { havePermission: false }, ADMINISTER_PROJECTS: { havePermission: true } } },
    });
    const asUser = JiraClient.asUser('acc-1', createTimeBudget({ limitMs: 5_000 }));
    expect(await getAdminPermissions(asUser, 'FIN')).toEqual({ administerJira: false, administerProject: true });
    expect(jira.requests[0]).toMatchObject({
      principal: 'user:acc-1',
      path: '/rest/api/3/mypermissions?permissions=ADMINISTER%2CADMINISTER_PROJECTS&projectKey=FIN',
    });
  });

  it('registers, lists, refreshes and deletes dynamic webhooks', async () => {
    jira.answer(
      { status: 200, body: { webhookRegistrationResult: [{ createdWebhookId: 7 }, { errors: ['bad jql'] }] } },
      {
        status: 200,
        body: {
          isLast: false,
          values: [{ id: 7, url: 'u', events: ['jira:issue_updated'], jqlFilter: 'project = FIN' }],
        },
      },
      {
        status: 200,
        body: {
          isLast: true,
          values: [{ id: 8, url: 'u', events: ['jira:issue_deleted'], jqlFilter: 'project = FIN' }],
        },
      },
      { status: 200, body: { expirationDate: 1_800_000_000_000 } },
      { status: 202 },
    );
    const results = await registerWebhooks(client, 'https://example.test/hook', [
      { events: ['jira:issue_updated'], jqlFilter: 'project = FIN' },
      { events: ['jira:issue_deleted'], jqlFilter: 'bad' },
    ]);
    expect(results).toEqual([{ id: 7 }, { errors: ['bad jql'] }]);
    expect((await listWebhooks(client)).map((w) => w.id)).toEqual([7, 8]);
    expect(await refreshWebhooks(client, [7, 8])).toBe(1_800_000_000_000);
    await deleteWebhooks(client, [7, 8]);
    expect(ops()).toEqual([
      'registerDynamicWebhooks',
      'getDynamicWebhooksForApp',
      'getDynamicWebhooksForApp',
      'refreshWebhooks',
      'deleteWebhookById',
    ]);
  });
});

describe('the spec check behind these tests', () => {
  it('refuses bodies the Jira spec refuses', () => {
    expect(() => checkJiraRequest('POST', '/rest/api/3/issueLink', { type: { name: 'Relates' } })).toThrow(
      /inwardIssue/,
    );
    expect(() =>
      checkJiraRequest('POST', '/rest/api/3/app/field/value', {
        updates: [{ customField: 'c', issueIds: ['x'], value: 1 }],
      }),
    ).toThrow(/updateMultipleCustomFieldValues body rejected/);
    expect(checkJiraRequest('GET', '/rest/api/3/issue/FIN-1', undefined)).toBe('getIssue');
  });
});
