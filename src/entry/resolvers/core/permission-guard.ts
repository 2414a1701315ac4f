import { JiraClient } from '../../../adapters/jira/jira-client';
import { JiraNotFoundError } from '../../../adapters/jira/jira-errors';
import { getAdminPermissions } from '../../../adapters/jira/permissions';
import type { TimeBudget } from '../../../shared/time-budget';
import type { CallContext } from './call-context';
import { refuse } from './envelope';

export type Access = { kind: 'jira-admin' } | { kind: 'project-admin'; projectKey: string };

/**
 * Asks Jira, as the calling user, whether they may do this: Administer Jira for the app's
 * global settings; Administer Projects on the project (or Administer Jira) for a project's.
 */
export async function checkAccess(call: CallContext, access: Access, budget: TimeBudget): Promise<void> {
  const userJira = JiraClient.asUser(call.accountId, budget);
  if (access.kind === 'jira-admin') {
    const permissions = await getAdminPermissions(userJira);
    if (!permissions.administerJira) {
      throw refuse(
        'FORBIDDEN',
        'Only Jira administrators can view or change the Wave Accounting sync settings. Ask a Jira administrator for access.',
      );
    }
    return;
  }
  let permissions;
  try {
    permissions = await getAdminPermissions(userJira, access.projectKey);
  } catch (error) {
    // Jira answers 404 both for a missing project and one the user cannot see.
    if (error instanceof JiraNotFoundError)
      throw refuse('NOT_FOUND', `Project ${access.projectKey} does not exist or you cannot see it.`);
    throw error;
  }
  if (!permissions.administerProject && !permissions.administerJira) {
    throw refuse(
      'FORBIDDEN',
      `Only administrators of project ${access.projectKey} can view or change its Wave status mapping. Ask a project administrator for access.`,
    );
  }
}
