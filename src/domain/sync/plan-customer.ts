/**
 * `customer.created|updated` → upsert the customer's account issue. Links between invoices and customers are
 * made from the invoice side only (the invoice plan links to a known customer issue, on the invoice's next
 * event), so a customer plan never has to find invoice issues.
 */

import type { WaveCustomer } from '../wave-webhook/types';
import { contentChanged, contentSteps } from './content-diff';
import { customerContent } from './customer-content';
import { stateOrder } from './link';
import { emptyPlan } from './plan';
import type { CustomerLink, CustomerPlan, ProjectTarget } from './types';

export interface CustomerStateInput {
  /** Complete (a thin event is fetched from Wave first). */
  customer: WaveCustomer;
  link: CustomerLink | null;
  project: ProjectTarget;
  businessId: string;
}

export function planCustomerState(input: CustomerStateInput): CustomerPlan {
  const { customer, link, project } = input;
  const order = stateOrder(link?.modifiedAt ?? null, customer.modifiedAt);
  const issue = link?.issue ?? null;
  if (order === 'unreadable')
    return emptyPlan(issue, 'ignored', [`Customer ${customer.name}: unreadable modifiedAt "${customer.modifiedAt}".`]);
  if (order === 'stale') return emptyPlan(issue, 'stale', []);

  const businessId = link?.businessId ?? input.businessId;
  const content = customerContent(customer, businessId);
  // The same state of the customer can still owe a different amount (its invoices changed): its figures follow.
  if (order === 'same' && !contentChanged(content, link?.fingerprints ?? null))
    return emptyPlan(issue, 'unchanged', []);
  const planned = contentSteps(content, link?.fingerprints ?? null, project);
  return {
    outcome: 'processed',
    notes: [],
    issue,
    steps: planned.steps,
    next: {
      v: 1,
      kind: 'customer',
      waveId: customer.id,
      businessId,
      projectKey: link?.projectKey ?? project.projectKey,
      modifiedAt: customer.modifiedAt,
      fingerprints: planned.fingerprints,
    },
    writeAhead: null,
  };
}

/** The link's issue is gone (404 on update): plan the customer as a new issue. */
export function planCustomerRecreate(input: CustomerStateInput & { link: CustomerLink }): CustomerPlan {
  const plan = planCustomerState({ ...input, link: null });
  return {
    ...plan,
    notes: [`Jira issue ${input.link.issue.key} no longer exists; it is created again.`, ...plan.notes],
  };
}
