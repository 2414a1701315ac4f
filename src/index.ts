/** The handlers manifest.yml names: wiring only, the work is in entry/ and usecases/. */
export { waveWebhook } from './entry/webtrigger/wave-webhook';
export { waveOAuthCallback } from './entry/webtrigger/wave-oauth-callback';
export { jiraIssueEvents } from './entry/triggers/jira-issue-events';
export { resolver } from './entry/resolvers';
export { jiraWebhook } from './entry/webtrigger/jira-webhook';
export { keeper } from './entry/scheduled/keeper';
export { wavePoll } from './entry/scheduled/wave-poll';
export { workConsumer } from './entry/consumers/work-consumer';
export { appUninstalling } from './entry/lifecycle/app-uninstalling';
