import { BridgeRefusal } from './bridge-refusal';
import type { UiModule } from './manifest';
import type { PageOrigin } from './page-origin';

export interface NavigationSite {
  /** The stack's base (`http://127.0.0.1:8080`): where the app's own pages are. */
  baseUrl: string;
  /** Jira's site URL (`<base>/jira`): relative URLs and Jira targets resolve against it. */
  siteUrl: string;
  modules: readonly UiModule[];
  origin: PageOrigin;
}

/**
 * The absolute URL `router.navigate`, `router.open` and `router.getUrl` go to: a URL (relative ones are
 * relative to the Jira site, as in Jira), or a NavigationLocation (`{target: 'issue', issueKey}`,
 * `{target: 'dashboard', dashboardId}`, `{target: 'module', moduleKey}`). Targets without a page on the
 * local stack are refused with a message saying so.
 */
export function navigationUrl(location: unknown, site: NavigationSite): string {
  if (typeof location !== 'object' || location === null) throw new BridgeRefusal(400, 'a location must be given');
  const { url, target } = location as { url?: unknown; target?: unknown };
  if (typeof url === 'string') return absoluteUrl(url, site.siteUrl);
  const field = (name: string): string => {
    const value = (location as Record<string, unknown>)[name];
    if (typeof value !== 'string' || value === '')
      throw new BridgeRefusal(400, `target '${String(target)}' needs ${name}`);
    return value;
  };
  switch (target) {
    case 'issue':
      return `${site.siteUrl}/browse/${encodeURIComponent(field('issueKey'))}`;
    case 'dashboard':
      return `${site.siteUrl}/dashboards/${encodeURIComponent(field('dashboardId'))}`;
    case 'module':
      return modulePageUrl(field('moduleKey'), location as { projectKey?: unknown }, site);
    default:
      throw new BridgeRefusal(400, `navigation target '${String(target)}' has no page on the local stack`);
  }
}

function modulePageUrl(moduleKey: string, location: { projectKey?: unknown }, site: NavigationSite): string {
  const module = site.modules.find((candidate) => candidate.key === moduleKey);
  if (module?.type === 'jira:adminPage') return `${site.baseUrl}/admin/`;
  if (module?.type === 'jira:projectSettingsPage') {
    const projectKey = typeof location.projectKey === 'string' ? location.projectKey : site.origin.projectKey;
    if (!projectKey) throw new BridgeRefusal(400, `module '${moduleKey}' needs projectKey`);
    return `${site.baseUrl}/projects/${encodeURIComponent(projectKey)}/settings/`;
  }
  throw new BridgeRefusal(400, `module '${moduleKey}' is not a page of this app`);
}

function absoluteUrl(url: string, siteUrl: string): string {
  let resolved: URL;
  try {
    resolved = url.startsWith('/') ? new URL(`${siteUrl}${url}`) : new URL(url);
  } catch {
    throw new BridgeRefusal(400, `not a URL: ${url.slice(0, 200)}`);
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')
    throw new BridgeRefusal(400, `only http and https URLs can be opened, not ${resolved.protocol}`);
  return resolved.toString();
}
