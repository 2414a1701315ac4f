/** What the admin page's resolvers call for the keeper. */
export { getKeeperHealth, type BusinessPollHealth, type KeeperHealth } from './keeper-health';
export { removeJiraWebhooks } from './remove-jira-webhooks';
