import { resolveProjectKey } from '../../adapters/storage/config';
import { planCustomerRecreate, planCustomerState, type CustomerLink } from '../../domain/sync';
import type { WaveCustomer } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { loadProjectTarget } from './project-target';
import type { RecordKind } from './sync-record';
import type { SyncResult } from './sync-result';

/** The customer's state to apply, or how the delivery ends without one. */
export type CustomerSource = () => Promise<WaveCustomer | { finished: SyncResult }>;

/** Customers as the record pipeline syncs them: one account issue per customer. */
export function customerRecord(
  ctx: SyncContext,
  businessId: string,
  source: CustomerSource,
): RecordKind<CustomerLink, WaveCustomer> {
  return {
    kind: 'customer',
    read: () => source(),
    project: (link) =>
      loadProjectTarget(
        ctx,
        link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
        ctx.config.customerIssueType,
      ),
    plan: (customer, link, project) => planCustomerState({ customer, link, project, businessId }),
    recreate: (customer, link, project) => planCustomerRecreate({ customer, link, project, businessId }),
    result: (executed, _customer, link) => ({
      outcome: executed.plan.outcome,
      issueKey: executed.issue?.key ?? link?.issue.key,
      notes: executed.plan.notes,
    }),
  };
}
