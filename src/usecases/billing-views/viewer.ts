import { JiraClient } from '../../adapters/jira/jira-client';
import type { TimeBudget } from '../../shared/time-budget';

/**
 * The person looking at a panel or gadget. Everything the billing views read from Jira is read as them
 * (`asUser`), so an issue or project they may not browse never shows.
 */
export interface Viewer {
  accountId: string;
  jira: JiraClient;
  budget: TimeBudget;
}

export function viewerOf(accountId: string, budget: TimeBudget): Viewer {
  return { accountId, jira: JiraClient.asUser(accountId, budget), budget };
}
