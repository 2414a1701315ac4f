import { APP_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { FIXTURE_APP, json, startHarness, type StackHarness } from './harness';

describe('what a handler reaches through the Forge SDKs', () => {
  let h: StackHarness;

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP });
  });

  afterAll(async () => {
    await h.close();
  });

  it('@forge/kvs works inside a handler and lands in the local KVS', async () => {
    const answer = await json(await h.get('/webtrigger/platform?op=kvs'));
    expect(answer).toEqual({ value: { hello: 'world' }, secret: 'kept-secret' });
    expect(h.stack.kvs.handle('/api/v1/get', { key: 'greeting' })).toMatchObject({
      status: 200,
      body: { key: 'greeting', value: { hello: 'world' } },
    });
  });

  it('requestJira reaches the Jira sandbox as the app (plain and asApp) or as the named user', async () => {
    type Myself = { status: number; body: { accountId: string } };
    const answer = await json<{ plain: Myself; asApp: Myself; asUser: Myself }>(
      await h.get(`/webtrigger/platform?op=jira&accountId=${encodeURIComponent(LOCAL_USER_ACCOUNT_ID)}`),
    );
    expect(answer.plain).toMatchObject({ status: 200, body: { accountId: APP_ACCOUNT_ID } });
    expect(answer.asApp).toMatchObject({ status: 200, body: { accountId: APP_ACCOUNT_ID } });
    expect(answer.asUser).toMatchObject({ status: 200, body: { accountId: LOCAL_USER_ACCOUNT_ID } });
  });

  it('refuses egress to a host the manifest does not declare, and routes Wave to its sandbox', async () => {
    const { access_token: token } = h.stack.wave.issueTokens();
    const answer = await json<{
      refused: { name: string; message: string };
      globalRefused: string;
      wave: { status: number; body: string };
    }>(await h.get(`/webtrigger/platform?op=egress&token=${encodeURIComponent(token)}`));
    expect(answer.refused.name).toBe('REQUEST_EGRESS_ALLOWLIST_ERR');
    expect(answer.refused.message).toContain(
      'URL not included in the external fetch backend permissions: https://undeclared.example.com/path',
    );
    expect(answer.refused.message).not.toContain('do-not-log');
    expect(answer.globalRefused).toBe('REQUEST_EGRESS_ALLOWLIST_ERR');
    expect(answer.wave.status).toBe(200);
    expect(JSON.parse(answer.wave.body)).toMatchObject({ data: { user: { id: expect.any(String) } } });
  });

  it('leaves fetch alone outside invocations', async () => {
    expect((await fetch(`${h.stack.baseUrl}/_local/health`)).status).toBe(200);
  });

  it('delivers product events to the trigger modules listening for them', async () => {
    await h.get('/webtrigger/journal?reset=1');
    await h.stack.runtime.deliverProductEvent({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '1', key: 'BILL-1', fields: {} },
    });
    await h.stack.runtime.deliverProductEvent({
      eventType: 'avi:jira:created:issue',
      issue: { id: '2', key: 'BILL-2', fields: {} },
    });
    expect(await json<string[]>(await h.get('/webtrigger/journal'))).toEqual([
      'issue-event:avi:jira:updated:issue:issue-events',
    ]);
  });
});
