import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { adf, createIssue, T0, useJiraSandbox } from './harness';

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: {
    webhookEvent: string;
    issue_event_type_name: string;
    matchedWebhookIds: number[];
    issue: { key: string; fields: Record<string, unknown> };
    changelog?: { items: { fieldId: string }[] };
  };
}

const DAY = 24 * 3600 * 1000;
// A site where the app may use dynamic webhooks; the refusal is tested in site-settings.test.ts.
const sandbox = useJiraSandbox({ settings: { dynamicWebhooks: true } });
let listener: http.Server;
let listenerUrl: string;
let deliveries: Delivery[] = [];
let failNext = 0;

beforeAll(async () => {
  listener = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      deliveries.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/webhook?secret=abc`;
});

afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

beforeEach(() => {
  deliveries = [];
  sandbox.events.length = 0;
});

async function register(webhooks: unknown[]) {
  return sandbox.call('POST', '/rest/api/3/webhook', { body: { url: listenerUrl, webhooks } });
}

describe('dynamic webhooks', () => {
  let billId = 0;
  let anyProjectId = 0;

  it('registers webhooks and reports bad filters per webhook', async () => {
    const response = await register([
      { events: ['jira:issue_created', 'jira:issue_updated'], jqlFilter: 'project = BILL' },
      {
        events: ['jira:issue_deleted', 'jira:issue_updated'],
        jqlFilter: 'project in (BILL, OPS)',
        fieldIdsFilter: ['summary'],
      },
      { events: ['jira:issue_updated'], jqlFilter: 'summary ~ "x"' },
    ]);
    expect(response.status).toBe(200);
    const [first, second, third] = response.body.webhookRegistrationResult;
    expect(first).toEqual({ createdWebhookId: expect.any(Number) });
    expect(second).toEqual({ createdWebhookId: expect.any(Number) });
    expect(third.errors.length).toBeGreaterThan(0);
    billId = first.createdWebhookId;
    anyProjectId = second.createdWebhookId;
    const listed = await sandbox.call('GET', '/rest/api/3/webhook');
    expect(
      listed.body.values.map((webhook: { id: number; expirationDate: number }) => [webhook.id, webhook.expirationDate]),
    ).toEqual([
      [billId, T0 + 30 * DAY],
      [anyProjectId, T0 + 30 * DAY],
    ]);
    const sandboxView = await fetch(`${sandbox.baseUrl}/jira/_sandbox/webhooks`).then((res) => res.json());
    expect(sandboxView.webhooks[0].expirationDate).toBe(new Date(T0 + 30 * DAY).toISOString());
  });

  it('refuses users (webhooks are for apps)', async () => {
    const response = await sandbox.call('POST', '/rest/api/3/webhook', {
      as: 'admin',
      body: { url: listenerUrl, webhooks: [{ events: ['jira:issue_created'], jqlFilter: 'project = BILL' }] },
    });
    expect(response.status).toBe(403);
  });

  it('delivers matching issue events to the URL with the matched ids', async () => {
    const bill = await createIssue(sandbox);
    await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' } });
    await sandbox.control.idle();
    expect(
      deliveries.map((delivery) => [
        delivery.body.webhookEvent,
        delivery.body.issue.key,
        delivery.body.matchedWebhookIds,
      ]),
    ).toEqual([['jira:issue_created', bill.key, [billId]]]);
    expect(deliveries[0]?.headers['x-atlassian-webhook-identifier']).toEqual(expect.any(String));

    deliveries = [];
    await sandbox.call('PUT', `/rest/api/3/issue/${bill.id}`, { body: { fields: { labels: ['x'] } } });
    await sandbox.control.idle();
    // The second webhook only wants summary changes.
    expect(deliveries.map((delivery) => delivery.body.matchedWebhookIds)).toEqual([[billId]]);
    expect(deliveries[0]?.body).toMatchObject({
      issue_event_type_name: 'issue_updated',
      changelog: { items: [{ fieldId: 'labels' }] },
    });

    deliveries = [];
    await sandbox.call('PUT', `/rest/api/3/issue/${bill.id}`, { body: { fields: { summary: 'Renamed' } } });
    await sandbox.control.idle();
    expect(deliveries.map((delivery) => delivery.body.matchedWebhookIds)).toEqual([[billId, anyProjectId]]);
  });

  it('retries a failed delivery', async () => {
    failNext = 1;
    await createIssue(sandbox);
    await sandbox.control.idle();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.headers['x-atlassian-webhook-retry']).toBe('1');
  });

  it('expires webhooks 30 days after registration or refresh, on the runtime clock', async () => {
    sandbox.clock.advance(20 * DAY);
    const refreshed = await sandbox.call('PUT', '/rest/api/3/webhook/refresh', { body: { webhookIds: [billId] } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ expirationDate: T0 + 50 * DAY });
    sandbox.clock.advance(11 * DAY);
    const listed = await sandbox.call('GET', '/rest/api/3/webhook');
    expect(listed.body.values.map((webhook: { id: number }) => webhook.id)).toEqual([billId]);
    expect(sandbox.control.listWebhooks().map((webhook) => webhook.id)).toEqual([billId]);

    const ops = await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' } });
    await sandbox.call('DELETE', `/rest/api/3/issue/${ops.id}`);
    await sandbox.control.idle();
    expect(deliveries).toEqual([]);
  });

  it('deletes webhooks through the API and drops them through the sandbox control', async () => {
    const deleted = await sandbox.call('DELETE', '/rest/api/3/webhook', { body: { webhookIds: [billId] } });
    expect(deleted.status).toBe(202);
    expect((await sandbox.call('GET', '/rest/api/3/webhook')).body.values).toEqual([]);
    await register([{ events: ['jira:issue_created'], jqlFilter: 'project = OPS' }]);
    const dropped = await fetch(`${sandbox.baseUrl}/jira/_sandbox/webhooks`, { method: 'DELETE' }).then((res) =>
      res.json(),
    );
    expect(dropped).toEqual({ dropped: 1 });
    expect(sandbox.control.listWebhooks()).toEqual([]);
  });
});

describe('Forge product events', () => {
  it('sends created, updated (with changelog) and deleted issue events', async () => {
    const issue = await createIssue(sandbox, { summary: 'Event source' });
    await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, {
      as: 'admin',
      body: { fields: { summary: 'Edited by a person' } },
    });
    await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/comment`, {
      body: { body: adf('no update event for comments') },
    });
    await sandbox.call('DELETE', `/rest/api/3/issue/${issue.id}`);
    await sandbox.control.idle();
    expect(sandbox.events.map((event) => event.eventType)).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:deleted:issue',
    ]);
    const [created, updated] = sandbox.events;
    expect(created).toMatchObject({
      issue: {
        id: issue.id,
        key: issue.key,
        fields: {
          summary: 'Event source',
          issuetype: { name: 'Invoice' },
          project: { key: 'BILL' },
          status: { name: 'Draft' },
        },
      },
      atlassianId: APP_ACCOUNT_ID,
    });
    expect(updated?.changelog?.items).toEqual([
      {
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: 'Event source',
        to: null,
        toString: 'Edited by a person',
      },
    ]);
    expect(updated?.atlassianId).not.toBe(APP_ACCOUNT_ID);
  });

  it('sends an update event when the app sets its field values', async () => {
    const issue = await createIssue(sandbox);
    sandbox.events.length = 0;
    await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'customfield_10100', issueIds: [Number(issue.id)], value: 'INV-9' }] },
    });
    await sandbox.control.idle();
    expect(sandbox.events).toHaveLength(1);
    expect(sandbox.events[0]?.changelog?.items[0]).toMatchObject({
      fieldId: 'customfield_10100',
      fieldtype: 'custom',
      toString: 'INV-9',
    });
  });
});
