import type { PathFetch } from './forge-fetch';
import type { QueueAnswer, QueueService } from './queue-service';

export interface StargateOptions {
  webTriggerKeys: readonly string[];
  webTriggerUrl: (key: string) => string;
  queues: QueueService;
}

const QUEUE_ROUTES: Record<string, (queues: QueueService, body: unknown) => QueueAnswer> = {
  '/webhook/queue/publish/': (queues, body) => queues.publish(body),
  '/webhook/queue/stats/': (queues, body) => queues.stats(body),
  '/webhook/queue/cancel/': (queues, body) => queues.cancel(body),
};

/**
 * The platform API the SDKs reach as `{type: 'fpp', remote: 'stargate'}`: the GraphQL calls of
 * `webTrigger.getUrl`/`queryUrls`, and the async-events queue endpoints of `@forge/events`.
 */
export function createStargate(options: StargateOptions): PathFetch {
  return async (path, init) => {
    const body = parseBody(init?.body);
    const queueRoute = Object.entries(QUEUE_ROUTES).find(([prefix]) => path.startsWith(prefix));
    if (queueRoute) return answer(queueRoute[1](options.queues, body));
    if (path === '/graphql') return answer({ status: 200, body: graphql(options, body) });
    throw new Error(`The local Forge runtime does not serve the platform path ${path.split('?')[0]}`);
  };
}

function graphql(options: StargateOptions, body: unknown): unknown {
  const request =
    typeof body === 'object' && body !== null ? (body as { query?: unknown; variables?: Record<string, unknown> }) : {};
  const query = typeof request.query === 'string' ? request.query : '';
  if (query.includes('createWebTriggerUrl')) {
    const input = request.variables?.input as { triggerKey?: unknown } | undefined;
    const key = typeof input?.triggerKey === 'string' ? input.triggerKey : '';
    if (!options.webTriggerKeys.includes(key))
      return {
        data: { createWebTriggerUrl: null },
        errors: [{ message: `no webtrigger module '${key}' in the manifest` }],
      };
    return { data: { createWebTriggerUrl: { url: options.webTriggerUrl(key) } } };
  }
  if (query.includes('webTriggerUrlsByAppContext')) {
    return {
      data: {
        webTriggerUrlsByAppContext: options.webTriggerKeys.map((key) => ({
          triggerKey: key,
          url: options.webTriggerUrl(key),
        })),
      },
    };
  }
  return { errors: [{ message: 'The local Forge runtime does not serve this GraphQL operation' }] };
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function answer({ status, body }: QueueAnswer): Response {
  if (body === undefined || status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
