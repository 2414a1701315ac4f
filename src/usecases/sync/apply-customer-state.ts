import { findIssuesByWaveId } from '../../adapters/jira/issue-search';
import { resolveProjectKey } from '../../adapters/storage/config';
import { hasCreateIntent, markCreateIntent } from '../../adapters/storage/create-intent';
import { deleteLink, getLink, putLink } from '../../adapters/storage/links';
import { planCustomerRecreate, planCustomerState, type CustomerLink, type CustomerPlan } from '../../domain/sync';
import type { WaveCustomer } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { executePlan, IssueGoneError, type PlanTarget } from './execute-plan';
import { recordIssueOwnership } from './new-issue-bookkeeping';
import { loadProjectTarget } from './project-target';

export interface AppliedCustomer {
  plan: CustomerPlan;
  /** The customer's link after the plan ran (undefined when it has no issue). */
  link: CustomerLink | undefined;
}

async function findOrphanIssue(ctx: SyncContext, customerId: string): Promise<PlanTarget<CustomerLink>['adopted']> {
  if (!(await hasCreateIntent('customer', customerId))) return undefined;
  const [found] = await findIssuesByWaveId(ctx.jira, customerId, { kind: 'customer', fields: ['status'] });
  return found ? { issue: { id: found.id, key: found.key }, statusId: found.fields.status?.id ?? null } : undefined;
}

/**
 * Brings the customer's account issue to this state of the customer (created if it has none, updated if the
 * state is newer). The caller holds the customer's lock.
 */
export async function applyCustomerState(
  ctx: SyncContext,
  customer: WaveCustomer,
  businessId: string,
): Promise<AppliedCustomer> {
  const customerId = customer.id;
  const link = (await getLink<CustomerLink>('customer', customerId)) ?? null;
  const project = await loadProjectTarget(
    ctx,
    link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
    ctx.config.customerIssueType,
  );
  const input = { customer, project, businessId };
  let saved = link ?? undefined;
  const target: PlanTarget<CustomerLink> = {
    project,
    save: async (next) => {
      await putLink('customer', customerId, next);
      saved = next;
    },
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
    saved = undefined;
    executed = await executePlan(ctx, planCustomerRecreate({ ...input, link }), target);
  }
  await recordIssueOwnership({ kind: 'customer', waveId: customerId }, link?.issue.id, executed.issue);
  return { plan: executed.plan, link: saved };
}
