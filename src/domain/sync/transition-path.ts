/**
 * Walking a workflow to a target status one transition at a time. Jira only lists the transitions
 * out of the current status, and real workflows are not complete graphs (Draft → To Invoice →
 * Sent), so when no transition reaches the target directly the walk takes the most promising step.
 */

import { chooseTransition, type JiraTransition, type TransitionBlockReason } from './transitions';
import type { ProjectStatus, StatusCategoryKey } from './types';

export const MAX_TRANSITION_HOPS = 5;

export type TransitionHop =
  | { kind: 'direct'; transitionId: string }
  | { kind: 'via'; transitionId: string; toStatusId: string }
  | { kind: 'blocked'; reason: TransitionBlockReason };

const CATEGORY_RANK: Record<StatusCategoryKey, number> = { new: 0, indeterminate: 1, done: 2 };

export interface HopInput {
  transitions: readonly JiraTransition[];
  targetStatusId: string;
  /** The project's statuses in workflow order. */
  statuses: readonly ProjectStatus[];
  /** Statuses the walk has already been in: never go back to one. */
  visited: ReadonlySet<string>;
}

/**
 * The next hop: the direct transition when there is a usable one; otherwise an intermediate status
 * that does not overshoot the target's category (never through another "done" status: those close
 * the issue), closest to the target by category, then by position in the workflow.
 */
export function nextTransitionHop(input: HopInput): TransitionHop {
  const direct = chooseTransition(input.transitions, input.targetStatusId);
  if (direct.ok) return { kind: 'direct', transitionId: direct.transitionId };

  const byId = new Map(input.statuses.map((status, index) => [status.id, { status, index }]));
  const target = byId.get(input.targetStatusId);
  if (!target) return { kind: 'blocked', reason: direct.reason };
  const targetRank = CATEGORY_RANK[target.status.categoryKey];

  const candidates = input.transitions.flatMap((transition) => {
    const toId = transition.to?.id;
    const to = toId === undefined ? undefined : byId.get(toId);
    if (!toId || !to || input.visited.has(toId)) return [];
    if (transition.isAvailable === false || transition.hasScreen === true) return [];
    const rank = CATEGORY_RANK[to.status.categoryKey];
    if (rank > targetRank || to.status.categoryKey === 'done') return [];
    return [{ transitionId: transition.id, toStatusId: toId, rank, distance: Math.abs(target.index - to.index) }];
  });
  candidates.sort((a, b) => b.rank - a.rank || a.distance - b.distance);
  const best = candidates[0];
  return best
    ? { kind: 'via', transitionId: best.transitionId, toStatusId: best.toStatusId }
    : { kind: 'blocked', reason: direct.reason };
}
