import { byIdOrName } from '../catalog/catalog-lookup';
import { jiraErrors } from '../http/errors';
import { isAdfDocument, NOT_ADF } from '../model/adf';
import { isValidDate } from '../model/dates';
import { parseDuration } from '../model/duration';
import type { Site } from '../site';
import type { ChangeItem, StoredIssue } from '../state/records';
import { changeItem } from './issue-changes';

/** The system fields on every create and edit screen (Time tracking only where time tracking is on). */
const SCREEN_FIELDS = ['summary', 'description', 'labels', 'duedate', 'priority', 'reporter', 'assignee'];

export function screenFields(site: Site, projectId: string): string[] {
  return site.timeTrackingOn(projectId) ? [...SCREEN_FIELDS, 'timetracking'] : SCREEN_FIELDS;
}

export interface IssuePatch {
  summary?: string;
  description?: unknown;
  labels?: { set?: string[]; add: string[]; remove: string[] };
  duedate?: string | null;
  priorityId?: string;
  reporterId?: string;
  assigneeId?: string | null;
  resolutionId?: string | null;
  originalEstimateSeconds?: number;
  remainingEstimateSeconds?: number;
}

type Operation = Record<string, unknown>;

/**
 * Reads `fields` and `update` of a create / edit / transition body into a patch, collecting
 * Jira's per-field errors. Only fields in `allowed` (the screen) can be set; anything else,
 * including the app's own custom fields (they are on no screen), gets Jira's
 * "cannot be set. It is not on the appropriate screen, or unknown." error.
 */
export function readIssuePatch(
  site: Site,
  fields: Record<string, unknown>,
  update: Record<string, Operation[]>,
  allowed: string[],
): { patch: IssuePatch; errors: Record<string, string> } {
  const patch: IssuePatch = {};
  const errors: Record<string, string> = {};
  const set = (fieldId: string, value: unknown) => {
    if (!allowed.includes(fieldId)) {
      errors[fieldId] = jiraErrors.cannotSetField(fieldId);
      return;
    }
    const problem = setField(site, patch, fieldId, value);
    if (problem) errors[fieldId] = problem;
  };
  for (const [fieldId, value] of Object.entries(fields)) set(fieldId, value);
  for (const [fieldId, operations] of Object.entries(update)) {
    for (const operation of operations) {
      const [verb, value] = Object.entries(operation)[0] ?? [];
      if (fieldId === 'labels' && (verb === 'add' || verb === 'remove') && allowed.includes('labels')) {
        if (typeof value !== 'string') errors.labels = 'Operation value must be a string';
        else {
          patch.labels ??= { add: [], remove: [] };
          patch.labels[verb].push(value);
        }
      } else if (verb === 'set') {
        set(fieldId, value);
      } else if (!allowed.includes(fieldId)) {
        errors[fieldId] = jiraErrors.cannotSetField(fieldId);
      } else {
        errors[fieldId] = `Field '${fieldId}' does not support the '${verb ?? ''}' operation.`;
      }
    }
  }
  return { patch, errors };
}

