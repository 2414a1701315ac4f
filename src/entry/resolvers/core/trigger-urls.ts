import { webTrigger } from '@forge/api';

/** Web trigger module keys from manifest.yml. */
export const WAVE_WEBHOOK_TRIGGER_KEY = 'wave-webhook';
export const WAVE_OAUTH_CALLBACK_TRIGGER_KEY = 'wave-oauth-callback';

/** This installation's URL of a web trigger (stable for the installation). */
export function triggerUrl(key: string): Promise<string> {
  return webTrigger.getUrl(key);
}
