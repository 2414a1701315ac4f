import { router } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';
import { useSiteUrl } from '../view-context';

/** A link to a Jira issue: a real address (open in a new tab works), followed in Jira's own page when clicked. */
export function IssueLink({ issueKey, children }: { issueKey: string; children?: ReactNode }) {
  const siteUrl = useSiteUrl();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void router.navigate({ target: 'issue', issueKey }).catch(() => undefined);
  };
  return (
    <a href={`${siteUrl}/browse/${encodeURIComponent(issueKey)}`} onClick={follow} target="_top">
      {children ?? issueKey}
    </a>
  );
}
