import { DEFAULT_JIRA_SETTINGS } from '../../../local/jira-sandbox';
import { useJiraSandbox, type Caller } from './harness';

const sandbox = useJiraSandbox({ each: true });

const settingsUrl = () => `${sandbox.baseUrl}/jira/_sandbox/settings`;
const postSettings = (body: unknown) =>
  fetch(settingsUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const WEBHOOK_CALLS: [string, string, unknown][] = [
  [
    'POST',
    '/rest/api/3/webhook',
    {
      url: 'http://127.0.0.1:9/hook',
      webhooks: [{ events: ['jira:issue_created'], jqlFilter: 'project = BILL' }],
    },
  ],
  ['GET', '/rest/api/3/webhook', undefined],
  ['DELETE', '/rest/api/3/webhook', { webhookIds: [1] }],
  ['PUT', '/rest/api/3/webhook/refresh', { webhookIds: [1] }],
];

describe('the sandbox settings', () => {
  it('start with every Jira behaviour on, and GET shows them', async () => {
    const response = await fetch(settingsUrl());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      dynamicWebhooks: false,
      searchLagMs: 2000,
      pointsQuota: {
        enabled: true,
        pointsPerHour: 65_000,
        costs: { base: 1, perObject: 1, perIdentityObject: 2, operations: {} },
      },
      timeTracking: { enabled: true, disabledProjects: [] },
    });
    expect(sandbox.control.settings()).toEqual(DEFAULT_JIRA_SETTINGS);
  });

  it('take partial updates: a boolean switches a behaviour, an object changes its parameters', async () => {
    const first = await postSettings({ dynamicWebhooks: true, searchLagMs: 0, pointsQuota: false });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      dynamicWebhooks: true,
      searchLagMs: 0,
      pointsQuota: { enabled: false, pointsPerHour: 65_000 },
    });
    const second = await postSettings({ pointsQuota: { pointsPerHour: 500, costs: { operations: { getIssue: 7 } } } });
    expect(await second.json()).toMatchObject({
      dynamicWebhooks: true,
      pointsQuota: { enabled: false, pointsPerHour: 500, costs: { base: 1, operations: { getIssue: 7 } } },
    });
    sandbox.control.updateSettings({ pointsQuota: true, timeTracking: { disabledProjects: ['OPS'] } });
    expect(sandbox.control.settings()).toMatchObject({
      pointsQuota: { enabled: true, pointsPerHour: 500 },
      timeTracking: { enabled: true, disabledProjects: ['OPS'] },
    });
  });

  it.each([
    ['an unknown setting', { searchLag: 0 }],
    ['a negative lag', { searchLagMs: -1 }],
    ['a wrong type', { dynamicWebhooks: 'yes' }],
    ['an unknown quota part', { pointsQuota: { perHour: 5 } }],
    ['a project key that is not one', { timeTracking: { disabledProjects: ['not a key'] } }],
  ])('refuse %s with 400 naming it, and change nothing', async (_what, body) => {
    const response = await postSettings({ dynamicWebhooks: true, ...body });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; issues: string[] };
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(sandbox.control.settings()).toEqual(DEFAULT_JIRA_SETTINGS);
    expect(() => sandbox.control.updateSettings(body as never)).toThrow(/invalid input/);
  });

  it('refuse a body that is not JSON', async () => {
    const response = await fetch(settingsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{dynamicWebhooks',
    });
    expect(response.status).toBe(400);
  });

  it('report time tracking in Jira’s global configuration', async () => {
    expect((await sandbox.call('GET', '/rest/api/3/configuration')).body).toMatchObject({
      timeTrackingEnabled: true,
      timeTrackingConfiguration: { workingHoursPerDay: 8, workingDaysPerWeek: 5 },
    });
    expect((await sandbox.call('GET', '/rest/api/3/configuration/timetracking')).body).toMatchObject({ key: 'JIRA' });
    sandbox.control.updateSettings({ timeTracking: false });
    const configuration = await sandbox.call('GET', '/rest/api/3/configuration');
    expect(configuration.body.timeTrackingEnabled).toBe(false);
    expect(configuration.body.timeTrackingConfiguration).toBeUndefined();
    expect((await sandbox.call('GET', '/rest/api/3/configuration/timetracking')).status).toBe(204);
    expect((await sandbox.call('GET', '/rest/api/3/configuration/timetracking', { as: 'user' })).status).toBe(403);
  });
});

describe('dynamic webhooks', () => {
  it.each(WEBHOOK_CALLS)(
    "answer %s %s with Jira's 403 to the Forge app by default (only Connect and OAuth 2.0 apps)",
    async (method, path, body) => {
      const response = await sandbox.call(method, path, { body });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        errorMessages: ['Only Connect and OAuth 2.0 apps can use this operation.'],
        errors: {},
      });
    },
  );

  it.each(WEBHOOK_CALLS)('are allowed to the app where the site allows them: %s %s', async (method, path, body) => {
    sandbox.control.updateSettings({ dynamicWebhooks: true });
    const response = await sandbox.call(method, path, { body });
    expect(response.status).toBeLessThan(300);
    // Users never may, allowed or not.
    for (const as of ['admin', 'user'] as Caller[])
      expect((await sandbox.call(method, path, { as, body })).status).toBe(403);
  });

  it('follow the setting at runtime, through the control object too', async () => {
    sandbox.control.setDynamicWebhooksAllowed(true);
    expect((await sandbox.call('GET', '/rest/api/3/webhook')).status).toBe(200);
    sandbox.control.setDynamicWebhooksAllowed(false);
    expect((await sandbox.call('GET', '/rest/api/3/webhook')).status).toBe(403);
  });
});
