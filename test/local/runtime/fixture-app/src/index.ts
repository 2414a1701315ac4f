/** A fixture app for the local runtime tests: each handler reports what the platform gave it. */
import api, { asUser, fetch, getAppContext, route, webTrigger, type APIResponse } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';

interface WebTriggerRequest {
  method: string;
  body: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
}

interface WebTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

interface QueueEvent {
  body: { n?: number; retries?: number; from?: string };
  retryContext?: { retryCount: number; retryReason: string };
}

const journalEntries: string[] = [];
const jobs = new Queue({ key: 'jobs' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const param = (request: WebTriggerRequest, name: string) => request.queryParameters[name]?.[0];
const json = (statusCode: number, body: unknown): WebTriggerResponse => ({
  statusCode,
  headers: { 'content-type': ['application/json'] },
  body: JSON.stringify(body),
});

export async function echo(request: WebTriggerRequest, context: unknown): Promise<WebTriggerResponse> {
  const app = getAppContext();
  return json(200, { request, context, moduleKey: app.moduleKey, remainingMs: app.invocationRemainingTimeInMillis() });
}

export async function misbehave(request: WebTriggerRequest): Promise<unknown> {
  switch (param(request, 'mode')) {
    case 'throw':
      throw new Error('boom');
    case 'shape':
      return { status: 200, body: 'not a Forge response' };
    case 'body-object':
      return { statusCode: 200, body: { not: 'a string' } };
    case 'headers-string':
      return { statusCode: 200, headers: { 'x-single': 'not an array' } };
    case 'slow':
      await sleep(Number(param(request, 'ms')));
      return json(200, { late: true });
    default:
      return {
        statusCode: 418,
        headers: { 'x-multi': ['a', 'b'], 'content-type': ['text/plain'] },
        body: 'short and stout',
      };
  }
}

export async function probe(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const before = getAppContext();
  await sleep(Number(param(request, 'ms') ?? 0));
  const after = getAppContext();
  return json(200, {
    before: { moduleKey: before.moduleKey, invocationId: before.invocationId },
    after: { moduleKey: after.moduleKey, invocationId: after.invocationId },
  });
}

export async function platform(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  switch (param(request, 'op')) {
    case 'url':
      return json(200, { url: await webTrigger.getUrl('echo'), all: await webTrigger.queryUrls() });
    case 'kvs': {
      await kvs.set('greeting', { hello: 'world' });
      await kvs.setSecret('token', 'kept-secret');
      return json(200, { value: await kvs.get('greeting'), secret: await kvs.getSecret('token') });
    }
    case 'jira': {
      const read = async (response: APIResponse) => ({ status: response.status, body: await response.json() });
      return json(200, {
        plain: await read(await api.requestJira(route`/rest/api/3/myself`)),
        asApp: await read(await api.asApp().requestJira(route`/rest/api/3/myself`)),
        asUser: await read(await asUser(param(request, 'accountId') ?? '').requestJira(route`/rest/api/3/myself`)),
      });
    }
    case 'egress': {
      const refused = await fetch('https://undeclared.example.com/path?token=do-not-log').then(
        () => undefined,
        (error: Error) => ({ name: error.name, message: error.message }),
      );
      const wave = await fetch('https://gql.waveapps.com/graphql/public', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${param(request, 'token') ?? ''}` },
        body: '{"query":"{ user { id } }"}',
      });
      const globalRefused = await globalThis.fetch('https://undeclared.example.com/').then(
        () => undefined,
        (error: Error) => error.name,
      );
      return json(200, { refused, globalRefused, wave: { status: wave.status, body: await wave.text() } });
    }
    case 'enqueue': {
      const count = Number(param(request, 'count') ?? 1);
      const retries = Number(param(request, 'retries') ?? 0);
      const delayInSeconds = Number(param(request, 'delay') ?? 0);
      const padding = 'x'.repeat(Number(param(request, 'bytes') ?? 0));
      const events = Array.from({ length: count }, (_, n) => ({
        body: { n, retries, ...(padding ? { padding } : {}) },
        ...(delayInSeconds ? { delayInSeconds } : {}),
      }));
      // What @forge/events throws, by class: the platform's answer as the SDK turned it into an error.
      return jobs.push(events).then(
        (pushed) => json(200, pushed),
        (error: Error) => json(200, { error: error.constructor.name, message: error.message }),
      );
    }
    case 'stats':
      return json(200, await jobs.getStats(param(request, 'jobId') ?? ''));
    case 'kvs-quota': {
      await kvs.set('quota-1', 1);
      const second = await kvs.set('quota-2', 2).then(
        () => 'ok',
        (error: Error & { code?: string; responseDetails?: { status: number } }) => ({
          error: error.constructor.name,
          code: error.code,
          status: error.responseDetails?.status,
        }),
      );
      return json(200, { first: 'ok', second });
    }
    default:
      return json(400, { error: 'unknown op' });
  }
}

/**
 * Outlives its time limit, then tries every platform call a function makes, noting how each ended:
 * a killed invocation must not reach the KVS, Jira, the internet or a queue.
 */
export async function linger(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  await sleep(Number(param(request, 'ms') ?? 0));
  const attempt = async (name: string, call: () => Promise<unknown>) => {
    try {
      await call();
      journalEntries.push(`linger:${name}:ok`);
    } catch (error) {
      journalEntries.push(`linger:${name}:${(error as Error).name}`);
    }
  };
  await attempt('kvs', () => kvs.set('lingered', true));
  await attempt('jira', () => api.asApp().requestJira(route`/rest/api/3/myself`));
  await attempt('fetch', () => fetch('https://gql.waveapps.com/graphql/public', { method: 'POST', body: '{}' }));
  await attempt('queue', () => jobs.push({ body: { from: 'linger' } }));
  journalEntries.push('linger:done');
  return json(200, { lingered: true });
}

export async function journal(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const entries = [...journalEntries];
  if (param(request, 'reset')) journalEntries.length = 0;
  return json(200, entries);
}

export async function tick(): Promise<void> {
  const { moduleKey } = getAppContext();
  journalEntries.push(`tick:${moduleKey}`);
  await jobs.push({ body: { from: moduleKey } });
}

export async function consume(event: QueueEvent): Promise<unknown> {
  await sleep(30);
  const attempt = event.retryContext?.retryCount ?? 0;
  journalEntries.push(`consumed:${JSON.stringify(event.body)}:${attempt}`);
  if ((event.body.retries ?? 0) > attempt)
    return new InvocationError({ retryAfter: 10, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  return undefined;
}

export async function issueEvent(event: { eventType: string }): Promise<void> {
  journalEntries.push(`issue-event:${event.eventType}:${getAppContext().moduleKey}`);
}

const definitions = new Resolver();
definitions.define('whoami', ({ payload, context }) => ({
  accountId: context.accountId,
  moduleKey: context.moduleKey,
  extension: context.extension,
  installContext: context.installContext,
  payload,
}));
definitions.define('fail', () => {
  throw new Error('resolver failed');
});
export const resolver = definitions.getDefinitions();
