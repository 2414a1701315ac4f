import { JiraError, jiraErrors } from '../http/errors';
import { isAdfDocument, NOT_ADF } from '../model/adf';
import { linkTypeView } from '../model/catalog-views';
import { commentView, issueLinkView } from '../model/entry-views';
import type { StoredComment } from '../state/records';
import { noContent, ok, page, param, stringParam, type HandlerContext, type HandlerTable } from './handler-types';
import { changeIssue } from './issue-changes';
import { requirePermittedIssue } from './permitted-issue';

function addComment(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const issue = requirePermittedIssue(ctx, 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
  const body = (ctx.body ?? {}) as { body?: unknown };
  if (body.body === undefined || body.body === null)
    throw jiraErrors.fieldErrors({ comment: 'Comment body can not be empty!' });
  if (!isAdfDocument(body.body)) throw jiraErrors.fieldErrors({ comment: NOT_ADF });
  const now = site.now();
  const comment: StoredComment = {
    id: String(site.state.nextId('comment')),
    authorId: principal.user.accountId,
    updateAuthorId: principal.user.accountId,
    body: body.body,
    created: now,
    updated: now,
  };
  // Jira's issue_commented event carries no changelog; Forge sends avi:jira:commented:issue for it, not an update.
  const updated = changeIssue(
    ctx,
    issue.id,
    (draft) => {
      draft.comments.push(comment);
      return [];
    },
    { eventTypeName: 'issue_commented', toForge: false },
  );
  return ok(commentView(site, updated, comment), 201);
}

function getComments(ctx: HandlerContext) {
  const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
  const ordered = stringParam(ctx.query, 'orderBy') === '-created' ? [...issue.comments].reverse() : issue.comments;
  const { startAt, maxResults, total, values } = page(ctx, ordered, 100);
  const comments = values.map((comment) => commentView(ctx.site, issue, comment));
  return ok({ comments, startAt, maxResults, total });
}

type LinkBody = {
  type: { id?: string; name?: string };
  inwardIssue: { id?: string; key?: string };
  outwardIssue: { id?: string; key?: string };
};

function linkIssues(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const body = ctx.body as LinkBody;
  const linkType = site.catalog
    .linkTypes()
    .find(
      (candidate) =>
        candidate.id === body.type.id ||
        (body.type.name !== undefined && candidate.name.toLowerCase() === body.type.name.toLowerCase()),
    );
  if (!linkType)
    throw jiraErrors.notFound(`No issue link type with name '${body.type.name ?? body.type.id ?? ''}' found.`);
  const reference = (issueRef: { id?: string; key?: string }) => issueRef.key ?? issueRef.id ?? '';
  const inward = site.requireIssue(reference(body.inwardIssue), principal);
  const outward = site.requireIssue(reference(body.outwardIssue), principal);
  site.requireIssuePermission(inward, principal, 'LINK_ISSUES', 'You do not have the permission to link issues.');
  if (inward.id === outward.id) throw new JiraError(400, ['You cannot link an issue to itself.']);
  site.state.insertLink({
    id: String(site.state.nextId('link')),
    typeId: linkType.id,
    inwardIssueId: inward.id,
    outwardIssueId: outward.id,
  });
  return { status: 201 };
}

function getIssueLink(ctx: HandlerContext) {
  const link = ctx.site.state.findLink(param(ctx, 'linkId'));
  const view = link && issueLinkView(ctx.site, link, link.inwardIssueId);
  const outward = link && issueLinkView(ctx.site, link, link.outwardIssueId);
  if (!link || !view || !outward) throw jiraErrors.notFound(`No issue link with id '${param(ctx, 'linkId')}' exists.`);
  return ok({ ...view, inwardIssue: outward.inwardIssue });
}

function deleteIssueLink(ctx: HandlerContext) {
  const link = ctx.site.state.findLink(param(ctx, 'linkId'));
  if (!link) throw jiraErrors.notFound(`No issue link with id '${param(ctx, 'linkId')}' exists.`);
  ctx.site.state.deleteLink(link.id);
  return noContent();
}

export const commentAndLinkHandlers: HandlerTable = {
  addComment,
  getComments,
  linkIssues,
  getIssueLink,
  deleteIssueLink,
  getIssueLinkTypes: (ctx) =>
    ok({ issueLinkTypes: ctx.site.catalog.linkTypes().map((linkType) => linkTypeView(ctx.site, linkType)) }),
};
