import type { ForgeFetch, ForgeFetchTarget } from './forge-globals';
import type { JiraPrincipal, JiraTarget } from './jira-target';

export type PathFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface ForgeFetchRoutes {
  kvs: (path: string, init?: { body?: string | null }) => Promise<Response>;
  jira: JiraTarget;
  stargate: PathFetch;
}

/** `global.__forge_fetch__`: routes each SDK call by its target, as Forge's proxy does. */
export function createForgeFetch(routes: ForgeFetchRoutes): ForgeFetch {
  return async (target, path, init) => {
    if (target.type === 'kvs') return routes.kvs(path, { body: typeof init?.body === 'string' ? init.body : null });
    if (target.type === 'fpp' && target.remote === 'jira') return routes.jira(principalOf(target), path, init);
    if (target.type === 'fpp' && target.remote === 'stargate') return routes.stargate(path, init);
    throw new Error(
      `The local Forge runtime does not serve ${JSON.stringify(pick(target))} (path ${path.split('?')[0]})`,
    );
  };
}

function principalOf(target: ForgeFetchTarget): JiraPrincipal {
  if (target.provider === 'user') {
    if (!target.accountId) throw new Error('asUser() needs an accountId: this invocation has no user');
    return { kind: 'user', accountId: target.accountId };
  }
  if (target.provider === 'none' || target.provider === 'app') return { kind: 'app' };
  throw new Error(`Unsupported provider for Jira: ${String(target.provider)}`);
}

function pick({ type, provider, remote }: ForgeFetchTarget): ForgeFetchTarget {
  return { type, provider, remote };
}
