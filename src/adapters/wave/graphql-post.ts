import type { EgressFetch } from './egress-fetch';

/** A GraphQL error as Wave sends it. */
export interface GraphqlError {
  message?: string;
  extensions?: { code?: string };
}

/** A GraphQL answer that is not plain data: an HTTP error, or `errors` beside (partial) data. */
export class GraphqlResponseError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphqlError[],
    readonly data: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`GraphQL answered HTTP ${status} with ${errors.length} error(s)`);
    this.name = 'GraphqlResponseError';
  }
}

/**
 * POSTs one GraphQL document (queries are plain strings; the tests validate them against Wave's schema, so no
 * GraphQL library ships in the function) and answers its `data`. Throws GraphqlResponseError for an HTTP error or
 * `errors` in the answer, and whatever `fetch` throws (network errors, timeouts) as it is.
 */
export async function postGraphql<T>(
  fetch: EgressFetch,
  endpoint: string,
  request: { query: string; variables: Record<string, unknown>; token: string; signal?: AbortSignal },
): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: `Bearer ${request.token}`,
    },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    // Not JSON (a proxy's error page): judged by the status alone.
  }
  const errors = Array.isArray(body.errors) ? (body.errors as GraphqlError[]) : [];
  if (!response.ok || errors.length > 0) {
    throw new GraphqlResponseError(response.status, errors, body.data, response.headers.get('retry-after'));
  }
  return body.data as T;
}
