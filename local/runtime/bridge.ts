import { BridgeRefusal } from './bridge-refusal';
import { customUiContext, gadgetPlace, type ContextSources } from './extension-context';
import { contextAriOf } from './invocation-runtime';
import type { InvocationOutcome, InvokeRequest } from './invoker';
import type { UiModule } from './manifest';
import { navigationUrl } from './navigation';
import type { PageOrigin } from './page-origin';

export type { PageOrigin } from './page-origin';

export interface BridgeAnswer {
  status: number;
  body: { ok: true; value: unknown } | { ok: false; error: string };
}

export interface BridgeOptions extends ContextSources {
  modules: readonly UiModule[];
  /** The stack's base URL (the app's own pages live there). */
  baseUrl: () => string;
  invoke: (request: InvokeRequest) => Promise<InvocationOutcome>;
  /** The acting user when the page names none (`POST /_local/actor`). */
  actor: () => string;
}

type BridgeCall = (
  options: BridgeOptions,
  module: UiModule,
  accountId: string,
  origin: PageOrigin,
  payload: unknown,
) => Promise<BridgeAnswer>;

/**
 * The server side of `@forge/bridge` calls that need the backend: `getContext`, `invoke`, `requestJira`
 * (`fetchProduct`), `submit` (a gadget's edit view) and `getUrl` (router locations). The calls a frame
 * answers itself are in `bridge-script.ts`.
 */
export async function handleBridgeCall(
  options: BridgeOptions,
  name: string,
  origin: PageOrigin,
  payload: unknown,
): Promise<BridgeAnswer> {
  const module = options.modules.find((candidate) => candidate.key === origin.moduleKey);
  if (!module) return failure(400, `no Custom UI module '${origin.moduleKey}' in the manifest`);
  const call = Object.prototype.hasOwnProperty.call(CALLS, name) ? CALLS[name] : undefined;
  if (!call) return failure(400, `the bridge call '${name}' is not supported by the local runtime`);
  const accountId = origin.accountId ?? options.actor();
  try {
    return await call(options, module, accountId, origin, payload);
  } catch (error) {
    if (error instanceof BridgeRefusal) return failure(error.status, error.message);
    return failure(502, error instanceof Error ? error.message : String(error));
  }
}

const invokeResolver: BridgeCall = async (options, module, accountId, origin, payload) => {
  if (!module.resolverFunction) return failure(400, `module '${module.key}' has no resolver`);
  const {
    functionKey,
    payload: resolverPayload,
    metadata,
  } = (payload ?? {}) as { functionKey?: unknown; payload?: unknown; metadata?: unknown };
  if (typeof functionKey !== 'string') return failure(400, 'invoke needs a functionKey');
  const context = await customUiContext(options, module, accountId, origin);
  const backendPayload = { principal: { accountId }, installContext: contextAriOf(options.identity) };
  const outcome = await options.invoke({
    functionKey: module.resolverFunction,
    moduleKey: module.key,
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
  return success(metadata === undefined ? outcome.value : { body: outcome.value, metadata: {} });
};

const fetchProduct: BridgeCall = async (options, _module, accountId, _origin, payload) => {
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
  return success({
    body: await response.text(),
    headers,
    status: response.status,
    statusText: response.statusText,
    isAttachment: false,
  });
};

/**
 * `view.submit(configuration)`: only a gadget's edit view is submittable; Jira stores what it submits as
 * the gadget's configuration (then shows the view). Elsewhere the answer is false, which `@forge/bridge`
 * turns into "this resource's view is not submittable."
 */
const submitView: BridgeCall = async (options, module, accountId, origin, payload) => {
  if (module.type !== 'jira:dashboardGadget' || origin.entryPoint !== 'edit') return success(false);
  gadgetPlace(options, module, accountId, origin);
  const host = options.host();
  const saved = host?.saveGadgetConfiguration(
    origin.dashboardId as string,
    origin.gadgetId as string,
    accountId,
    payload,
  );
  if (!saved) return failure(501, 'this local runtime has no Jira to host gadgets');
  return saved.ok ? success(true) : failure(saved.status, saved.error);
};

function success(value: unknown): BridgeAnswer {
  return { status: 200, body: { ok: true, value } };
}

function failure(status: number, error: string): BridgeAnswer {
  return { status, body: { ok: false, error } };
}

const CALLS: Record<string, BridgeCall> = {
  getContext: async (options, module, accountId, origin) =>
    success(await customUiContext(options, module, accountId, origin)),
  invoke: invokeResolver,
  fetchProduct,
  submit: submitView,
  getUrl: async (options, _module, _accountId, origin, payload) =>
    success(
      navigationUrl(payload, {
        baseUrl: options.baseUrl(),
        siteUrl: options.siteUrl(),
        modules: options.modules,
        origin,
      }),
    ),
};
