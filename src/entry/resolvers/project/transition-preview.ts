import {
  describeBlockReason,
  MAX_TRANSITION_HOPS,
  nextTransitionHop,
  predecessorsOf,
  resolveTargetStatus,
  type JiraTransition,
  type ProjectStatus,
  type StatusMapping,
  type TransitionBlockReason,
} from '../../../domain/sync';
import { DELETABLE_STATUSES, DELETED_STATUS } from '../../../domain/sync/status-mapping';
import type { MappingRowView, TransitionWarningView } from '../api';
import type { WorkflowTransition } from '../../../adapters/jira/workflows';
import { ownValue } from '../../../shared/own';

export interface PreviewInput {
  waveStatuses: readonly string[];
  mapping: StatusMapping;
  statuses: readonly ProjectStatus[];
  initialStatusId: string;
  /** Undefined when Jira would not show the workflow: no transition preview then. */
  transitions?: readonly WorkflowTransition[];
}

export interface Preview {
  rows: MappingRowView[];
  warnings: TransitionWarningView[];
}

/** What `GET /issue/{id}/transitions` would offer the app for an issue in `statusId`, per the workflow definition (screens and conditions included). */
function transitionsFrom(transitions: readonly WorkflowTransition[], statusId: string): JiraTransition[] {
  return transitions
    .filter((transition) => transition.from.length === 0 || transition.from.includes(statusId))
    .map((transition) => ({
      id: transition.id,
      name: transition.name,
      to: { id: transition.to },
      hasScreen: transition.hasScreen,
      isAvailable: transition.isAvailable ?? true,
    }));
}

type Walk = { ok: true; path: string[] } | { ok: false; reason: TransitionBlockReason };

/** The walk the sync makes from one status to another (`nextTransitionHop`, as `moveIssue` does), on the workflow definition. */
export function walkWorkflow(
  transitions: readonly WorkflowTransition[],
  statuses: readonly ProjectStatus[],
  fromId: string,
  toId: string,
): Walk {
  const path: string[] = [];
  const visited = new Set([fromId]);
  let current = fromId;
  for (let hop = 0; hop < MAX_TRANSITION_HOPS && current !== toId; hop += 1) {
    const next = nextTransitionHop({
      transitions: transitionsFrom(transitions, current),
      targetStatusId: toId,
      statuses,
      visited,
    });
    if (next.kind === 'blocked') return { ok: false, reason: next.reason };
    path.push(transitions.find((transition) => transition.id === next.transitionId)?.name ?? next.transitionId);
    current = next.kind === 'direct' ? toId : next.toStatusId;
    visited.add(current);
  }
  return current === toId ? { ok: true, path } : { ok: false, reason: 'no-transition' };
}

/**
 * For each Wave status: the Jira status it leads to (mapped or default) and the transitions a new
 * issue takes to get there; plus a warning for every move the sync would have to make (from the
 * status of an earlier Wave state) that no walk of screenless transitions makes.
 */
export function previewMapping(input: PreviewInput): Preview {
  const byId = new Map(input.statuses.map((status) => [status.id, status]));
  const target = (waveStatus: string, currentStatusId?: string) =>
    resolveTargetStatus({
      waveStatus,
      mapping: input.mapping,
      projectStatuses: input.statuses,
      initialStatusId: input.initialStatusId,
      currentStatusId: currentStatusId ?? null,
    });
  const warnings: TransitionWarningView[] = [];
  const warned = new Set<string>();
  const check = (fromId: string, toId: string, waveStatus: string): MappingRowView['fromInitial'] => {
    if (!input.transitions || fromId === toId) return undefined;
    const walk = walkWorkflow(input.transitions, input.statuses, fromId, toId);
    if (walk.ok) return { path: walk.path };
    const key = `${fromId}>${toId}`;
    if (!warned.has(key)) {
      warned.add(key);
      warnings.push({
        fromStatus: byId.get(fromId)?.name ?? fromId,
        toStatus: byId.get(toId)?.name ?? toId,
        waveStatus,
        reason: describeBlockReason(walk.reason),
      });
    }
    return { blocked: describeBlockReason(walk.reason) };
  };

  const rows = input.waveStatuses.map((waveStatus): MappingRowView => {
    const mappedStatusId = ownValue(input.mapping, waveStatus);
    const resolved = target(waveStatus);
    const row: MappingRowView = { waveStatus, ...(mappedStatusId ? { mappedStatusId } : {}) };
    if (resolved.kind !== 'move')
      return { ...row, ...(resolved.kind === 'none' && resolved.note ? { note: resolved.note } : {}) };
    const status = resolved.status;
    row.effective = {
      statusId: status.id,
      statusName: status.name,
      byDefault: mappedStatusId === undefined,
      by: resolved.by,
    };
    const fromInitial =
      status.id === input.initialStatusId ? undefined : check(input.initialStatusId, status.id, waveStatus);
    return fromInitial ? { ...row, fromInitial } : row;
  });

  for (const waveStatus of input.waveStatuses) {
    for (const earlier of waveStatus === DELETED_STATUS ? DELETABLE_STATUSES : predecessorsOf(waveStatus)) {
      const from = target(earlier);
      if (from.kind !== 'move') continue;
      const to = target(waveStatus, from.status.id);
      if (to.kind === 'move') check(from.status.id, to.status.id, waveStatus);
    }
  }
  return { rows, warnings };
}
