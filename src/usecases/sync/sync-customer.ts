import { findIssuesByWaveId } from '../../adapters/jira/issue-search';
import { resolveProjectKey } from '../../adapters/storage/config';
import { hasCreateIntent, markCreateIntent } from '../../adapters/storage/create-intent';
import { isEventDone, markEventDone } from '../../adapters/storage/event-dedupe';
import { withInvoiceLock } from '../../adapters/storage/invoice-lock';
import { deleteLink, getLink, putLink } from '../../adapters/storage/links';
import { planCustomerRecreate, planCustomerState, type CustomerLink } from '../../domain/sync';
import type { CustomerEvent } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { executePlan, IssueGoneError, type PlanTarget } from './execute-plan';
import { recordIssueOwnership } from './new-issue-bookkeeping';
import { loadProjectTarget } from './project-target';
import type { SyncResult } from './sync-result';

async function findOrphanIssue(ctx: SyncContext, customerId: string): Promise<PlanTarget<CustomerLink>['adopted']> {
  if (!(await hasCreateIntent('customer', customerId))) return undefined;
  const [found] = await findIssuesByWaveId(ctx.jira, customerId, { kind: 'customer', fields: ['status'] });
  return found ? { issue: { id: found.id, key: found.key }, statusId: found.fields.status?.id ?? null } : undefined;
}

/** `customer.created|updated`: upsert the customer's account issue, once, in order. */
export async function syncCustomerEvent(ctx: SyncContext, event: CustomerEvent): Promise<SyncResult> {
  const customerId = event.customer.id;
  if (!ctx.config.features.customerIssues) return { outcome: 'ignored', notes: ['Customer issues are turned off.'] };
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  return withInvoiceLock(customerId, ctx.budget, async () => {
    const link = (await getLink<CustomerLink>('customer', customerId)) ?? null;
    if (await isEventDone(event.id)) return { outcome: 'duplicate', issueKey: link?.issue.key, notes: [] };
    const customer = 'thin' in event.customer ? await ctx.wave().getCustomer(businessId, customerId) : event.customer;
    if (!customer) {
      await markEventDone(event.id, { now: ctx.budget.now });
      return { outcome: 'ignored', notes: [`Wave has no customer ${customerId}; nothing to sync.`] };
    }
    const project = await loadProjectTarget(
      ctx,
      link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
      ctx.config.customerIssueType,
    );
    const input = { customer, project, businessId };
    const target: PlanTarget<CustomerLink> = {
      project,
      save: (next) => putLink('customer', customerId, next),
      beforeCreate: () => markCreateIntent('customer', customerId),
      unconfirmedWorklogKeys: new Set(),
      ...(link ? {} : { adopted: await findOrphanIssue(ctx, customerId) }),
    };
    let executed;
    try {
      executed = await executePlan(ctx, planCustomerState({ ...input, link }), target);
    } catch (error) {
      if (!(error instanceof IssueGoneError) || !link) throw error;
      await deleteLink('customer', customerId);
      executed = await executePlan(ctx, planCustomerRecreate({ ...input, link }), target);
    }
    await recordIssueOwnership({ kind: 'customer', waveId: customerId }, link?.issue.id, executed.issue);
    await markEventDone(event.id, { now: ctx.budget.now });
    return {
      outcome: executed.plan.outcome,
      issueKey: executed.issue?.key ?? link?.issue.key,
      notes: executed.plan.notes,
    };
  });
}
