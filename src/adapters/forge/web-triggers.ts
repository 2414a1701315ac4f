import type { webTrigger as WebTrigger } from '@forge/api';

/**
 * The web trigger modules of manifest.yml, the one home of their keys (the app, the keeper and the local
 * server name them from here), and the lookup of this installation's URL of one.
 */
export const WEB_TRIGGER_KEYS = {
  /** Wave's webhooks post here. */
  waveWebhook: 'wave-webhook',
  /** Wave's OAuth redirect URI. */
  waveOAuthCallback: 'wave-oauth-callback',
  /** Jira's dynamic webhooks post here (with the app's token in the query). */
  jiraWebhook: 'jira-webhook',
} as const;

export type WebTriggerKey = (typeof WEB_TRIGGER_KEYS)[keyof typeof WEB_TRIGGER_KEYS];

/** This installation's URL of a web trigger (stable for the installation; a bearer capability: never log it). */
export function webTriggerUrl(key: WebTriggerKey): Promise<string> {
  // Loaded on first use: the local server imports the keys before the runtime is up, and `@forge/api`
  // captures `fetch` when it is first loaded (see installation.ts).
  const { webTrigger } = require('@forge/api') as { webTrigger: typeof WebTrigger };
  return webTrigger.getUrl(key);
}
