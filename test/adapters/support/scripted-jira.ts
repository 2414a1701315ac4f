import type { ProductFetch } from './forge-harness';
import { checkJiraRequest } from './jira-spec-check';

export interface JiraAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedJiraRequest {
  method: string;
  path: string;
  body: unknown;
  principal: string;
  operationId: string;
}

/**
 * Jira as the app's boundary sees it: each request is checked against the OpenAPI spec and
 * recorded, and answered from a queue the test fills (statuses, bodies, rate-limit headers).
 */
export class ScriptedJira {
  readonly requests: RecordedJiraRequest[] = [];
  readonly answers: JiraAnswer[] = [];
  /** Network failure instead of an answer, for the next N requests. */
  failNext = 0;

  readonly fetch: ProductFetch = async (target, requestPath, init) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const operationId = checkJiraRequest(method, requestPath, body);
    const principal = target.provider === 'user' ? `user:${target.accountId ?? ''}` : 'app';
    this.requests.push({ method, path: requestPath, body, principal, operationId });
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new TypeError('fetch failed');
    }
    const answer = this.answers.shift();
    if (!answer) throw new Error(`no answer queued for ${method} ${requestPath}`);
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: { ...(text ? { 'content-type': 'application/json' } : {}), ...answer.headers },
    });
  };

  answer(...answers: JiraAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }
}
