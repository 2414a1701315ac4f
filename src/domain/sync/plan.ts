/** Plans that change nothing, and the plan rewrite when a planned transition turns out impossible. */

import { adfSentence } from './adf';
import { describeBlockReason, type TransitionBlockReason } from './transitions';
import type { AddCommentStep, Draft, InvoiceLink, InvoicePlan, IssueRef, SyncOutcome, SyncPlan } from './types';

/** Nothing to do and nothing to save. */
export function emptyPlan<TDraft>(issue: IssueRef | null, outcome: SyncOutcome, notes: string[]): SyncPlan<TDraft> {
  return { outcome, notes, issue, steps: [], next: null, writeAhead: null };
}

/** No change from this event, but worklogs an earlier plan wrote ahead are re-emitted and then confirmed. */
export function unchangedInvoicePlan(link: InvoiceLink | null, outcome: SyncOutcome, notes: string[]): InvoicePlan {
  if (link === null || link.ledger.pending.length === 0) return emptyPlan(link?.issue ?? null, outcome, notes);
  const { issue, ...draft } = link;
  return {
    outcome,
    notes,
    issue,
    steps: [...link.ledger.pending],
    next: { ...draft, ledger: { ...draft.ledger, pending: [] } },
    writeAhead: null,
  };
}

/**
 * When the workflow walk finds no way to the target: the issue stays where it was, a comment says why
 * (inserted right after the transition step) and the activity log gets a note. Continue with the step after it.
 */
export function onTransitionBlocked(plan: InvoicePlan, reason: TransitionBlockReason): InvoicePlan {
  const index = plan.steps.findIndex((step) => step.kind === 'transition');
  const step = plan.steps[index];
  if (step === undefined || step.kind !== 'transition') return plan;
  const sentence =
    `Wave status is now ${step.waveStatus}, but the app could not move this issue to "${step.toStatusName}": ` +
    `${describeBlockReason(reason)}. Please move it by hand.`;
  const comment: AddCommentStep = {
    kind: 'add-comment',
    key: `wave-transition-blocked:${step.toStatusId}:${plan.next?.modifiedAt ?? ''}`,
    body: adfSentence(sentence),
  };
  const stayPut = <TDraft extends Draft<InvoiceLink>>(draft: TDraft | null): TDraft | null =>
    draft === null ? null : { ...draft, jiraStatusId: step.fromStatusId };
  return {
    ...plan,
    notes: [...plan.notes, sentence],
    steps: [...plan.steps.slice(0, index + 1), comment, ...plan.steps.slice(index + 1)],
    next: stayPut(plan.next),
    writeAhead: stayPut(plan.writeAhead),
  };
}
