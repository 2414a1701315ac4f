/** Picking a Jira transition to a target status from `GET /issue/{id}/transitions`. */

/** The fields of Jira's IssueTransition the choice reads. */
export interface JiraTransition {
  id: string;
  name?: string;
  to?: { id?: string; name?: string };
  isAvailable?: boolean;
  hasScreen?: boolean;
  isConditional?: boolean;
}

export type TransitionBlockReason = 'screen-only' | 'unavailable' | 'no-transition';

export type TransitionChoice = { ok: true; transitionId: string } | { ok: false; reason: TransitionBlockReason };

/** The first (in Jira's order) available, screenless transition to the target; otherwise why there is none. */
export function chooseTransition(transitions: readonly JiraTransition[], targetStatusId: string): TransitionChoice {
  const toTarget = transitions.filter((transition) => transition.to?.id === targetStatusId);
  const available = toTarget.filter((transition) => transition.isAvailable !== false);
  const usable = available.find((transition) => transition.hasScreen !== true);
  if (usable) return { ok: true, transitionId: usable.id };
  if (available.length > 0) return { ok: false, reason: 'screen-only' };
  if (toTarget.length > 0) return { ok: false, reason: 'unavailable' };
  return { ok: false, reason: 'no-transition' };
}

export function describeBlockReason(reason: TransitionBlockReason): string {
  switch (reason) {
    case 'screen-only':
      return 'the only transitions to it need a screen';
    case 'unavailable':
      return 'its transitions are not available for this issue now';
    case 'no-transition':
      return 'the workflow has no transition to it from the current status';
  }
}
