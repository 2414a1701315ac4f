import http from 'node:http';
import { LOCAL_FAILURE_HEADER } from '../../../local/runtime';
import { FIXTURE_APP, json, startHarness, type StackHarness } from './harness';

const TEST_WEB_TRIGGER_LIMIT_MS = 1000;

interface EchoAnswer {
  request: {
    method: string;
    body: string;
    path: string;
    headers: Record<string, string[]>;
    queryParameters: Record<string, string[]>;
    context: { moduleKey: string };
  };
  moduleKey: string;
  remainingMs: number;
}

/** node:http, because fetch folds repeated headers into one. */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string | string[]>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('web triggers', () => {
  let h: StackHarness;

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP, limits: { webTriggerMs: TEST_WEB_TRIGGER_LIMIT_MS } });
  });

  afterAll(async () => {
    await h.close();
  });

  it("hands the function Forge's request: raw body, lower-cased header arrays, query arrays", async () => {
    const rawBody = '{ "spaced" : [1, 2] ,"kept":"as sent" }';
    const response = await rawRequest(
      `${h.stack.baseUrl}/webtrigger/echo/deeper/path?a=1&a=2&empty=`,
      'POST',
      { 'X-Wave-Signature': 't=1,v1=abc', 'X-Repeated': ['one', 'two'], 'Content-Type': 'application/json' },
      rawBody,
    );
    expect(response.status).toBe(200);
    const answer = JSON.parse(response.body) as EchoAnswer;
    expect(answer.request).toMatchObject({
      method: 'POST',
      body: rawBody,
      path: '/webtrigger/echo/deeper/path',
      queryParameters: { a: ['1', '2'], empty: [''] },
      context: { moduleKey: 'echo' },
    });
    expect(answer.request.headers['x-wave-signature']).toEqual(['t=1,v1=abc']);
    expect(answer.request.headers['x-repeated']).toEqual(['one', 'two']);
    expect(answer.request.headers['content-type']).toEqual(['application/json']);
    expect(Object.keys(answer.request.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(answer.moduleKey).toBe('echo');
    expect(answer.remainingMs).toBeGreaterThan(0);
    expect(answer.remainingMs).toBeLessThanOrEqual(TEST_WEB_TRIGGER_LIMIT_MS);
  });

  it('applies a conforming response as is: status, multi-valued headers, body', async () => {
    const response = await h.get('/webtrigger/misbehave');
    expect(response.status).toBe(418);
    expect(response.headers.get(LOCAL_FAILURE_HEADER)).toBeNull();
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(await response.text()).toBe('short and stout');
  });

  it.each([
    ['throw', 'error'],
    ['shape', 'invalid-response'],
    ['body-object', 'invalid-response'],
    ['headers-string', 'invalid-response'],
  ])('answers 500 when the function does not return a Forge response (%s)', async (mode, failure) => {
    const response = await h.get(`/webtrigger/misbehave?mode=${mode}`);
    expect(response.status).toBe(500);
    expect(response.headers.get(LOCAL_FAILURE_HEADER)).toBe(failure);
  });

  it('answers 500 when the function outlives the web trigger time limit', async () => {
    const response = await h.get(`/webtrigger/misbehave?mode=slow&ms=${TEST_WEB_TRIGGER_LIMIT_MS + 500}`);
    expect(response.status).toBe(500);
    expect(response.headers.get(LOCAL_FAILURE_HEADER)).toBe('timeout');
    expect(h.stack.runtime.invocationHistory().at(-1)).toMatchObject({ moduleKey: 'misbehave', outcome: 'timeout' });
  });

  it('refuses a payload over 5 MB with 413, without invoking the function', async () => {
    const before = h.stack.runtime.invocationHistory().length;
    const response = await h.get('/webtrigger/echo', { method: 'POST', body: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(h.stack.runtime.invocationHistory()).toHaveLength(before);
  });

  it('answers 404 for a key the manifest does not declare', async () => {
    expect((await h.get('/webtrigger/nope')).status).toBe(404);
  });

  it('gives webTrigger.getUrl and queryUrls the local URLs', async () => {
    const answer = await json<{ url: string; all: { moduleKey: string; url: string }[] }>(
      await h.get('/webtrigger/platform?op=url'),
    );
    expect(answer.url).toBe(`${h.stack.baseUrl}/webtrigger/echo`);
    expect(answer.url).toBe(h.stack.webhookUrl('echo'));
    expect(answer.all).toContainEqual({ moduleKey: 'journal', url: `${h.stack.baseUrl}/webtrigger/journal` });
  });

  it('keeps concurrent invocations apart: each sees its own moduleKey and invocationId', async () => {
    type Probe = {
      before: { moduleKey: string; invocationId: string };
      after: { moduleKey: string; invocationId: string };
    };
    const [a, b] = await Promise.all([
      h.get('/webtrigger/probe-a?ms=300').then((response) => json<Probe>(response)),
      h.get('/webtrigger/probe-b?ms=100').then((response) => json<Probe>(response)),
    ]);
    expect(a?.before).toEqual(a?.after);
    expect(b?.before).toEqual(b?.after);
    expect(a?.after.moduleKey).toBe('probe-a');
    expect(b?.after.moduleKey).toBe('probe-b');
    expect(a?.after.invocationId).not.toBe(b?.after.invocationId);
  });
});