function setField(site: Site, patch: IssuePatch, fieldId: string, value: unknown): string | undefined {
  switch (fieldId) {
    case 'summary': {
      if (typeof value !== 'string') return 'Operation value must be a string';
      if (value.trim() === '') return 'You must specify a summary of the issue.';
      if (/[\r\n]/.test(value)) return 'The summary is invalid because it contains newline characters.';
      if (value.length > 255) return 'Summary must be less than 255 characters.';
      patch.summary = value;
      return undefined;
    }
    case 'description':
      if (value !== null && !isAdfDocument(value)) return NOT_ADF;
      patch.description = value;
      return undefined;
    case 'labels': {
      if (!Array.isArray(value) || !value.every((label) => typeof label === 'string'))
        return 'data was not an array of strings';
      const bad = value.find((label: string) => /\s/.test(label) || label === '');
      if (bad !== undefined) return `The label '${bad}' contains spaces which is invalid.`;
      const tooLong = value.find((label: string) => label.length > 255);
      if (tooLong !== undefined)
        return `The label '${tooLong}' exceeds the maximum length for a single label of 255 characters.`;
      patch.labels = {
        set: [...new Set(value as string[])],
        add: patch.labels?.add ?? [],
        remove: patch.labels?.remove ?? [],
      };
      return undefined;
    }
    case 'duedate':
      if (value !== null && (typeof value !== 'string' || !isValidDate(value)))
        return `Error parsing date string: ${String(value)}`;
      patch.duedate = value;
      return undefined;
    case 'priority': {
      const priority = reference(value, site.catalog.priorities());
      if (!priority) return 'Specify a valid value for priority';
      patch.priorityId = priority;
      return undefined;
    }
    case 'resolution': {
      if (value === null) return 'Resolution is required.';
      const resolution = reference(value, site.catalog.resolutions());
      if (!resolution) return 'Specify a valid value for resolution';
      patch.resolutionId = resolution;
      return undefined;
    }
    case 'reporter':
    case 'assignee': {
      if (value === null && fieldId === 'assignee') {
        patch.assigneeId = null;
        return undefined;
      }
      const accountId =
        typeof value === 'object' && value !== null ? (value as { accountId?: unknown }).accountId : undefined;
      if (typeof accountId !== 'string' || !site.user(accountId)) return `User '${String(accountId)}' does not exist.`;
      if (fieldId === 'reporter') patch.reporterId = accountId;
      else patch.assigneeId = accountId;
      return undefined;
    }
    case 'timetracking':
      return setEstimates(patch, value);
    default:
      return `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
}

/** `timetracking: {originalEstimate?: "1d 2h", remainingEstimate?: "3h"}`. */
function setEstimates(patch: IssuePatch, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'Operation value must be an object';
  const { originalEstimate, remainingEstimate } = value as Record<string, unknown>;
  const seconds = (text: unknown) => (typeof text === 'string' ? parseDuration(text) : undefined);
  if (originalEstimate !== undefined) {
    const parsed = seconds(originalEstimate);
    if (parsed === undefined) return 'The original estimate specified is not valid.';
    patch.originalEstimateSeconds = parsed;
  }
  if (remainingEstimate !== undefined) {
    const parsed = seconds(remainingEstimate);
    if (parsed === undefined) return 'The remaining estimate specified is not valid.';
    patch.remainingEstimateSeconds = parsed;
  }
  return undefined;
}

function reference(value: unknown, items: { id: string; name: string }[]): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name } = value as { id?: unknown; name?: unknown };
  const found =
    typeof id === 'string'
      ? items.find((item) => item.id === id)
      : typeof name === 'string'
        ? byIdOrName(items, name)
        : undefined;
  return found?.id;
}

/** Applies a patch to a draft issue and returns the changelog items (Jira's `field`/`fromString`/`toString`). */
export function applyPatch(site: Site, draft: StoredIssue, patch: IssuePatch): ChangeItem[] {
  const items: ChangeItem[] = [];
  const user = (accountId: string | null) => (accountId ? (site.user(accountId)?.displayName ?? accountId) : null);
  if (patch.summary !== undefined && patch.summary !== draft.summary) {
    items.push(changeItem('summary', 'summary', 'jira', null, draft.summary, null, patch.summary));
    draft.summary = patch.summary;
  }
  if (patch.description !== undefined && JSON.stringify(patch.description) !== JSON.stringify(draft.description)) {
    items.push(changeItem('description', 'description', 'jira', null, null, null, null));
    draft.description = patch.description;
  }
  if (patch.labels) {
    const base = patch.labels.set ?? draft.labels;
    const next = [...new Set([...base, ...patch.labels.add])].filter((label) => !patch.labels?.remove.includes(label));
    if (next.join(' ') !== draft.labels.join(' ')) {
      items.push(changeItem('labels', 'labels', 'jira', null, draft.labels.join(' '), null, next.join(' ')));
      draft.labels = next;
    }
  }
  if (patch.duedate !== undefined && patch.duedate !== draft.duedate) {
    items.push(changeItem('duedate', 'duedate', 'jira', draft.duedate, draft.duedate, patch.duedate, patch.duedate));
    draft.duedate = patch.duedate;
  }
  const priority = (id: string) => site.catalog.priority(id).name;
  items.push(...referenceChange(draft, 'priorityId', 'priority', patch.priorityId, priority));
  items.push(...referenceChange(draft, 'reporterId', 'reporter', patch.reporterId, user));
  items.push(...referenceChange(draft, 'assigneeId', 'assignee', patch.assigneeId, user));
  if (patch.resolutionId !== undefined && patch.resolutionId !== draft.resolutionId) {
    items.push(resolutionChange(site, draft, patch.resolutionId));
  }
  items.push(...estimateChanges(draft, patch));
  return items;
}

type ReferenceKey = 'priorityId' | 'reporterId' | 'assigneeId';

/** Sets a field that holds an id (a priority, a user); the changelog item (ids and their names) when it moved. */
function referenceChange<K extends ReferenceKey>(
  draft: StoredIssue,
  key: K,
  field: string,
  to: StoredIssue[K] | undefined,
  name: (id: StoredIssue[K]) => string | null,
): ChangeItem[] {
  const before = draft[key];
  if (to === undefined || to === before) return [];
  draft[key] = to;
  return [changeItem(field, field, 'jira', before, name(before), to, name(to))];
}

/** A new original estimate also becomes the remaining one while none is set, as in Jira. */
function estimateChanges(draft: StoredIssue, patch: IssuePatch): ChangeItem[] {
  const items: ChangeItem[] = [];
  if (patch.originalEstimateSeconds !== undefined)
    items.push(...setEstimate(draft, 'originalEstimateSeconds', patch.originalEstimateSeconds));
  const unset = draft.remainingEstimateSeconds === null || draft.remainingEstimateSeconds === undefined;
  const remaining = patch.remainingEstimateSeconds ?? (unset ? patch.originalEstimateSeconds : undefined);
  if (remaining !== undefined) items.push(...setEstimate(draft, 'remainingEstimateSeconds', remaining));
  return items;
}

const ESTIMATE_FIELDS = {
  originalEstimateSeconds: 'timeoriginalestimate',
  remainingEstimateSeconds: 'timeestimate',
} as const;

/** Sets an estimate (seconds, or null for none) on a draft; the changelog item when it moved. */
export function setEstimate(draft: StoredIssue, key: keyof typeof ESTIMATE_FIELDS, to: number | null): ChangeItem[] {
  const before = draft[key] ?? null;
  if (before === to) return [];
  draft[key] = to;
  const text = (seconds: number | null) => (seconds === null ? null : String(seconds));
  const field = ESTIMATE_FIELDS[key];
  return [changeItem(field, field, 'jira', text(before), text(before), text(to), text(to))];
}

/** Sets (or clears) the resolution and its date; returns the changelog item. */
export function resolutionChange(site: Site, draft: StoredIssue, resolutionId: string | null): ChangeItem {
  const name = (id: string | null) => (id ? site.catalog.resolution(id).name : null);
  const item = changeItem(
    'resolution',
    'resolution',
    'jira',
    draft.resolutionId,
    name(draft.resolutionId),
    resolutionId,
    name(resolutionId),
  );
  draft.resolutionId = resolutionId;
  draft.resolutionDate = resolutionId ? site.now() : null;
  return item;
}
