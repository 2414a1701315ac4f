/** Which Jira status a Wave status puts the issue in, per project. */

import type { ProjectStatus, StatusCategoryKey, StatusMapping } from './types';
import { defaultCategoryOf } from './wave-statuses';
import { ownValue } from '../../shared/own';

/** Not a Wave invoice status: the pseudo-status of `invoice.deleted`. */
export const DELETED_STATUS = 'DELETED';

/** The statuses Wave lets an invoice be deleted from: any, until a payment is recorded on it. */
export const DELETABLE_STATUSES: readonly string[] = ['DRAFT', 'SAVED', 'SENT', 'VIEWED', 'UNPAID', 'OVERDUE'];

const SENT_NAMES = ['sent', 'invoiced', 'issued', 'awaiting payment'];
const PAID_NAMES = ['paid', 'fully paid', 'payment received', 'settled'];

/**
 * Jira status names that mean a Wave status, best first, in plain words (lower case, punctuation as spaces): a
 * project's own status is matched against them, case-insensitively, whatever its workflow calls "Partially-Paid".
 */
const STATUS_NAMES = new Map<string, readonly string[]>([
  ['DRAFT', ['draft']],
  ['SAVED', ['draft']],
  ['SENT', SENT_NAMES],
  ['VIEWED', ['viewed', ...SENT_NAMES]],
  ['UNPAID', ['unpaid', ...SENT_NAMES]],
  ['OVERDUE', ['overdue', 'past due', 'late']],
  ['PARTIAL', ['partially paid', 'partly paid', 'part paid', 'partial payment', 'partial']],
  ['PAID', PAID_NAMES],
  ['OVERPAID', ['overpaid', ...PAID_NAMES]],
  [DELETED_STATUS, ['cancelled', 'canceled', 'void', 'voided', 'deleted', 'written off']],
]);

/** How a target was found: an admin's choice, the project's own word for it, or the status category. */
export type TargetSource = 'mapping' | 'name' | 'category';

export interface TargetStatusInput {
  waveStatus: string;
  mapping: StatusMapping;
  /** In workflow order. */
  projectStatuses: readonly ProjectStatus[];
  initialStatusId: string;
  currentStatusId?: string | null;
}

export type TargetStatus =
  | { kind: 'move'; status: ProjectStatus; by: TargetSource }
  | { kind: 'stay' }
  /** No move; `note` (when not null) explains why, for the activity log. */
  | { kind: 'none'; note: string | null };

const plainWords = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The project's status named like this Wave status (its own words or a common synonym), if it has one. */
export function statusNamedFor(waveStatus: string, statuses: readonly ProjectStatus[]): ProjectStatus | undefined {
  const names = STATUS_NAMES.get(waveStatus);
  if (!names) return undefined;
  const byName = new Map<string, ProjectStatus>();
  for (const status of statuses) if (!byName.has(plainWords(status.name))) byName.set(plainWords(status.name), status);
  for (const name of names) {
    const status = byName.get(name);
    if (status) return status;
  }
  return undefined;
}

/**
 * An explicit mapping wins. Otherwise the project's status named for the Wave status (PARTIAL → "Partially Paid",
 * OVERDUE → "Overdue", PAID → "Paid", SENT → "Sent", DRAFT → "Draft", deleted → "Cancelled" or "Void", in common
 * synonyms too). Otherwise by category: DRAFT/SAVED → the initial status, SENT…OVERDUE → the first in-progress
 * status, PAID/OVERPAID → the first done status, in workflow order; an issue already in the target category stays
 * where it is. Deleted invoices without a status of that name, and unknown Wave statuses, do not move the issue.
 */
export function resolveTargetStatus(input: TargetStatusInput): TargetStatus {
  const mapped = ownValue(input.mapping, input.waveStatus);
  if (mapped !== undefined) return targetFromMapping(input, mapped);
  const named = statusNamedFor(input.waveStatus, input.projectStatuses);
  if (named) return named.id === input.currentStatusId ? { kind: 'stay' } : { kind: 'move', status: named, by: 'name' };
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
  return { kind: 'move', status: target, by: 'category' };
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
  return { kind: 'move', status, by: 'mapping' };
}

const CATEGORY_RANK: Readonly<Record<StatusCategoryKey, number>> = { new: 0, indeterminate: 1, done: 2 };

/**
 * Whether sending an invoice in this Wave status to this Jira status goes backwards: a sent invoice to a to-do
 * status, a paid one to a to-do or in-progress status. Allowed (a workflow may mean it), but worth a warning.
 */
export function goesBackwards(waveStatus: string, status: ProjectStatus): boolean {
  const category = defaultCategoryOf(waveStatus);
  return category !== undefined && CATEGORY_RANK[status.categoryKey] < CATEGORY_RANK[category];
}
