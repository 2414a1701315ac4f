import type { InstallationIdentity } from './invocation-runtime';
import { contextAriOf } from './invocation-runtime';
import type { InvocationOutcome, InvokeRequest } from './invoker';
import type { JiraTarget } from './jira-target';
import type { PageModule } from './manifest';

/** Which page a bridge call comes from; embedded in the page by the injected bridge script. */
export interface PageOrigin {
  moduleKey: string;
  projectKey?: string;
  /** The `?as=` user the page was opened as, if any. */
  accountId?: string;
}

export interface BridgeAnswer {
  status: number;
  body: { ok: true; value: unknown } | { ok: false; error: string };
}

export interface BridgeOptions {
  pages: readonly PageModule[];
  identity: InstallationIdentity;
  siteUrl: () => string;
  invoke: (request: InvokeRequest) => Promise<InvocationOutcome>;
  jira: JiraTarget;
  /** The acting user when the page names none (`POST /_local/actor`). */
  actor: () => string;
}

type BridgeCall = (
  options: BridgeOptions,
  page: PageModule,
  accountId: string,
  origin: PageOrigin,
  payload: unknown,
) => Promise<BridgeAnswer>;

/** The server side of `@forge/bridge` calls that need the backend: `invoke`, `getContext`, `requestJira`. */
export async function handleBridgeCall(
  options: BridgeOptions,
  name: string,
  origin: PageOrigin,
  payload: unknown,
): Promise<BridgeAnswer> {
  const page = options.pages.find((candidate) => candidate.key === origin.moduleKey);
  if (!page) return failure(400, `no Custom UI module '${origin.moduleKey}' in the manifest`);
  const call = CALLS[name];
  if (!call) return failure(400, `the bridge call '${name}' is not supported by the local runtime`);
  const accountId = origin.accountId ?? options.actor();
  try {
    return await call(options, page, accountId, origin, payload);
  } catch (error) {
    return failure(502, error instanceof Error ? error.message : String(error));
  }
}

const CALLS: Record<string, BridgeCall> = {
  getContext: async (options, page, accountId, origin) => ({
    status: 200,
    body: { ok: true, value: await customUiContext(options, page, accountId, origin) },
  }),
  invoke: invokeResolver,
  fetchProduct: fetchProduct,
};

async function invokeResolver(
  options: BridgeOptions,
  page: PageModule,
  accountId: string,
  origin: PageOrigin,
  payload: unknown,
): Promise<BridgeAnswer> {
  if (!page.resolverFunction) return failure(400, `module '${page.key}' has no resolver`);
  const {
    functionKey,
    payload: resolverPayload,
    metadata,
  } = (payload ?? {}) as { functionKey?: unknown; payload?: unknown; metadata?: unknown };
  if (typeof functionKey !== 'string') return failure(400, 'invoke needs a functionKey');
  const context = await customUiContext(options, page, accountId, origin);
  const backendPayload = { principal: { accountId }, installContext: contextAriOf(options.identity) };
  const outcome = await options.invoke({
    functionKey: page.resolverFunction,
    moduleKey: page.key,
    kind: 'resolver',
    args: [{ call: { functionKey, payload: resolverPayload, jobId: undefined }, context }, backendPayload],
  });
  if (outcome.status === 'timeout')
    return failure(504, 'There was an error invoking the function - the function timed out');
  if (outcome.status === 'error') {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return failure(500, `There was an error invoking the function - ${message}`);
  }
  // With metadata, @forge/bridge expects the answer wrapped as {body, metadata}.
  return {
    status: 200,
    body: { ok: true, value: metadata === undefined ? outcome.value : { body: outcome.value, metadata: {} } },
  };
}

async function fetchProduct(
  options: BridgeOptions,
  _page: PageModule,
  accountId: string,
  _origin: PageOrigin,
  payload: unknown,
): Promise<BridgeAnswer> {
  const { product, restPath, fetchRequestInit } = (payload ?? {}) as {
    product?: unknown;
    restPath?: unknown;
    fetchRequestInit?: { method?: string; body?: string | null; headers?: [string, string][] };
  };
  if (product !== 'jira') return failure(400, `requestJira only: the local runtime has no '${String(product)}'`);
  if (typeof restPath !== 'string' || !restPath.startsWith('/')) return failure(400, 'restPath must start with /');
  const response = await options.jira({ kind: 'user', accountId }, restPath, {
    method: fetchRequestInit?.method ?? 'GET',
    headers: fetchRequestInit?.headers ?? [],
    body: fetchRequestInit?.body ?? undefined,
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((headerValue, name) => {
    headers[name] = headerValue;
  });
  const value = {
    body: await response.text(),
    headers,
    status: response.status,
    statusText: response.statusText,
    isAttachment: false,
  };
  return { status: 200, body: { ok: true, value } };
}

/** What `view.getContext()` returns in a Jira admin or project settings page. */
export async function customUiContext(
  options: BridgeOptions,
  page: PageModule,
  accountId: string,
  origin: PageOrigin,
): Promise<Record<string, unknown>> {
  const { appId, environmentId, cloudId } = options.identity;
  const extension: Record<string, unknown> = { type: page.type };
  if (page.type === 'jira:projectSettingsPage') extension.project = await projectOf(options, origin.projectKey);
  return {
    accountId,
    cloudId,
    workspaceId: cloudId,
    localId: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${page.key}`,
    moduleKey: page.key,
    siteUrl: options.siteUrl(),
    environmentId,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: 'light' },
    surfaceColor: null,
    extension,
  };
}

async function projectOf(
  options: BridgeOptions,
  projectKey: string | undefined,
): Promise<{ id: string; key: string; type: string }> {
  if (!projectKey) throw new Error('a project settings page needs a project key');
  const response = await options.jira({ kind: 'app' }, `/rest/api/3/project/${encodeURIComponent(projectKey)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`project ${projectKey}: Jira answered ${response.status}`);
  const project = (await response.json()) as { id: string; key: string; projectTypeKey?: string };
  return { id: project.id, key: project.key, type: project.projectTypeKey ?? 'software' };
}

function failure(status: number, error: string): BridgeAnswer {
  return { status, body: { ok: false, error } };
}
