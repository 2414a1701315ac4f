import { getAppConfig, saveAppConfig } from '../src/adapters/storage/config';
import {
  getWaveTokens,
  getWebhookVerificationSecrets,
  rotateWebhookSigningSecret,
  saveWaveOAuthClient,
  saveWaveTokens,
} from '../src/adapters/storage/secrets';
import { markWaveConnected } from '../src/adapters/storage/wave-connection';
import type { LocalStack } from './server';

/** The project the local stack syncs into out of the box (seeded by the Jira sandbox). */
export const LOCAL_DEFAULT_PROJECT = 'BILL';

/**
 * Pre-configures the app as an admin would on a fresh install: BILL as the project, the Wave
 * sandbox connected, the sandbox's signing secret set. Runs inside the app's own runtime context
 * (the app's KVS), keeps what an admin changed since, and never prints a secret.
 */
export async function seedLocalApp(stack: LocalStack, projectKey: string = LOCAL_DEFAULT_PROJECT): Promise<void> {
  await stack.runtime.runAsApp(async () => {
    const config = await getAppConfig();
    const businessId = stack.wave.businessId;
    if (!config.defaultProjectKey || !config.connectedBusinessId) {
      await saveAppConfig({
        ...config,
        defaultProjectKey: config.defaultProjectKey ?? projectKey,
        connectedBusinessId: config.connectedBusinessId ?? businessId,
      });
    }
    const secrets = await getWebhookVerificationSecrets(stack.clock.now());
    if (secrets[0] !== stack.waveSigningSecret)
      await rotateWebhookSigningSecret(stack.waveSigningSecret, { now: stack.clock.now() });
    const client = stack.waveClient();
    if (client.clientId && client.clientSecret)
      await saveWaveOAuthClient({ clientId: client.clientId, clientSecret: client.clientSecret });
    if (!client.real && !(await getWaveTokens())) {
      const tokens = stack.wave.issueTokens();
      await saveWaveTokens({
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: stack.clock.now() + tokens.expires_in * 1000,
        ...(tokens.scope ? { scope: tokens.scope } : {}),
        businessId,
      });
      await markWaveConnected(stack.clock.now());
    }
  });
}
