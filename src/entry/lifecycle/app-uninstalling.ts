import { removeJiraWebhooks } from '../../usecases/keeper/remove-jira-webhooks';

/** `preUninstall`: the app removes the Jira webhooks it registered before it goes. */
export async function appUninstalling(): Promise<void> {
  await removeJiraWebhooks();
}
