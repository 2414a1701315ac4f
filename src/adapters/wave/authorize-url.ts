import { buildAuthorizeUrl } from './wave-oauth';

/**
 * Wave's authorize page. `WAVE_AUTHORIZE_URL` (a Forge environment variable; the local stack sets it to
 * its Wave sandbox) replaces only where the browser is sent; the query is always the app's own.
 */
export function waveAuthorizeUrl(params: { clientId: string; redirectUri: string; state: string }): string {
  const url = new URL(buildAuthorizeUrl(params));
  const override = process.env.WAVE_AUTHORIZE_URL;
  if (!override) return url.toString();
  const base = new URL(override);
  url.protocol = base.protocol;
  url.host = base.host;
  url.pathname = base.pathname;
  return url.toString();
}
