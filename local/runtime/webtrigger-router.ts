import express, { type NextFunction, type Request, type Response as ExpressResponse } from 'express';
import type { InvocationOutcome, InvokeRequest } from './invoker';
import { PAYLOAD_LIMIT_BYTES } from './limits';
import type { WebTriggerModule } from './manifest';

/** Forge's web trigger request (`response: {type: dynamic}`). */
export interface ForgeWebTriggerRequest {
  method: string;
  body: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  context: { cloudId: string; moduleKey: string };
}

export interface ForgeWebTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

/** Set on the 500 the runtime answers when the function failed: `error`, `timeout`, `invalid-response`, `invalid-headers`. */
export const LOCAL_FAILURE_HEADER = 'x-local-forge-failure';

export interface WebTriggerRouterOptions {
  webTriggers: readonly WebTriggerModule[];
  warn: (message: string) => void;
  cloudId: string;
  invoke: (request: InvokeRequest) => Promise<InvocationOutcome>;
  invocationContext: () => Record<string, unknown>;
}

/** `ALL /webtrigger/<key>[/...]`: each request is one invocation of the trigger's function. */
export function createWebTriggerRouter(options: WebTriggerRouterOptions): express.Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: PAYLOAD_LIMIT_BYTES }));
  const handle = async (req: Request, res: ExpressResponse) => {
    const key = String(req.params.key);
    const module = options.webTriggers.find((trigger) => trigger.key === key);
    if (!module) {
      res.status(404).json({ error: `no webtrigger module '${key}'` });
      return;
    }
    const request = toForgeRequest(req, { cloudId: options.cloudId, moduleKey: key });
    const outcome = await options.invoke({
      functionKey: module.function,
      moduleKey: key,
      kind: 'webtrigger',
      args: [request, options.invocationContext()],
    });
    const answer = forgeResponseOf(outcome);
    if ('response' in answer && send(res, answer.response)) return;
    const failure = 'failure' in answer ? answer.failure : 'invalid-headers';
    if (failure === 'invalid-response')
      options.warn(
        `web trigger ${key}: the function's answer is not {statusCode, headers?: {name: string[]}, body?: string}`,
      );
    // The header tells the runtime's own 500 from one the app chose.
    res.status(500).set(LOCAL_FAILURE_HEADER, failure).type('text/plain').send('Internal Server Error');
  };
  router.all('/:key', handle);
  router.all('/:key/*rest', handle);
  router.use((error: { type?: string; status?: number }, _req: Request, res: ExpressResponse, next: NextFunction) => {
    if (error.type === 'entity.too.large')
      res.status(413).json({ error: `payload larger than ${PAYLOAD_LIMIT_BYTES} bytes` });
    else if (typeof error.status === 'number' && error.status < 500)
      res.status(error.status).json({ error: 'bad request' });
    else next(error);
  });
  return router;
}

function toForgeRequest(req: Request, context: ForgeWebTriggerRequest['context']): ForgeWebTriggerRequest {
  const url = new URL(req.originalUrl, 'http://local');
  const headers: Record<string, string[]> = {};
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    const name = (req.rawHeaders[index] as string).toLowerCase();
    (headers[name] ??= []).push(req.rawHeaders[index + 1] as string);
  }
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
  return {
    method: req.method,
    body: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
    path: url.pathname,
    headers,
    queryParameters,
    context,
  };
}

function forgeResponseOf(outcome: InvocationOutcome): { response: ForgeWebTriggerResponse } | { failure: string } {
  if (outcome.status !== 'ok') return { failure: outcome.status };
  return isForgeResponse(outcome.value) ? { response: outcome.value } : { failure: 'invalid-response' };
}

function isForgeResponse(value: unknown): value is ForgeWebTriggerResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { statusCode, headers, body } = value as Record<string, unknown>;
  if (!Number.isInteger(statusCode) || (statusCode as number) < 100 || (statusCode as number) > 599) return false;
  if (body !== undefined && typeof body !== 'string') return false;
  if (headers === undefined) return true;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return false;
  return Object.values(headers).every(
    (values) => Array.isArray(values) && values.every((item) => typeof item === 'string'),
  );
}

/** False when Node refuses the app's headers (an invalid name or value): Forge answers 500 then too. */
function send(res: ExpressResponse, response: ForgeWebTriggerResponse): boolean {
  try {
    res.writeHead(response.statusCode, response.headers ?? {});
  } catch {
    return false;
  }
  res.end(response.body ?? '');
  return true;
}
