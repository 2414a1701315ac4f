import { asApp, asUser, type APIResponse, type RequestInit, type Route } from '@forge/api';
import { ConflictError, UpstreamError } from '../../shared/errors';
import { parseRetryAfterMs, withRetries, type AttemptResult, type RetryPolicy } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import {
  JiraBadRequestError,
  JiraNotFoundError,
  JiraNotImplementedError,
  JiraPermissionError,
  parseJiraErrorBody,
} from './jira-errors';
import { rateLimitRetry } from './jira-rate-limit';

export type RequestJira = (path: Route, init?: RequestInit) => Promise<APIResponse>;

/** Time kept to answer the caller after a request that had to be cut short. */
const ANSWER_RESERVE_MS = 1_000;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequestOptions {
  body?: unknown;
  /** A POST whose repetition has no second effect (search, field values): retried after 5xx. */
  idempotent?: boolean;
}

export interface JiraClientOptions {
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorFor(status: number, body: unknown): Error {
  const details = parseJiraErrorBody(body);
  if (status === 404) return new JiraNotFoundError(details);
  if (status === 401 || status === 403) return new JiraPermissionError(details, status);
  if (status === 400 || status === 413 || status === 422) return new JiraBadRequestError(details, status);
  if (status === 409) return new ConflictError('Jira reported a conflicting change; try again');
  if (status === 501) return new JiraNotImplementedError(details);
  return new UpstreamError(`Jira answered with HTTP ${status}`);
}

/**
 * JSON requests to Jira through `@forge/api`, as the app or as a user. Rate limits (429) are
 * always retried as the headers ask; 5xx (but 501, which is not transient) and network failures
 * only where repeating the request cannot apply it twice. All waiting stays inside the invocation's TimeBudget.
 */
export class JiraClient {
  private requests = 0;

  constructor(
    private readonly requestJira: RequestJira,
    private readonly budget: TimeBudget,
    private readonly options: JiraClientOptions = {},
  ) {}

  static asApp(budget: TimeBudget, options?: JiraClientOptions): JiraClient {
    return new JiraClient((path, init) => asApp().requestJira(path, init), budget, options);
  }

  /** Requests with the user's permissions, e.g. to check what they may administer. */
  static asUser(accountId: string, budget: TimeBudget, options?: JiraClientOptions): JiraClient {
    return new JiraClient((path, init) => asUser(accountId).requestJira(path, init), budget, options);
  }

  /** Requests sent by this client, retries included (for diagnostics). */
  get requestCount(): number {
    return this.requests;
  }

  async request<T>(method: HttpMethod, path: Route, options: JiraRequestOptions = {}): Promise<T> {
    const repeatable = method !== 'POST' || options.idempotent === true;
    const init: RequestInit = {
      method,
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    };
    return withRetries(() => this.attempt<T>(path, init, repeatable), {
      budget: this.budget,
      service: 'Jira',
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
  }

  private async attempt<T>(path: Route, init: RequestInit, repeatable: boolean): Promise<AttemptResult<T>> {
    this.requests += 1;
    // A request may take no longer than the invocation has left: a slow Jira is answered with 503 in time,
    // before Forge kills the invocation (the web trigger would then answer Wave with a bare error).
    const allowedMs = this.budget.remainingMs() - ANSWER_RESERVE_MS;
    if (allowedMs <= 0) return { retry: { reason: 'no time left for another request', giveUp: true } };
    let response: APIResponse;
    try {
      response = await this.requestJira(path, { ...init, signal: AbortSignal.timeout(allowedMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = timedOut ? 'no answer in time' : 'network error';
      return { retry: { reason, giveUp: timedOut || !repeatable, outcomeUnknown: !repeatable } };
    }
    if (response.ok) return { done: (await readBody(response)) as T };
    if (response.status === 429) {
      await response.text();
      return { retry: rateLimitRetry(response.headers, this.budget.now()) };
    }
    const body = await readBody(response);
    // 501 Not Implemented will not change on a retry.
    if (response.status >= 500 && response.status !== 501) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), this.budget.now());
      return {
        retry: {
          reason: `HTTP ${response.status}`,
          giveUp: !repeatable,
          outcomeUnknown: !repeatable,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        },
      };
    }
    throw errorFor(response.status, body);
  }
}
