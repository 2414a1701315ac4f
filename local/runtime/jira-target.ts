import type { FetchFunction } from './forge-globals';

/** Who a product call acts as: the app (`asApp()`, plain `requestJira`) or a user (`asUser()`). */
export type JiraPrincipal = { kind: 'app' } | { kind: 'user'; accountId: string };

/** A real Jira Cloud site, reached with basic auth (an API token) instead of the sandbox. */
export interface RealJiraSite {
  baseUrl: string;
  email: string;
  apiToken: string;
}

export interface JiraTargetOptions {
  /** The Jira sandbox base, e.g. `http://127.0.0.1:8080/jira`. */
  sandboxUrl: () => string;
  realSite?: RealJiraSite;
  fetch: FetchFunction;
}

export type JiraTarget = (principal: JiraPrincipal, path: string, init?: RequestInit) => Promise<Response>;

export function realJiraSiteFromEnv(env: NodeJS.ProcessEnv): RealJiraSite | undefined {
  const { JIRA_BASE_URL: baseUrl, JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken } = env;
  return baseUrl && email && apiToken ? { baseUrl: baseUrl.replace(/\/+$/, ''), email, apiToken } : undefined;
}

/**
 * Sends a product call where Forge's proxy would: the sandbox, naming the principal in
 * `x-forge-principal`; or the real site, where the API token's owner stands in for every principal.
 */
export function createJiraTarget(options: JiraTargetOptions): JiraTarget {
  return async (principal, path, init) => {
    const headers = new Headers(init?.headers);
    const site = options.realSite;
    if (site) {
      headers.set('authorization', `Basic ${Buffer.from(`${site.email}:${site.apiToken}`).toString('base64')}`);
      return options.fetch(`${site.baseUrl}${path}`, { ...init, headers });
    }
    headers.set('x-forge-principal', principal.kind === 'app' ? 'app' : `user:${principal.accountId}`);
    return options.fetch(`${options.sandboxUrl()}${path}`, { ...init, headers });
  };
}
