import type { ChangeItem, StoredHistory, StoredIssue } from '../state/records';
import type { HandlerContext } from './handler-types';

export function changeItem(
  field: string,
  fieldId: string,
  fieldtype: ChangeItem['fieldtype'],
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): ChangeItem {
  return { field, fieldtype, fieldId, from, fromString, to, toString };
}

export interface ChangeOptions {
  eventTypeName: string;
  toForge?: boolean;
  /** Record the items in the changelog (the app field API can switch this off). */
  changelog?: boolean;
}

/**
 * Applies a change to an issue, records its changelog entry, bumps `updated`, stores it and
 * emits the update events. `change` returns what it changed; nothing changed, nothing emitted.
 */
export function changeIssue(
  ctx: HandlerContext,
  issueId: string,
  change: (draft: StoredIssue) => ChangeItem[],
  options: ChangeOptions,
): StoredIssue {
  const { site } = ctx;
  let items: ChangeItem[] = [];
  let history: StoredHistory | undefined;
  const updated = site.state.transaction(() =>
    site.state.updateIssue(issueId, (draft) => {
      items = change(draft);
      if (items.length === 0 && options.eventTypeName === 'issue_updated') return;
      draft.updated = site.now();
      if (items.length > 0 && options.changelog !== false) {
        history = {
          id: String(site.state.nextId('history')),
          authorId: ctx.principal.user.accountId,
          created: draft.updated,
          items,
        };
        draft.history.push(history);
      }
    }),
  );
  if (items.length > 0 || options.eventTypeName !== 'issue_updated') {
    ctx.events.emit({
      kind: 'updated',
      issue: updated,
      actorId: ctx.principal.user.accountId,
      eventTypeName: options.eventTypeName,
      history,
      toForge: options.toForge ?? true,
    });
  }
  return updated;
}
