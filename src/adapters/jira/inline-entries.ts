import { commentEntry, type CommentPage } from './comment-reads';
import { worklogEntry, type IssueEntryRead, type WorklogPage } from './worklog-reads';

/**
 * The worklogs and comments a search returns inside an issue's `worklog` and `comment` fields. Jira sends only the
 * first ones there (20 worklogs): `complete` is false when the issue has more, to be read with `listWorklogs`.
 */
export function inlineEntries(fields: Record<string, unknown>): {
  worklogs: IssueEntryRead[];
  comments: IssueEntryRead[];
  complete: boolean;
} {
  const worklog = (fields.worklog ?? {}) as WorklogPage;
  const comment = (fields.comment ?? {}) as CommentPage;
  const worklogs = (worklog.worklogs ?? []).flatMap(worklogEntry);
  const comments = (comment.comments ?? []).flatMap(commentEntry);
  const complete =
    (worklog.total ?? 0) <= (worklog.worklogs?.length ?? 0) && (comment.total ?? 0) <= (comment.comments?.length ?? 0);
  return { worklogs, comments, complete };
}
