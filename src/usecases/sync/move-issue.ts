import { getIssue } from '../../adapters/jira/issues';
import { fetchTransitions, forgetTransitions, listTransitions, postTransition } from '../../adapters/jira/transitions';
import { JiraBadRequestError } from '../../adapters/jira/jira-errors';
import {
  MAX_TRANSITION_HOPS,
  nextTransitionHop,
  type IssueRef,
  type ProjectTarget,
  type TransitionBlockReason,
} from '../../domain/sync';
import type { SyncContext } from '../sync-context';
import { writeOnceDespiteLostAnswers, type WriteState } from './lost-answer';

export type MoveOutcome = { moved: true } | { moved: false; reason: TransitionBlockReason };

/**
 * Walks the issue from `fromStatusId` to `toStatusId`, one screenless transition at a time (workflows
 * rarely connect every status). Transitions come from the per-status cache; a cached view Jira refuses
 * is dropped and read again.
 */
export async function moveIssue(
  ctx: SyncContext,
  issue: IssueRef,
  project: ProjectTarget,
  fromStatusId: string,
  toStatusId: string,
): Promise<MoveOutcome> {
  let current = fromStatusId;
  const visited = new Set([current]);
  for (let hop = 0; hop < MAX_TRANSITION_HOPS && current !== toStatusId; hop += 1) {
    const position = { projectKey: project.projectKey, issueTypeId: project.issueTypeId, statusId: current };
    const next = await decideHop(ctx, issue, project, position, toStatusId, visited);
    if (next.kind === 'blocked') return { moved: false, reason: next.reason };
    current = next.kind === 'direct' ? toStatusId : next.toStatusId;
    visited.add(current);
  }
  return current === toStatusId ? { moved: true } : { moved: false, reason: 'no-transition' };
}

type Position = { projectKey: string; issueTypeId: string; statusId: string };

/** Picks and takes one hop; with a cached view that proves wrong, retries once with Jira's current one. */
async function decideHop(
  ctx: SyncContext,
  issue: IssueRef,
  project: ProjectTarget,
  position: Position,
  toStatusId: string,
  visited: ReadonlySet<string>,
) {
  for (let attempt = 0; ; attempt += 1) {
    // The first look may come from the cache; a second one asks Jira about the issue itself.
    const { transitions, fromCache } =
      attempt === 0
        ? await listTransitions(ctx.jira, issue.id, position, { now: ctx.budget.now })
        : { transitions: await fetchTransitions(ctx.jira, issue.id), fromCache: false };
    const hop = nextTransitionHop({
      transitions: transitions.map((t) => ({
        id: t.id,
        name: t.name,
        to: { id: t.toStatusId },
        isAvailable: t.isAvailable,
        hasScreen: t.hasScreen,
      })),
      targetStatusId: toStatusId,
      statuses: project.statuses,
      visited,
    });
    const retryable = fromCache;
    if (hop.kind === 'blocked') {
      if (!retryable) return hop;
      await forgetTransitions(position);
      continue;
    }
    try {
      const to = hop.kind === 'direct' ? toStatusId : hop.toStatusId;
      await writeOnceDespiteLostAnswers(
        () => postTransition(ctx.jira, issue.id, hop.transitionId),
        () => statusCheck(ctx, issue, position.statusId, to),
      );
      return hop;
    } catch (error) {
      if (!(error instanceof JiraBadRequestError) || !retryable) throw error;
      await forgetTransitions(position);
    }
  }
}

/** After a transition's answer was lost: did the issue move (applied), is it still where it was (not applied)? */
async function statusCheck(
  ctx: SyncContext,
  issue: IssueRef,
  fromStatusId: string,
  toStatusId: string,
): Promise<WriteState> {
  const statusId = (await getIssue(ctx.jira, issue.id, { fields: ['status'] }))?.fields.status?.id;
  if (statusId === toStatusId) return 'applied';
  return statusId === fromStatusId ? 'not-applied' : 'unknown';
}
