import { startTestStack, type TestStack } from '../support/test-stack';
import { activity, HOUR_MS, issuesFor, keeperHealth, runKeeperNow, waveInvoice } from './support';

let t: TestStack;
beforeEach(async () => {
  // A site where the app may keep dynamic webhooks (an OAuth 2.0 integration owns them).
  t = await startTestStack({ jiraSettings: { dynamicWebhooks: true } });
});
afterEach(async () => t.close());

const post = (url: string, body: unknown, method = 'POST') =>
  fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
  });

async function syncedIssue() {
  const invoice = await waveInvoice(t, { status: 'SENT' }, true);
  const [issue] = issuesFor(t, invoice.id);
  if (!issue) throw new Error('the delivered invoice has no issue');
  return { invoice, issue };
}

async function linkOf(waveId: string) {
  const { getLink } = await import('../../src/adapters/storage/links');
  return t.stack.runtime.runAsApp(() => getLink('invoice', waveId));
}

describe('the Jira webhooks the keeper keeps', () => {
  it('registers one for issue updated and deleted in the synced project, and reuses it on later runs', async () => {
    await runKeeperNow(t);
    const [webhook, ...others] = t.stack.jira.listWebhooks();
    expect(others).toEqual([]);
    expect(webhook).toMatchObject({
      events: ['jira:issue_updated', 'jira:issue_deleted'],
      jqlFilter: 'project in (BILL)',
    });
    expect(new URL(webhook!.url).searchParams.get('token')).toMatch(/^[\w-]{40,}$/);
    await runKeeperNow(t);
    await t.stack.runtime.advanceClock(3 * HOUR_MS);
    expect(t.stack.jira.listWebhooks().map((listed) => listed.id)).toEqual([webhook!.id]);
    const health = await keeperHealth(t);
    expect(health.jiraEvents).toMatchObject({
      source: 'dynamic-webhooks',
      webhooks: [{ id: webhook!.id }],
      expiresAt: Date.parse(webhook!.expirationDate),
    });
  });

  it('brings back a webhook Jira lost', async () => {
    await runKeeperNow(t);
    expect(t.stack.jira.dropWebhooks()).toBe(1);
    await t.stack.runtime.advanceClock(HOUR_MS);
    expect(t.stack.jira.listWebhooks()).toHaveLength(1);
  });

  it('accepts deliveries only with its token; a deletion drops the link only once Jira confirms the issue is gone', async () => {
    await runKeeperNow(t);
    const [webhook] = t.stack.jira.listWebhooks();
    const { invoice, issue } = await syncedIssue();
    const deleted = { webhookEvent: 'jira:issue_deleted', issue: { id: issue.id, key: issue.key } };
    const bare = t.stack.webhookUrl('jira-webhook');

    expect((await post(bare, deleted)).status).toBe(401);
    expect((await post(`${bare}?token=not-the-token`, deleted)).status).toBe(401);
    expect((await post(webhook!.url, deleted, 'GET')).status).toBe(405);
    expect(await linkOf(invoice.id)).toBeDefined();

    // A forged "deleted" for a live issue (even with the token) changes nothing: Jira still shows the issue.
    expect((await post(webhook!.url, deleted)).status).toBe(200);
    expect(await linkOf(invoice.id)).toBeDefined();
    const notConfirmed = (await activity(t)).find((entry) => entry.reason?.startsWith('Deletion not confirmed'));
    expect(notConfirmed).toMatchObject({ issueKey: issue.key, outcome: 'ignored' });

    const removed = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${issue.id}`, {
      method: 'DELETE',
      headers: { 'x-forge-principal': 'user:712020:00000000-0000-4000-a000-000000000001' },
    });
    expect(removed.status).toBe(204);
    await t.stack.jira.idle();
    await t.stack.runtime.idle();
    expect((await post(webhook!.url, deleted)).status).toBe(200);
    expect(await linkOf(invoice.id)).toBeUndefined();
  });

  it('receives what Jira sends to it', async () => {
    await runKeeperNow(t);
    const { issue } = await syncedIssue();
    const before = t.stack.runtime.invocationHistory().filter((record) => record.moduleKey === 'jira-webhook').length;
    const edited = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${issue.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-forge-principal': 'app' },
      body: JSON.stringify({ fields: { summary: 'Renamed in Jira' } }),
    });
    expect(edited.status).toBe(204);
    await t.stack.jira.idle();
    // Jira retries a delivery that is not answered 2xx: exactly one call means the trigger accepted it.
    const calls = t.stack.runtime.invocationHistory().filter((record) => record.moduleKey === 'jira-webhook');
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)?.outcome).toBe('ok');
  });

  it('where Jira refuses dynamic webhooks (a plain Forge app), records the Forge trigger as the source', async () => {
    t.stack.jira.setDynamicWebhooksAllowed(false);
    await runKeeperNow(t);
    const health = await keeperHealth(t);
    expect(health.jiraEvents).toMatchObject({ source: 'forge-trigger', webhooks: [] });
    expect(health.jiraEvents.lastProblem).toBeUndefined();
    expect(health.jiraEvents.nextRefreshAt).toBeUndefined();
  });

  it('deletes its webhooks when the app is uninstalled', async () => {
    await runKeeperNow(t);
    expect(t.stack.jira.listWebhooks()).toHaveLength(1);
    const { appUninstalling } = await import('../../src/entry/lifecycle/app-uninstalling');
    await t.stack.runtime.runAsApp(() => appUninstalling());
    expect(t.stack.jira.listWebhooks()).toEqual([]);
  });

  it('deletes its webhooks once Wave is disconnected, and registers none until it is connected again', async () => {
    await runKeeperNow(t);
    const [{ deleteWaveTokens }, { kvs }, { storageKeys }] = await Promise.all([
      import('../../src/adapters/storage/secrets'),
      import('@forge/kvs'),
      import('../../src/adapters/storage/keys'),
    ]);
    await t.stack.runtime.runAsApp(async () => {
      await deleteWaveTokens();
      await kvs.delete(storageKeys.waveConnection());
    });
    await runKeeperNow(t);
    expect(t.stack.jira.listWebhooks()).toEqual([]);
    await t.stack.runtime.advanceClock(2 * HOUR_MS);
    expect(t.stack.jira.listWebhooks()).toEqual([]);
  });
});
