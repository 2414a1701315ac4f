import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_ADMIN_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { loadManifest, LOCAL_FAILURE_HEADER } from '../../../local/runtime';
import { json, REPO_ROOT, startHarness, type StackHarness } from './harness';

const manifest = loadManifest(path.join(REPO_ROOT, 'manifest.yml'));

/** The app itself (manifest.yml and the handlers it names in src/entry/) on the local stack: the platform side of every module it declares. */
describe('the app on the local stack', () => {
  let h: StackHarness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it('is healthy once started', async () => {
    expect(await json(await h.get('/_local/health'))).toMatchObject({ ok: true });
  });

  it.each(manifest.webTriggers.map((trigger) => trigger.key))(
    'web trigger %s answers with a Forge response of its own',
    async (key) => {
      await h.stack.runtime.idle();
      const response = await h.get(`/webtrigger/${key}`, { method: 'POST', body: '{}' });
      expect(h.stack.runtime.invocationHistory().at(-1)).toMatchObject({
        moduleKey: key,
        kind: 'webtrigger',
        outcome: 'ok',
      });
      expect(response.headers.get(LOCAL_FAILURE_HEADER)).toBeNull();
    },
  );

  it('runs the scheduled triggers when the clock passes their interval', async () => {
    const answer = await json<{ runs: { key: string }[] }>(
      await h.post('/_local/clock/advance', { ms: 7 * 24 * 3_600_000 }),
    );
    for (const trigger of manifest.scheduledTriggers) expect(answer.runs.map((run) => run.key)).toContain(trigger.key);
  });

  it('answers a Custom UI resolver call on each page', async () => {
    for (const page of manifest.pages) {
      const origin =
        page.type === 'jira:projectSettingsPage'
          ? { moduleKey: page.key, projectKey: 'BILL' }
          : { moduleKey: page.key };
      const response = await h.post('/_local/bridge/getContext', { origin });
      expect(await json(response)).toMatchObject({
        ok: true,
        value: { accountId: LOCAL_ADMIN_ACCOUNT_ID, moduleKey: page.key, extension: { type: page.type } },
      });
    }
  });

  it('serves each page, or says how to build it', async () => {
    for (const [mountPath, page] of [
      ['/admin/', manifest.pages.find((p) => p.type === 'jira:adminPage')],
      ['/projects/BILL/settings/', manifest.pages.find((p) => p.type === 'jira:projectSettingsPage')],
    ] as const) {
      if (!page) continue;
      const built = fs.existsSync(path.join(REPO_ROOT, manifest.resources.get(page.resource) ?? '', 'index.html'));
      const response = await h.get(mountPath);
      const html = await response.text();
      expect(response.status).toBe(built ? 200 : 503);
      expect(html).toContain(built ? 'globalThis.__bridge' : 'is not built yet');
    }
  });

  it('delivers Jira issue events from the sandbox to the trigger module', async () => {
    const trigger = manifest.productTriggers.find((candidate) => candidate.events.includes('avi:jira:deleted:issue'));
    if (!trigger) throw new Error('the manifest has no trigger for avi:jira:deleted:issue');
    const asAdmin = { 'content-type': 'application/json', 'x-forge-principal': `user:${LOCAL_ADMIN_ACCOUNT_ID}` };
    const created = await h.get('/jira/rest/api/3/issue', {
      method: 'POST',
      headers: asAdmin,
      body: JSON.stringify({
        fields: { project: { key: 'BILL' }, issuetype: { name: 'Task' }, summary: 'An invoice' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const deleted = await h.get(`/jira/rest/api/3/issue/${id}`, { method: 'DELETE', headers: asAdmin });
    expect(deleted.status).toBe(204);
    await h.stack.runtime.idle();
    expect(h.stack.runtime.invocationHistory()).toContainEqual(
      expect.objectContaining({ moduleKey: trigger.key, kind: 'trigger', outcome: 'ok' }),
    );
  });
});
