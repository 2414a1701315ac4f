import { DEFAULT_RUNTIME_SETTINGS, LOCAL_FAILURE_HEADER } from '../../../local/runtime';
import { parseManifest } from '../../../local/runtime/manifest';
import { FIXTURE_APP, json, startHarness, type StackHarness } from './harness';

const WEB_TRIGGER_LIMIT_MS = 300;

interface PushAnswer {
  jobId?: string;
  error?: string;
  message?: string;
}

describe("Forge's limits on the local platform", () => {
  let h: StackHarness;

  const journal = async () => json<string[]>(await h.get('/webtrigger/journal?reset=1'));
  const settings = (body: unknown) => h.post('/_local/settings', body);
  const enqueue = async (query: string) => json<PushAnswer>(await h.get(`/webtrigger/platform?op=enqueue&${query}`));

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP, limits: { webTriggerMs: WEB_TRIGGER_LIMIT_MS } });
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await settings({ ...DEFAULT_RUNTIME_SETTINGS, timeLimits: { enabled: true, webTriggerMs: WEB_TRIGGER_LIMIT_MS } });
    await h.stack.runtime.idle();
    await journal();
  });

  describe('the settings at /_local/settings', () => {
    it('start with every limit on (time limits as the stack was given), and take partial updates', async () => {
      expect(await json(await h.get('/_local/settings'))).toEqual({
        ...DEFAULT_RUNTIME_SETTINGS,
        timeLimits: { ...DEFAULT_RUNTIME_SETTINGS.timeLimits, webTriggerMs: WEB_TRIGGER_LIMIT_MS },
      });
      const answer = await json(await settings({ kvsQuotas: { writesPerMinute: 10 }, queueLimits: false }));
      expect(answer).toMatchObject({
        kvsQuotas: { enabled: true, writesPerMinute: 10, readsPerMinute: 4000 },
        queueLimits: { enabled: false, eventsPerMinute: 500 },
      });
      expect(h.stack.runtime.settings.current.kvsQuotas.writesPerMinute).toBe(10);
      await settings({ kvsQuotas: { writesPerMinute: 4000 } });
    });

    it.each([
      ['an unknown section', { kvs: false }],
      ['a zero limit', { queueLimits: { eventsPerMinute: 0 } }],
      ['a string', { timeLimits: 'off' }],
    ])('refuse %s with 400, changing nothing', async (_what, body) => {
      const before = await json(await h.get('/_local/settings'));
      const response = await settings(body);
      expect(response.status).toBe(400);
      expect((await json<{ issues: string[] }>(response)).issues.length).toBeGreaterThan(0);
      expect(await json(await h.get('/_local/settings'))).toEqual(before);
    });
  });

  describe('KVS quotas', () => {
    it("refuse the app's writes past the minute's budget with the error @forge/kvs makes of 429, and count usage", async () => {
      await h.post('/_local/usage/reset');
      await settings({ kvsQuotas: { writesPerMinute: 1 } });
      const answer = await json<Record<string, unknown>>(await h.get('/webtrigger/platform?op=kvs-quota'));
      expect(answer).toEqual({
        first: 'ok',
        second: { error: 'ForgeKvsAPIError', code: 'RATE_LIMIT_EXCEEDED', status: 429 },
      });
      const usage = await json<{ kvs: { writes: number; refused: number } }>(await h.get('/_local/usage'));
      expect(usage.kvs).toMatchObject({ writes: 1, refused: 1 });
    });
  });

  describe('queue limits (@forge/events)', () => {
    it('refuse events past the minute’s budget per installation with RateLimitError, until the next minute', async () => {
      await settings({ queueLimits: { eventsPerMinute: 3 } });
      h.stack.clock.advance(60_000 - (h.stack.clock.now() % 60_000));
      expect(await enqueue('count=2')).toMatchObject({ jobId: expect.any(String) });
      expect(await enqueue('count=2')).toEqual({ error: 'RateLimitError', message: 'Too many requests.' });
      await h.stack.runtime.idle();
      h.stack.clock.advance(60_000);
      expect(await enqueue('count=2')).toMatchObject({ jobId: expect.any(String) });
      await h.stack.runtime.idle();
      const usage = await json<{ queue: { refused: { rateLimited: number } } }>(await h.get('/_local/usage'));
      expect(usage.queue.refused.rateLimited).toBeGreaterThanOrEqual(1);
    });

    it('refuse more events in one push, and bigger pushes, than allowed', async () => {
      await settings({ queueLimits: { eventsPerPush: 3, bytesPerPush: 2_000 } });
      expect(await enqueue('count=4')).toEqual({
        error: 'InternalServerError',
        message: '400 : This push contains more than the 3 events allowed.',
      });
      expect(await enqueue('count=1&bytes=3000')).toEqual({
        error: 'PayloadTooBigError',
        message: 'The maximum payload size is 2KB.',
      });
      expect(await enqueue('count=1&bytes=100')).toMatchObject({ jobId: expect.any(String) });
      await h.stack.runtime.idle();
    });

    it('refuse an event over 100 KB for a consumer whose timeoutSeconds is above 55', async () => {
      // The fixture's consumer function has timeoutSeconds 60.
      expect(await enqueue(`count=1&bytes=${101 * 1024}`)).toEqual({
        error: 'PayloadTooBigError',
        message: 'The maximum event size is 100KB for a consumer whose timeout is above 55 seconds.',
      });
      expect(await enqueue(`count=1&bytes=${90 * 1024}`)).toMatchObject({ jobId: expect.any(String) });
      await h.stack.runtime.idle();
    });
  });

  describe('time limits', () => {
    it('answer a web trigger past its limit as Forge answers a killed one; every platform call it makes after fails', async () => {
      const response = await h.get(`/webtrigger/linger?ms=${WEB_TRIGGER_LIMIT_MS + 200}`);
      expect(response.status).toBe(500);
      expect(response.headers.get(LOCAL_FAILURE_HEADER)).toBe('timeout');
      expect(await waitForEntries('linger:done')).toEqual([
        'linger:kvs:InvocationKilledError',
        'linger:jira:InvocationKilledError',
        'linger:fetch:InvocationKilledError',
        'linger:queue:InvocationKilledError',
        'linger:done',
      ]);
      expect(h.stack.kvs.handle('/api/v1/get', { key: 'lingered' }).status).toBe(404);
    });

    it('run as long as a function likes when switched off', async () => {
      await settings({ timeLimits: false });
      const response = await h.get(`/webtrigger/linger?ms=${WEB_TRIGGER_LIMIT_MS + 200}`);
      expect(response.status).toBe(200);
      expect(await journal()).toEqual([
        'linger:kvs:ok',
        'linger:jira:ok',
        'linger:fetch:ok',
        'linger:queue:ok',
        'linger:done',
      ]);
      await h.stack.runtime.idle();
    });
  });

  async function waitForEntries(last: string): Promise<string[]> {
    const seen: string[] = [];
    for (let attempt = 0; attempt < 100 && seen.at(-1) !== last; attempt += 1) {
      seen.push(...(await journal()));
      if (seen.at(-1) !== last) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return seen;
  }
});

function parseManifestForTest(fn: Record<string, unknown>) {
  return parseManifest({
    app: { id: 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000001' },
    modules: { function: [{ key: 'fn', handler: 'index.fn', ...fn }] },
  });
}

describe('the manifest', () => {
  it.each([901, 0, 2.5, '60'])('refuses timeoutSeconds %p (Forge takes 1 to 900)', (timeoutSeconds) => {
    expect(() => parseManifestForTest({ timeoutSeconds })).toThrow(
      /timeoutSeconds must be a whole number of seconds from 1 to 900/,
    );
  });

  it('takes 900', () => {
    expect(parseManifestForTest({ timeoutSeconds: 900 }).functions.get('fn')?.timeoutSeconds).toBe(900);
  });
});
