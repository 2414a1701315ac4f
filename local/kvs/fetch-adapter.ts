import { kvsErrors } from './errors';
import type { LocalKvs } from './local-kvs';
import type { KvsResponse } from './response';

/**
 * What `global.__forge_fetch__({type: 'kvs'}, path, init)` answers for `@forge/kvs`: a real
 * `Response`, JSON with the status, or an empty body for 204.
 */
export function createKvsFetch(kvs: LocalKvs): (path: string, init?: { body?: unknown }) => Promise<Response> {
  return async (path, init) => toResponse(handleText(kvs, path, init?.body));
}

/** The SDK always sends `JSON.stringify(request)`; anything else is a malformed request. */
function handleText(kvs: LocalKvs, path: string, text: unknown): KvsResponse {
  let body: unknown;
  try {
    if (text !== undefined && text !== null && typeof text !== 'string') throw new TypeError('not text');
    body = text ? JSON.parse(text) : undefined;
  } catch {
    const error = kvsErrors.badRequest('the body must be JSON text');
    return { status: error.status, body: error.toBody() };
  }
  return kvs.handle(path, body, typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0);
}

function toResponse({ status, body, json }: KvsResponse): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(json ?? JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
