import { AsyncLocalStorage } from 'node:async_hooks';
import type { ForgeRuntime } from '@forge/api/out/api/runtime';

/** What `@forge/api` and `@forge/kvs` pass as the first argument of `global.__forge_fetch__`. */
export interface ForgeFetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: RequestInit) => Promise<Response>;
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything one invocation sees through the globals the Forge SDKs read. */
export interface InvocationScope {
  runtime: ForgeRuntime;
  forgeFetch: ForgeFetch;
  /** What `fetch` does for the app's code during this invocation (egress allow-list, sandbox routing). */
  egressFetch: FetchFunction;
}

interface ForgeGlobals {
  __forge_runtime__?: ForgeRuntime;
  __forge_fetch__?: ForgeFetch;
  fetch: FetchFunction;
}

const ORIGINAL_FETCH = Symbol.for('local-forge-runtime.originalFetch');
type GateFunction = FetchFunction & { [ORIGINAL_FETCH]?: FetchFunction };

const globals = globalThis as unknown as ForgeGlobals;
const invocations = new AsyncLocalStorage<InvocationScope>();
let installations = 0;

export function currentInvocation(): InvocationScope | undefined {
  return invocations.getStore();
}

export function runInInvocation<T>(scope: InvocationScope, fn: () => Promise<T>): Promise<T> {
  return invocations.run(scope, fn);
}

/** The process's own fetch, never gated: for the runtime, the sandboxes and tests. */
export function originalFetch(): FetchFunction {
  return (globals.fetch as GateFunction)[ORIGINAL_FETCH] ?? globals.fetch;
}

function forgeFetch(target: ForgeFetchTarget, path: string, init?: RequestInit): Promise<Response> {
  const scope = currentInvocation();
  if (!scope)
    return Promise.reject(new Error('Forge runtime not found: __forge_fetch__ was called outside an invocation'));
  return scope.forgeFetch(target, path, init);
}

function createGate(original: FetchFunction): GateFunction {
  // Outside an invocation this is plain fetch; inside one it is the app's egress.
  const gate: GateFunction = (input, init) => {
    const scope = currentInvocation();
    return scope ? scope.egressFetch(input, init) : original(input, init);
  };
  gate[ORIGINAL_FETCH] = original;
  return gate;
}

/**
 * Defines `__forge_runtime__` (a getter: each concurrent invocation sees its own), `__forge_fetch__`,
 * and the egress gate on `globalThis.fetch`. The gate must be in place before the app first imports
 * `@forge/api`, which captures `globalThis.fetch` at import. Counted: the last `release` restores all.
 */
export function installForgeGlobals(): () => void {
  if (installations === 0) {
    Object.defineProperty(globalThis, '__forge_runtime__', {
      configurable: true,
      get: () => currentInvocation()?.runtime,
    });
    Object.defineProperty(globalThis, '__forge_fetch__', { configurable: true, writable: true, value: forgeFetch });
    if (!(globals.fetch as GateFunction)[ORIGINAL_FETCH]) globals.fetch = createGate(globals.fetch);
  }
  installations += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    installations -= 1;
    if (installations > 0) return;
    delete globals.__forge_runtime__;
    delete globals.__forge_fetch__;
    globals.fetch = originalFetch();
  };
}
