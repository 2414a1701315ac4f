import type { IssueEvents } from '../events/issue-events';
import type { NotificationLog } from '../events/notifications';
import type { WebhookRegistry } from '../events/webhook-registry';
import type { Principal, Site } from '../site';

export interface HandlerContext {
  site: Site;
  principal: Principal;
  /** Path parameters by name, as sent (decoded). */
  params: Record<string, string>;
  /** Query parameters declared by the operation, typed per the spec. */
  query: Record<string, unknown>;
  /** The JSON body, already validated against the operation's schema. */
  body: unknown;
  events: IssueEvents;
  webhooks: WebhookRegistry;
  /** The emails Jira would send (worklog events). */
  notifications: NotificationLog;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

/** Handlers by the spec's operationId. */
export type HandlerTable = Record<string, Handler>;

export const noContent = (): HandlerResult => ({ status: 204 });
export const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

export function stringParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberParam(query: Record<string, unknown>, name: string, fallback: number): number {
  const value = query[name];
  return typeof value === 'number' ? value : fallback;
}

export function listParam(query: Record<string, unknown>, name: string): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

export function param(ctx: HandlerContext, name: string): string {
  return ctx.params[name] ?? '';
}

/**
 * One page of `items` as the request's `startAt` and `maxResults` ask (`defaultMaxResults`, the operation's own, when
 * it does not), as `{startAt, maxResults, total, isLast, values}`.
 */
export function page<T>(
  ctx: HandlerContext,
  items: T[],
  defaultMaxResults: number,
): { startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] } {
  const startAt = numberParam(ctx.query, 'startAt', 0);
  const maxResults = numberParam(ctx.query, 'maxResults', defaultMaxResults);
  const values = items.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: items.length, isLast: startAt + values.length >= items.length, values };
}
