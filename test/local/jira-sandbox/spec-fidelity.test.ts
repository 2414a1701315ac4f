import express from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RuntimeClock } from '../../../local/clock';
import { IssueEvents } from '../../../local/jira-sandbox/events/issue-events';
import { NotificationLog } from '../../../local/jira-sandbox/events/notifications';
import { PendingWork } from '../../../local/jira-sandbox/events/pending-work';
import { WebhookRegistry } from '../../../local/jira-sandbox/events/webhook-registry';
import { createRestDispatcher } from '../../../local/jira-sandbox/http/rest-dispatcher';
import { FaultInjector } from '../../../local/jira-sandbox/limits/faults';
import { PointsQuota } from '../../../local/jira-sandbox/limits/points-quota';
import { RateLimiter } from '../../../local/jira-sandbox/limits/rate-limiter';
import { RequestStats } from '../../../local/jira-sandbox/limits/request-stats';
import { Site } from '../../../local/jira-sandbox/site';
import { JiraSpec } from '../../../local/jira-sandbox/spec/jira-spec';
import { checkResponse } from '../../../local/jira-sandbox/spec/response-validation';
import { SchemaValidator } from '../../../local/jira-sandbox/spec/schema-validator';
import { JiraState } from '../../../local/jira-sandbox/state/jira-state';
import { SPEC_PATH, T0, TEST_APP, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox();

describe('requests are checked against the spec', () => {
  it('answers unknown paths with 404 and known paths with another method with 405', async () => {
    const unknown = await sandbox.call('GET', '/rest/api/3/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorMessages[0]).toMatch(
      /^null for uri: http:\/\/127\.0\.0\.1:\d+\/jira\/rest\/api\/3\/no-such-thing$/,
    );
    const wrongMethod = await sandbox.call('PATCH', '/rest/api/3/myself');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('rejects a body the schema rejects, naming the field', async () => {
    const missing = await sandbox.call('POST', '/rest/api/3/webhook', {
      body: { url: 'http://127.0.0.1:9/x', webhooks: [{ events: ['jira:issue_created'] }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errorMessages).toEqual(["/webhooks/0: must have required property 'jqlFilter'"]);
    const extra = await sandbox.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = BILL', startAt: 0 } });
    expect(extra.status).toBe(400);
    expect(extra.body.errorMessages).toEqual(['Unrecognized field "startAt" at /, not marked as ignorable.']);
    const wrongEnum = await sandbox.call('POST', '/rest/api/3/webhook', {
      body: { url: 'http://127.0.0.1:9/x', webhooks: [{ events: ['issue_exploded'], jqlFilter: 'project = BILL' }] },
    });
    expect(wrongEnum.status).toBe(400);
    expect(wrongEnum.body.errorMessages[0]).toMatch(
      /^\/webhooks\/0\/events\/0: must be equal to one of the allowed values/,
    );
    const wrongType = await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'customfield_10100', issueIds: ['10000'], value: 'x' }] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errorMessages).toEqual(['/updates/0/issueIds/0: must be integer']);
  });

  it("checks query parameters, the body's presence, JSON and content type", async () => {
    const badParam = await sandbox.call('GET', '/rest/api/3/project/search?maxResults=lots');
    expect(badParam.status).toBe(400);
    expect(badParam.body.errorMessages).toEqual(["Invalid value for query parameter 'maxResults': must be integer."]);
    const tooMany = await sandbox.call('GET', '/rest/api/3/project/search?maxResults=500');
    expect(tooMany.status).toBe(400);
    const noBody = await sandbox.call('POST', '/rest/api/3/issue');
    expect(noBody.status).toBe(400);
    expect(noBody.body.errorMessages).toEqual(['No content to map due to end-of-input']);
    const badJson = await sandbox.call('POST', '/rest/api/3/issue', { rawBody: '{"fields":' });
    expect(badJson.status).toBe(400);
    const wrongType = await sandbox.call('POST', '/rest/api/3/issue', {
      rawBody: 'fields=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
  });

  it('says which spec operations the sandbox does not implement', async () => {
    const response = await sandbox.call('GET', '/rest/api/3/dashboard');
    expect(response.status).toBe(501);
    expect(response.body.errorMessages[0]).toMatch(/does not implement getAllDashboards/);
  });
});

describe('responses are checked against the spec', () => {
  const spec = JiraSpec.load(SPEC_PATH);
  const validator = new SchemaValidator(spec.document);
  const getIssue = spec.operation('getIssue');
  const deleteIssue = spec.operation('deleteIssue');

  it('finds what does not match the declared schema', () => {
    if (!getIssue || !deleteIssue) throw new Error('operations missing from the spec');
    expect(checkResponse(validator, getIssue, 200, { id: '1', key: 'A-1', fields: {} })).toEqual([]);
    expect(checkResponse(validator, getIssue, 200, { id: 1, key: 'A-1' })).toEqual(['/id: must be string']);
    expect(checkResponse(validator, getIssue, 200, { id: '1', colour: 'red' })).toEqual([
      'Unrecognized field "colour" at /, not marked as ignorable.',
    ]);
    expect(checkResponse(validator, getIssue, 404, { errorMessages: ['x'], errors: {} })).toEqual([]);
    expect(checkResponse(validator, getIssue, 404, { message: 'x' })).toEqual([
      'Unrecognized field "message" at /, not marked as ignorable.',
    ]);
    expect(checkResponse(validator, getIssue, 201, { id: '1' })).toEqual(['status 201 is not declared for getIssue']);
    expect(checkResponse(validator, deleteIssue, 204, { unexpected: true })).toEqual([
      'deleteIssue declares no body for status 204',
    ]);
  });

  it('turns an invalid response into a 500 in strict mode and counts it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jira-sandbox-strict-'));
    const clock = new RuntimeClock(() => T0);
    const state = new JiraState(dataDir, { name: 'app', customFields: [] });
    const site = new Site(state, clock, () => 'http://127.0.0.1/jira', TEST_APP);
    const work = new PendingWork();
    const webhooks = new WebhookRegistry(site);
    const stats = new RequestStats();
    const logged: string[] = [];
    const dispatcher = createRestDispatcher({
      site,
      spec,
      validator,
      stats,
      webhooks,
      signal: work.signal,
      strictResponses: true,
      log: (message) => logged.push(message),
      handlers: { getServerInfo: () => ({ status: 200, body: { version: 1001 } }) },
      faults: new FaultInjector(clock),
      limiter: new RateLimiter(clock),
      quota: new PointsQuota(clock, () => site.settings.current.pointsQuota),
      notifications: new NotificationLog(site),
      events: new IssueEvents(site, webhooks, work, { retryDelaysMs: [], log: () => undefined }),
    });
    const app = express();
    app.use((req, res) => void dispatcher(req, res));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/api/3/serverInfo`, {
        headers: { 'x-forge-principal': 'app' },
      });
      expect(response.status).toBe(500);
      expect((await response.json()).errorMessages[0]).toBe(
        'Jira sandbox bug: the 200 response of getServerInfo does not match the spec: /version: must be string',
      );
      expect(stats.snapshot().responseValidationFailures).toBe(1);
      expect(logged).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      state.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('loads and routes the spec quickly', () => {
    const started = Date.now();
    const loaded = JiraSpec.load(SPEC_PATH);
    const loadedValidator = new SchemaValidator(loaded.document);
    const match = loaded.match('GET', '/rest/api/3/issue/picker');
    expect(match.kind === 'operation' && match.operation.operationId).toBe('getIssuePickerResource');
    expect(loadedValidator.validate('#/components/schemas/IssueBean', { id: '1' })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('the dashboard', () => {
  it('lists issues with their status and app fields, escaping hostile text', async () => {
    const created = await sandbox.call('POST', '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'BILL' },
          issuetype: { name: 'Invoice' },
          summary: '<script>alert("x")</script> & co',
        },
      },
    });
    await sandbox.call('POST', '/rest/api/3/app/field/value', {
      body: {
        updates: [
          {
            customField: 'customfield_10100',
            issueIds: [Number(created.body.id)],
            value: '<img src=x onerror=alert(1)>',
          },
        ],
      },
    });
    await sandbox.call('POST', `/rest/api/3/issue/${created.body.id}/worklog`, { body: { timeSpentSeconds: 3600 } });
    for (const pagePath of ['/jira', '/jira/']) {
      const response = await fetch(`${sandbox.baseUrl}${pagePath}`);
      const html = await response.text();
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(html).toContain('<meta http-equiv="refresh"');
      expect(html).toContain(created.body.key);
      expect(html).toContain('Draft');
      expect(html).toContain('1 (1h)');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co');
    }
  });
});
