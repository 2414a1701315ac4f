/**
 * The local runtime emulates undocumented SDK internals. This test pins them: it fails when an SDK
 * version changes, or when the globals it reads or the targets and paths it sends change.
 */
import fs from 'node:fs';
import path from 'node:path';

const PINNED: Record<string, string> = {
  '@forge/api': '8.3.0',
  '@forge/kvs': '1.6.5',
  '@forge/events': '3.0.8',
  '@forge/resolver': '2.0.1',
  '@forge/bridge': '7.2.0',
};

interface SentCall {
  target: Record<string, unknown>;
  path: string;
  method?: string;
  body?: unknown;
}

type Globals = { __forge_fetch__?: unknown; __forge_runtime__?: unknown; __bridge?: unknown };
const globals = globalThis as unknown as Globals;

const runtime = {
  appContext: {
    appId: 'app-uuid',
    environmentId: 'env-uuid',
    moduleKey: 'm',
    invocationId: 'i',
    installationId: 'inst',
  },
  contextAri: 'ari:cloud:jira::site/cloud-uuid',
  lambdaContext: { getRemainingTimeInMillis: () => 1000 },
  metrics: {
    counter: () => ({ incr: () => {} }),
    timing: () => ({ measure: () => ({ stop: () => {} }) }),
  },
};

function answer(urlPath: string): Response {
  if (urlPath === '/graphql')
    return Response.json({ data: { createWebTriggerUrl: { url: 'https://example.test/x1/abc' } } });
  if (urlPath.startsWith('/webhook/queue/publish/')) return new Response('{}', { status: 201 });
  if (urlPath === '/api/v1/get') return Response.json({ key: 'k', value: 'v' });
  return Response.json({});
}

describe('pinned Forge SDKs', () => {
  it.each(Object.entries(PINNED))('%s is exactly %s', (name, version) => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../../node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.version).toBe(version);
  });
});

describe('what the SDKs send through global.__forge_fetch__', () => {
  const sent: SentCall[] = [];

  beforeAll(() => {
    globals.__forge_runtime__ = runtime;
    globals.__forge_fetch__ = async (target: Record<string, unknown>, urlPath: string, init?: RequestInit) => {
      sent.push({
        target,
        path: urlPath,
        method: init?.method,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return answer(urlPath);
    };
  });

  afterAll(() => {
    delete globals.__forge_fetch__;
    delete globals.__forge_runtime__;
  });

  beforeEach(() => {
    sent.length = 0;
  });

  it('@forge/kvs: {type: kvs, provider: app, remote: kvs} to /api/v1/<op> when the runtime has no kvs url', async () => {
    const { kvs } = jest.requireActual<typeof import('@forge/kvs')>('@forge/kvs');
    await expect(kvs.get('k')).resolves.toBe('v');
    expect(sent).toEqual([
      {
        target: { type: 'kvs', provider: 'app', remote: 'kvs' },
        path: '/api/v1/get',
        method: 'POST',
        body: { key: 'k' },
      },
    ]);
  });

  it('@forge/api requestJira: fpp/jira with provider none, app, or user and the accountId', async () => {
    const api = jest.requireActual<typeof import('@forge/api')>('@forge/api');
    await api.default.requestJira(api.route`/rest/api/3/myself`);
    await api.asApp().requestJira(api.route`/rest/api/3/myself`);
    await api.asUser('acc-1').requestJira(api.route`/rest/api/3/issue/${'A-1'}`, { method: 'PUT' });
    expect(sent.map(({ target, path: urlPath, method }) => ({ target, path: urlPath, method }))).toEqual([
      { target: { type: 'fpp', provider: 'none', remote: 'jira' }, path: '/rest/api/3/myself', method: undefined },
      { target: { type: 'fpp', provider: 'app', remote: 'jira' }, path: '/rest/api/3/myself', method: undefined },
      {
        target: { type: 'fpp', provider: 'user', remote: 'jira', accountId: 'acc-1' },
        path: '/rest/api/3/issue/A-1',
        method: 'PUT',
      },
    ]);
  });

  it('@forge/api webTrigger.getUrl: a createWebTriggerUrl mutation to stargate /graphql', async () => {
    const { webTrigger } = jest.requireActual<typeof import('@forge/api')>('@forge/api');
    await expect(webTrigger.getUrl('hook')).resolves.toBe('https://example.test/x1/abc');
    const [call] = sent;
    expect(call?.target).toEqual({ type: 'fpp', provider: 'app', remote: 'stargate' });
    expect(call?.path).toBe('/graphql');
    expect(call?.body).toMatchObject({
      query: expect.stringContaining('createWebTriggerUrl'),
      variables: {
        input: { appId: 'app-uuid', envId: 'env-uuid', triggerKey: 'hook', contextId: runtime.contextAri },
        forceCreate: false,
      },
    });
  });

  it('@forge/events Queue.push: stargate /webhook/queue/publish/ with the events, accepted on 201', async () => {
    const { Queue } = jest.requireActual<typeof import('@forge/events')>('@forge/events');
    const { jobId } = await new Queue({ key: 'work' }).push([{ body: { a: 1 }, delayInSeconds: 5 }]);
    const [call] = sent;
    expect(call?.target).toEqual({ type: 'fpp', provider: 'app', remote: 'stargate' });
    expect(call?.path).toBe('/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}');
    expect(call?.body).toMatchObject({ queueName: 'work', jobId, payload: [{ body: { a: 1 }, delayInSeconds: 5 }] });
  });

  it('@forge/events InvocationError serialises to {_retry: true, retryOptions}', () => {
    const { InvocationError, InvocationErrorCode } =
      jest.requireActual<typeof import('@forge/events')>('@forge/events');
    expect(
      JSON.parse(
        JSON.stringify(
          new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
        ),
      ),
    ).toEqual({
      _retry: true,
      retryOptions: { retryAfter: 30, retryReason: 'FUNCTION_RETRY_REQUEST' },
    });
  });

  it('@forge/resolver reads the call, the context and the principal as the runtime passes them', async () => {
    const Resolver = jest.requireActual<typeof import('@forge/resolver')>('@forge/resolver').default;
    const resolver = new Resolver().define('who', ({ payload, context }) => ({
      payload,
      accountId: context.accountId,
      installContext: context.installContext,
      moduleKey: context.moduleKey,
    }));
    const result = await resolver.getDefinitions()(
      { call: { functionKey: 'who', payload: { x: 1 } }, context: { moduleKey: 'admin-page' } },
      { principal: { accountId: 'acc-2' }, installContext: 'ari:cloud:jira::site/c' },
    );
    expect(result).toEqual({
      payload: { x: 1 },
      accountId: 'acc-2',
      installContext: 'ari:cloud:jira::site/c',
      moduleKey: 'admin-page',
    });
  });

  it('@forge/bridge calls globalThis.__bridge.callBridge(name, payload) for invoke and getContext', async () => {
    const calls: [string, unknown][] = [];
    globals.__bridge = {
      callBridge: async (name: string, payload: unknown) => (calls.push([name, payload]), { ok: name }),
    };
    try {
      const bridge = jest.requireActual<typeof import('@forge/bridge')>('@forge/bridge');
      await expect(bridge.invoke('getStatus', { a: 1 })).resolves.toEqual({ ok: 'invoke' });
      await expect(bridge.view.getContext()).resolves.toEqual({ ok: 'getContext' });
      expect(calls).toEqual([
        ['invoke', { functionKey: 'getStatus', payload: { a: 1 }, metadata: undefined }],
        ['getContext', undefined],
      ]);
    } finally {
      delete globals.__bridge;
    }
  });
});
