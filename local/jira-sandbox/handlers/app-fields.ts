import type { CustomFieldDef } from '../catalog/catalog-types';
import { systemField } from '../catalog/fields';
import { JiraError, jiraErrors } from '../http/errors';
import { isValidDate } from '../model/dates';
import type { ChangeItem } from '../state/records';
import { noContent, param, type HandlerContext, type HandlerTable } from './handler-types';
import { changeIssue, changeItem } from './issue-changes';

interface FieldUpdate {
  field: CustomFieldDef;
  issueIds: number[];
  value: unknown;
}

const MAX_TEXT = 255;

/** Why a value does not fit the field's Forge type, or undefined if it does. */
function valueProblem(field: CustomFieldDef, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return 'Operation value must be a string';
      return value.length > MAX_TEXT
        ? `The entered text is too long. It exceeds the allowed limit of ${MAX_TEXT} characters.`
        : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'Operation value must be a number';
    case 'date':
      return typeof value === 'string' && isValidDate(value)
        ? undefined
        : `Invalid date format '${String(value)}'. Expected yyyy-MM-dd.`;
    case 'datetime':
      return typeof value === 'string' && Number.isFinite(Date.parse(value))
        ? undefined
        : `Invalid date-time format '${String(value)}'.`;
    case 'user':
      return typeof value === 'object' && typeof (value as { accountId?: unknown }).accountId === 'string'
        ? undefined
        : 'Operation value must be a user ({"accountId": "..."})';
    case 'group':
      return typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string'
        ? undefined
        : 'Operation value must be a group ({"name": "..."})';
    default:
      return typeof value === 'object' ? undefined : 'Operation value must be an object';
  }
}

function display(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The app's own field, or Jira's answer for a field it does not own (403) or that does not exist (404). */
function requireApp(ctx: HandlerContext): void {
  if (ctx.principal.kind !== 'app')
    throw jiraErrors.forbidden('Only the app that provides a custom field can update its values with this operation.');
}

function ownedField(ctx: HandlerContext, reference: string): CustomFieldDef {
  const field = ctx.site.catalog.customField(reference);
  if (field && (reference === field.id || reference === `cf[${field.numericId}]`)) return field;
  if (systemField(reference))
    throw jiraErrors.forbidden(
      `The app is not allowed to update field '${reference}': apps can only update the values of custom fields they declare.`,
    );
  throw jiraErrors.notFound(`The custom field was not found: ${reference}`);
}

/**
 * The app-only custom field value API: checks every update first (ownership, issues,
 * value types, unique field/issue pairs), then writes issue by issue with one changelog
 * entry (and one update event) per issue.
 */
function applyUpdates(ctx: HandlerContext, updates: FieldUpdate[]) {
  const seen = new Set<string>();
  const errors: Record<string, string> = {};
  const byIssue = new Map<string, FieldUpdate[]>();
  for (const update of updates) {
    const problem = valueProblem(update.field, update.value);
    if (problem) errors[update.field.id] = problem;
    for (const issueId of update.issueIds) {
      const pair = `${update.field.id}/${issueId}`;
      if (seen.has(pair))
        throw new JiraError(400, ['Combinations of custom field and issue should be unique within the request.']);
      seen.add(pair);
      const issue = ctx.site.state.findIssue(String(issueId));
      if (!issue)
        throw new JiraError(404, [`Issue with id ${issueId} does not exist or you do not have permission to see it.`]);
      byIssue.set(issue.id, [...(byIssue.get(issue.id) ?? []), update]);
    }
  }
  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
  const changelog = ctx.query.generateChangelog !== false;
  for (const [issueId, issueUpdates] of byIssue) {
    changeIssue(
      ctx,
      issueId,
      (draft) => {
        const items: ChangeItem[] = [];
        for (const { field, value } of issueUpdates) {
          const before = draft.customFields[field.id] ?? null;
          if (JSON.stringify(before) === JSON.stringify(value)) continue;
          items.push(changeItem(field.name, field.id, 'custom', null, display(before), null, display(value)));
          if (value === null) delete draft.customFields[field.id];
          else draft.customFields[field.id] = value;
        }
        return items;
      },
      { eventTypeName: 'issue_updated', changelog },
    );
  }
  return noContent();
}

export const appFieldHandlers: HandlerTable = {
  updateMultipleCustomFieldValues: (ctx) => {
    requireApp(ctx);
    const body = ctx.body as { updates?: { customField: string; issueIds: number[]; value: unknown }[] };
    return applyUpdates(
      ctx,
      (body.updates ?? []).map((update) => ({
        field: ownedField(ctx, update.customField),
        issueIds: update.issueIds,
        value: update.value,
      })),
    );
  },
  updateCustomFieldValue: (ctx) => {
    requireApp(ctx);
    const field = ownedField(ctx, param(ctx, 'fieldIdOrKey'));
    const body = ctx.body as { updates?: { issueIds: number[]; value: unknown }[] };
    return applyUpdates(
      ctx,
      (body.updates ?? []).map((update) => ({ field, issueIds: update.issueIds, value: update.value })),
    );
  },
};
