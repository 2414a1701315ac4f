import type { TransitionDef } from '../catalog/catalog-types';
import { JiraError } from '../http/errors';
import { transitionsFor, transitionView } from '../model/transition-views';
import type { Principal, Site } from '../site';
import type { ChangeItem, StoredIssue } from '../state/records';
import { listParam, noContent, ok, param, stringParam, type HandlerContext, type HandlerTable } from './handler-types';
import { changeIssue, changeItem } from './issue-changes';
import { applyPatch, readIssuePatch, resolutionChange } from './issue-input';

type TransitionBody = {
  transition?: { id?: string };
  fields?: Record<string, unknown>;
  update?: Record<string, Record<string, unknown>[]>;
  properties?: { key: string; value: unknown }[];
};

/** The transition the caller asked for, if the issue offers it to them; Jira's 400 otherwise. */
export function requireTransition(
  site: Site,
  issue: StoredIssue,
  principal: Principal,
  transitionId: string | undefined,
): TransitionDef {
  if (!transitionId) throw new JiraError(400, ["Missing 'transition' identifier"]);
  const offered = transitionsFor(site, issue, principal).find(
    (candidate) => candidate.def.id === transitionId && candidate.available,
  );
  if (!offered) throw new JiraError(400, [`Transition id '${transitionId}' is not valid for this issue.`]);
  return offered.def;
}

/**
 * Moves a draft issue through a transition: screen fields (refusing fields not on the
 * screen, requiring required ones), status, status-category date and the resolution post function.
 */
export function applyTransition(
  site: Site,
  draft: StoredIssue,
  def: TransitionDef,
  body: TransitionBody,
): ChangeItem[] {
  const screen = def.screen ?? [];
  const { patch, errors } = readIssuePatch(
    site,
    body.fields ?? {},
    body.update ?? {},
    screen.map((screenField) => screenField.id),
  );
  for (const screenField of screen.filter((candidate) => candidate.required)) {
    const given =
      screenField.id === 'resolution'
        ? patch.resolutionId
        : screenField.id === 'duedate'
          ? (patch.duedate ?? draft.duedate)
          : (body.fields ?? {})[screenField.id];
    if ((given === undefined || given === null) && !errors[screenField.id])
      errors[screenField.id] = `${screenField.id === 'duedate' ? 'Due date' : 'Resolution'} is required.`;
  }
  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
  const from = site.catalog.status(draft.statusId);
  const to = site.catalog.status(def.to);
  const items = applyPatch(site, draft, { ...patch, resolutionId: undefined });
  items.push(changeItem('status', 'status', 'jira', from.id, from.name, to.id, to.name));
  draft.statusId = to.id;
  if (from.category !== to.category) draft.statusCategoryChangeDate = site.now();
  const resolutionId = patch.resolutionId !== undefined ? patch.resolutionId : def.resolution;
  if (resolutionId !== undefined && resolutionId !== draft.resolutionId)
    items.push(resolutionChange(site, draft, resolutionId));
  for (const property of body.properties ?? []) draft.properties[property.key] = property.value;
  return items;
}

export const transitionHandlers: HandlerTable = {
  getTransitions: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    const expand = listParam(ctx.query, 'expand') ?? [];
    const onlyId = stringParam(ctx.query, 'transitionId');
    const includeUnavailable = ctx.query.includeUnavailableTransitions === true;
    const transitions = transitionsFor(ctx.site, issue, ctx.principal)
      .filter((offered) => includeUnavailable || offered.available)
      .filter((offered) => onlyId === undefined || offered.def.id === onlyId)
      .map((offered) => transitionView(ctx.site, offered, expand.includes('transitions.fields')));
    return ok({ expand: 'transitions', transitions });
  },

  doTransition: (ctx: HandlerContext) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    const body = (ctx.body ?? {}) as TransitionBody;
    const def = requireTransition(ctx.site, issue, ctx.principal, body.transition?.id);
    changeIssue(ctx, issue.id, (draft) => applyTransition(ctx.site, draft, def, body), {
      eventTypeName: 'issue_generic',
    });
    return noContent();
  },
};
