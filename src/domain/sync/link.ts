/** Small helpers around the stored links. */

import { compareInstants } from './instant';
import type { Draft, IssueRef } from './types';

/** The link to save once the plan's issue is known (`plan.issue`, or the one the create step returned). */
export function withIssue<TLink extends { issue: IssueRef }>(draft: Draft<TLink>, issue: IssueRef): TLink {
  return { ...draft, issue } as TLink;
}

/** `same`: the state already applied (equal `modifiedAt`, and for invoices equally far along). */
export type StateOrder = 'newer' | 'same' | 'stale' | 'unreadable';

/** A Wave state applies only when strictly newer than the last applied one (`null`: nothing applied yet). */
export function stateOrder(lastAppliedModifiedAt: string | null, modifiedAt: string): StateOrder {
  if (lastAppliedModifiedAt === null) return compareInstants(modifiedAt, modifiedAt) === null ? 'unreadable' : 'newer';
  const order = compareInstants(modifiedAt, lastAppliedModifiedAt);
  if (order === null) return 'unreadable';
  return order > 0 ? 'newer' : order === 0 ? 'same' : 'stale';
}
