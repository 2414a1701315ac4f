import { WEB_TRIGGER_KEYS, webTriggerUrl } from '../../adapters/forge/web-triggers';
import { createOAuthState } from '../../adapters/storage/oauth-state';
import { getWaveOAuthClient } from '../../adapters/storage/secrets';
import { waveAuthorizeUrl } from '../../adapters/wave/authorize-url';
import { NotConfiguredError } from '../../shared/errors';

/** "Connect to Wave": Wave's consent page for this admin, with a fresh `state` the callback will check. */
export async function startWaveOAuth(accountId: string, now: number): Promise<{ authorizeUrl: string }> {
  const client = await getWaveOAuthClient();
  if (!client) throw new NotConfiguredError('Save the Wave OAuth client id and secret first, then connect.');
  const redirectUri = await webTriggerUrl(WEB_TRIGGER_KEYS.waveOAuthCallback);
  const state = await createOAuthState({ accountId, redirectUri }, now);
  return { authorizeUrl: waveAuthorizeUrl({ clientId: client.clientId, redirectUri, state }) };
}
