/** Which Jira status a Wave status puts the issue in, per project. */

import type { ProjectStatus, StatusMapping } from './types';
import { defaultCategoryOf } from './wave-statuses';
import { ownValue } from '../../shared/own';

/** Not a Wave invoice status: the pseudo-status of `invoice.deleted`, moved only when explicitly mapped. */
export const DELETED_STATUS = 'DELETED';

export interface TargetStatusInput {
  waveStatus: string;
  mapping: StatusMapping;
  /** In workflow order. */
  projectStatuses: readonly ProjectStatus[];
  initialStatusId: string;
  currentStatusId?: string | null;
}

export type TargetStatus =
  | { kind: 'move'; status: ProjectStatus }
  | { kind: 'stay' }
  /** No move; `note` (when not null) explains why, for the activity log. */
  | { kind: 'none'; note: string | null };

/**
 * Explicit mapping wins. Otherwise by category: DRAFT/SAVED → the initial status, SENT…OVERDUE → the first
 * in-progress status, PAID/OVERPAID → the first done status, in workflow order; an issue already in the
 * target category stays where it is. Unknown Wave statuses do not move the issue.
 */
export function resolveTargetStatus(input: TargetStatusInput): TargetStatus {
  const mapped = ownValue(input.mapping, input.waveStatus);
  if (mapped !== undefined) return targetFromMapping(input, mapped);
  if (input.waveStatus === DELETED_STATUS) return { kind: 'none', note: null };

  const category = defaultCategoryOf(input.waveStatus);
  if (category === undefined) {
    return { kind: 'none', note: `Unknown Wave status ${input.waveStatus}: the Jira status was left unchanged.` };
  }
  const current = input.projectStatuses.find((status) => status.id === input.currentStatusId);
  if (current?.categoryKey === category) return { kind: 'stay' };

  const initial = input.projectStatuses.find((status) => status.id === input.initialStatusId);
  const target =
    category === 'new' && initial?.categoryKey === 'new'
      ? initial
      : input.projectStatuses.find((status) => status.categoryKey === category);
  if (!target) {
    return {
      kind: 'none',
      note: `The workflow has no "${category}" status for Wave status ${input.waveStatus}: the Jira status was left unchanged.`,
    };
  }
  return { kind: 'move', status: target };
}

function targetFromMapping(input: TargetStatusInput, statusId: string): TargetStatus {
  if (statusId === input.currentStatusId) return { kind: 'stay' };
  const status = input.projectStatuses.find((candidate) => candidate.id === statusId);
  if (!status) {
    return {
      kind: 'none',
      note: `Wave status ${input.waveStatus} is mapped to Jira status ${statusId}, which the project's workflow does not have: the Jira status was left unchanged.`,
    };
  }
  return { kind: 'move', status };
}
