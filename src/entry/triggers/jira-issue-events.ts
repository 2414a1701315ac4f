import { forgetIssue } from '../../usecases/jira-events/forget-deleted-issue';

/** Forge's product event payload (the fields this app reads). */
export interface JiraIssueEvent {
  eventType: string;
  issue?: { id?: string; key?: string };
}

/** `trigger` on `avi:jira:deleted:issue` (and updated): Jira's side of the link. */
export async function jiraIssueEvents(event: JiraIssueEvent): Promise<void> {
  if (event.eventType === 'avi:jira:deleted:issue' && event.issue?.id) await forgetIssue(event.issue.id);
}
