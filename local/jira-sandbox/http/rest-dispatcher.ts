import type { Request, Response } from 'express';
import type { IssueEvents } from '../events/issue-events';
import { sleep } from '../events/pending-work';
import type { WebhookRegistry } from '../events/webhook-registry';
import type { HandlerResult, HandlerTable } from '../handlers/handler-types';
import type { FaultDecision, FaultInjector } from '../limits/faults';
import type { RateLimited, RateLimiter } from '../limits/rate-limiter';
import type { RequestStats } from '../limits/request-stats';
import type { Site } from '../site';
import type { JiraSpec, SpecOperation } from '../spec/jira-spec';
import { validateRequest } from '../spec/request-validation';
import { checkResponse } from '../spec/response-validation';
import type { SchemaValidator } from '../spec/schema-validator';
import { JiraError } from './errors';

export interface RestDependencies {
  site: Site;
  spec: JiraSpec;
  validator: SchemaValidator;
  handlers: HandlerTable;
  faults: FaultInjector;
  limiter: RateLimiter;
  stats: RequestStats;
  events: IssueEvents;
  webhooks: WebhookRegistry;
  strictResponses: boolean;
  log: (message: string) => void;
  /** Aborted when the sandbox closes (cuts injected latency short). */
  signal: AbortSignal;
}

const UNMATCHED = '(unmatched)';

/**
 * Serves `/rest/...` like Jira Cloud: route by the spec (404/405), authenticate the principal
 * (401), injected faults, burst rate limits (429), request validation (400/415), per-issue
 * write limits (429), the handler, then response validation against the spec.
 */
export function createRestDispatcher(deps: RestDependencies) {
  return async (req: Request, res: Response): Promise<void> => {
    const match = deps.spec.match(req.method, req.path);
    if (match.kind === 'no-path') {
      return send(deps, res, req.method, UNMATCHED, {
        status: 404,
        body: { errorMessages: [`null for uri: ${deps.site.url(req.url)}`], errors: {} },
      });
    }
    if (match.kind === 'no-method') {
      return send(deps, res, req.method, UNMATCHED, {
        status: 405,
        headers: { allow: match.allowed.join(', ') },
        body: { errorMessages: ['Method Not Allowed'], errors: {} },
      });
    }
    const { operation, pathParams } = match;
    const respond = (result: HandlerResult) => send(deps, res, req.method, operation.pathTemplate, result, operation);
    try {
      const principal = deps.site.principal(req.header('x-forge-principal'));
      if (!principal)
        throw new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
      if (deps.faults.faults.latencyMs > 0) await sleep(deps.faults.faults.latencyMs, deps.signal);
      const fault = deps.faults.decide();
      if (fault) return respond(faultResponse(fault, deps.site.now()));
      if (deps.faults.rateLimitsEnabled) {
        const limited = deps.limiter.burst(req.method, operation.pathTemplate);
        if (limited) return respond(rateLimitResponse(limited));
      }
      const url = new URL(req.originalUrl, 'http://sandbox.invalid');
      const validated = validateRequest(deps.validator, operation, {
        pathParams,
        searchParams: url.searchParams,
        rawBody: typeof req.body === 'string' ? req.body : '',
        contentType: req.header('content-type'),
      });
      if (deps.faults.rateLimitsEnabled && req.method !== 'GET') {
        const limited = issueWriteLimit(deps, operation, pathParams, validated.body);
        if (limited) return respond(rateLimitResponse(limited));
      }
      const handler = deps.handlers[operation.operationId];
      if (!handler) {
        throw new JiraError(501, [
          `The local Jira sandbox does not implement ${operation.operationId} (${req.method} ${operation.pathTemplate}).`,
        ]);
      }
      return respond(
        handler({
          site: deps.site,
          principal,
          params: pathParams,
          query: validated.query,
          body: validated.body,
          events: deps.events,
          webhooks: deps.webhooks,
        }),
      );
    } catch (error) {
      if (error instanceof JiraError)
        return respond({ status: error.status, body: error.toBody(), headers: error.headers });
      deps.log(`Jira sandbox bug in ${operation.operationId}: ${(error as Error).stack ?? String(error)}`);
      return respond({
        status: 500,
        body: {
          errorMessages: [`Jira sandbox internal error in ${operation.operationId}: ${(error as Error).message}`],
          errors: {},
        },
      });
    }
  };
}

function issueWriteLimit(
  deps: RestDependencies,
  operation: SpecOperation,
  pathParams: Record<string, string>,
  body: unknown,
): RateLimited | undefined {
  const issueRefs: string[] = [];
  if (pathParams.issueIdOrKey) issueRefs.push(pathParams.issueIdOrKey);
  if (
    operation.operationId === 'updateMultipleCustomFieldValues' ||
    operation.operationId === 'updateCustomFieldValue'
  ) {
    for (const update of (body as { updates?: { issueIds?: number[] }[] } | undefined)?.updates ?? [])
      issueRefs.push(...(update.issueIds ?? []).map(String));
  }
  const issueIds = new Set(
    issueRefs.map((ref) => deps.site.state.findIssue(ref)?.id).filter((id): id is string => id !== undefined),
  );
  for (const issueId of issueIds) {
    const limited = deps.limiter.issueWrite(issueId);
    if (limited) return limited;
  }
  return undefined;
}

function rateLimitResponse(limited: RateLimited): HandlerResult {
  return {
    status: 429,
    headers: {
      'retry-after': String(limited.retryAfterSeconds),
      'ratelimit-reason': limited.reason,
      'x-ratelimit-limit': String(limited.limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(limited.resetAt).toISOString(),
    },
    body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
  };
}

function faultResponse(fault: FaultDecision, now: number): HandlerResult {
  switch (fault.kind) {
    case 'outage':
      return {
        status: 503,
        headers: { 'retry-after': String(Math.max(1, fault.retryAfterSeconds)) },
        body: { errorMessages: ['Service Unavailable'], errors: {} },
      };
    case 'storm':
      return rateLimitResponse({
        reason: 'jira-burst-based',
        retryAfterSeconds: fault.retryAfterSeconds,
        limit: 0,
        resetAt: Math.max(now, fault.resetAt),
      });
    case 'error':
      return {
        status: fault.status,
        body: {
          errorMessages: [
            fault.status === 500
              ? 'Internal server error'
              : 'The service is temporarily unavailable. Please try again.',
          ],
          errors: {},
        },
      };
  }
}

function send(
  deps: RestDependencies,
  res: Response,
  method: string,
  pathTemplate: string,
  result: HandlerResult,
  operation?: SpecOperation,
): void {
  let { status, body } = result;
  if (operation) {
    const problems = checkResponse(deps.validator, operation, status, body);
    if (problems.length > 0) {
      deps.stats.recordValidationFailure();
      const message = `Jira sandbox bug: the ${status} response of ${operation.operationId} does not match the spec: ${problems.join('; ')}`;
      deps.log(message);
      if (deps.strictResponses) {
        status = 500;
        body = { errorMessages: [message], errors: {} };
      }
    }
  }
  deps.stats.record(method, pathTemplate, status);
  res.status(status);
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  if (body === undefined) res.end();
  else res.json(body);
}
