import type { Site, Principal } from '../site';
import { hashApiToken } from './api-tokens';

export interface RequestCredentials {
  authorization?: string;
  forgePrincipal?: string;
}

/** No credentials (undefined), credentials that identify a caller, or credentials Jira refuses. */
export type Authentication = { principal: Principal } | { refused: true } | undefined;

/**
 * Jira's own authentication: `Authorization: Basic base64(email:apiToken)` or `Authorization: Bearer
 * <apiToken>`, each acting as the token's user; without an Authorization header, the local runtime's
 * `x-forge-principal` (`app` or `user:<accountId>`), standing for the Forge proxy's signed identity.
 */
export function authenticate(site: Site, credentials: RequestCredentials): Authentication {
  const header = credentials.authorization?.trim();
  if (header) return authorizationHeader(site, header);
  const principal = site.principal(credentials.forgePrincipal);
  return principal ? { principal } : undefined;
}

function authorizationHeader(site: Site, header: string): Authentication {
  const [scheme = '', value = ''] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { refused: true };
    const email = decoded.slice(0, colon).toLowerCase();
    const user = userForToken(site, decoded.slice(colon + 1));
    if (!user || user.emailAddress?.toLowerCase() !== email) return { refused: true };
    return { principal: { kind: 'user', user, via: 'basic' } };
  }
  if (scheme.toLowerCase() === 'bearer') {
    const user = userForToken(site, value);
    return user ? { principal: { kind: 'user', user, via: 'bearer' } } : { refused: true };
  }
  return { refused: true };
}

function userForToken(site: Site, token: string) {
  if (token === '') return undefined;
  // Looked up by the token's hash: the token itself is never kept or compared.
  const record = site.state.apiToken(hashApiToken(token));
  if (!record) return undefined;
  const user = site.user(record.accountId);
  return user?.accountType === 'atlassian' ? user : undefined;
}
