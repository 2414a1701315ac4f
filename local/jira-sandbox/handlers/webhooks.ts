import { JiraError, jiraErrors } from '../http/errors';
import type { WebhookDetails } from '../events/webhook-registry';
import { ok, page, type HandlerContext, type HandlerTable } from './handler-types';

/**
 * Dynamic webhooks are for Connect and OAuth 2.0 apps (the spec); users and, unless the site's
 * `dynamicWebhooks` setting allows it, the Forge app get Jira's 403.
 */
function requireApp(ctx: HandlerContext): void {
  if (ctx.principal.kind !== 'app' || !ctx.site.settings.current.dynamicWebhooks)
    throw jiraErrors.forbidden('Only Connect and OAuth 2.0 apps can use this operation.');
}

function webhookIds(ctx: HandlerContext): number[] {
  const ids = (ctx.body as { webhookIds: number[] }).webhookIds;
  if (ids.length === 0) throw new JiraError(400, ['webhookIds must not be empty.']);
  return ids;
}

export const webhookHandlers: HandlerTable = {
  registerDynamicWebhooks: (ctx) => {
    requireApp(ctx);
    const body = ctx.body as { url: string; webhooks: WebhookDetails[] };
    return ok({ webhookRegistrationResult: ctx.webhooks.register(body.url, body.webhooks, ctx.principal) });
  },

  getDynamicWebhooksForApp: (ctx) => {
    requireApp(ctx);
    const values = ctx.webhooks.live().map((webhook) => ({
      id: webhook.id,
      jqlFilter: webhook.jqlFilter,
      ...(webhook.fieldIdsFilter ? { fieldIdsFilter: webhook.fieldIdsFilter } : {}),
      ...(webhook.issuePropertyKeysFilter ? { issuePropertyKeysFilter: webhook.issuePropertyKeysFilter } : {}),
      events: webhook.events,
      expirationDate: webhook.expiresAt,
      url: webhook.url,
    }));
    return ok(page(ctx, values, 100));
  },

  deleteWebhookById: (ctx) => {
    requireApp(ctx);
    ctx.webhooks.delete(webhookIds(ctx));
    return { status: 202 };
  },

  refreshWebhooks: (ctx) => {
    requireApp(ctx);
    return ok({ expirationDate: ctx.webhooks.refresh(webhookIds(ctx)) });
  },
};
