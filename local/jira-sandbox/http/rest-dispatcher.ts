import type { Request, Response } from 'express';
import { authenticate } from '../auth/authenticate';
import type { IssueEvents } from '../events/issue-events';
import type { NotificationLog } from '../events/notifications';
import { sleep } from '../events/pending-work';
import type { WebhookRegistry } from '../events/webhook-registry';
import type { HandlerResult, HandlerTable } from '../handlers/handler-types';
import type { FaultInjector } from '../limits/faults';
import { pointsFor } from '../limits/points-cost';
import type { PointsQuota } from '../limits/points-quota';
import type { RateLimited, RateLimiter } from '../limits/rate-limiter';
import type { RequestStats } from '../limits/request-stats';
import type { Site } from '../site';
import type { JiraSpec, SpecOperation } from '../spec/jira-spec';
import { validateRequest } from '../spec/request-validation';
import { checkResponse } from '../spec/response-validation';
import type { SchemaValidator } from '../spec/schema-validator';
import { JiraError, jiraErrors } from './errors';
import { faultResponse, lostAnswerResponse, rateLimitResponse } from './limit-responses';

export interface RestDependencies {
  site: Site;
  spec: JiraSpec;
  validator: SchemaValidator;
  handlers: HandlerTable;
  faults: FaultInjector;
  limiter: RateLimiter;
  quota: PointsQuota;
  stats: RequestStats;
  events: IssueEvents;
  webhooks: WebhookRegistry;
  notifications: NotificationLog;
  strictResponses: boolean;
  log: (message: string) => void;
  /** Aborted when the sandbox closes (cuts injected latency short). */
  signal: AbortSignal;
}

const UNMATCHED = '(unmatched)';

/** Jira's answer to credentials it does not accept (Seraph's login filter: plain text, before routing). */
const CREDENTIALS_REFUSED = 'Client must be authenticated to access this resource.';

/**
 * Serves `/rest/...` like Jira Cloud: refuse bad credentials (401), route by the spec (404/405),
 * require a caller (401), injected faults, burst rate limits (429), the app's hourly points quota
 * (429), request validation (400/415), per-issue write limits (429), the handler, then response
 * validation against the spec; what the request cost is charged to the quota last.
 */
export function createRestDispatcher(deps: RestDependencies) {
  return async (req: Request, res: Response): Promise<void> => {
    const authentication = authenticate(deps.site, {
      authorization: req.header('authorization'),
      forgePrincipal: req.header('x-forge-principal'),
    });
    if (authentication && 'refused' in authentication) return refuseCredentials(deps, req, res);
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
    let charged = false;
    const respond = (result: HandlerResult) => {
      const answered = charged ? chargeQuota(deps, req.method, operation, result) : result;
      send(deps, res, req.method, operation.pathTemplate, answered, operation);
    };
    try {
      const principal = authentication?.principal;
      if (!principal) throw jiraErrors.unauthorized();
      if (deps.faults.faults.latencyMs > 0) await sleep(deps.faults.faults.latencyMs, deps.signal);
      const fault = deps.faults.decide();
      if (fault) return respond(faultResponse(fault, deps.site.now()));
      if (deps.faults.rateLimitsEnabled) {
        const limited = deps.limiter.burst(req.method, operation.pathTemplate);
        if (limited) return respond(rateLimitResponse(limited));
      }
      // The points quota is the app's: API-token traffic is not charged (Jira: "API token-based traffic is not affected").
      if (principal.via === 'forge') {
        const limited = deps.quota.check();
        if (limited) return respond(rateLimitResponse(limited, deps.quota.headers()));
        charged = true;
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
      const result = handler({
        site: deps.site,
        principal,
        params: pathParams,
        query: validated.query,
        body: validated.body,
        events: deps.events,
        webhooks: deps.webhooks,
        notifications: deps.notifications,
      });
      const applied = req.method !== 'GET' && result.status < 300;
      return respond(applied && deps.faults.losesAnswer() ? lostAnswerResponse() : result);
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

/** Charges what the answered request cost and adds the quota headers Jira sends with every answer. */
function chargeQuota(
  deps: RestDependencies,
  method: string,
  operation: SpecOperation,
  result: HandlerResult,
): HandlerResult {
  const { costs } = deps.site.settings.current.pointsQuota;
  // A request refused by another limit did no work.
  if (result.status !== 429)
    deps.quota.charge(
      operation.operationId,
      pointsFor(operation.operationId, method, result.status, result.body, costs),
    );
  return { ...result, headers: { ...deps.quota.headers(), ...result.headers } };
}

function refuseCredentials(deps: RestDependencies, req: Request, res: Response): void {
  const match = deps.spec.match(req.method, req.path);
  deps.stats.record(req.method, match.kind === 'operation' ? match.operation.pathTemplate : UNMATCHED, 401);
  res
    .status(401)
    .set({
      'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
      'www-authenticate': `OAuth realm="${encodeURIComponent(deps.site.url(''))}"`,
    })
    .type('text/plain')
    .send(CREDENTIALS_REFUSED);
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
