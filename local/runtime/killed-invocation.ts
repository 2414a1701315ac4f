import type { FetchFunction, ForgeFetch } from './forge-globals';

/**
 * What an invocation sees of the platform once its time limit has passed. Forge kills the sandbox
 * then, so nothing it does afterwards reaches Jira, the KVS, a queue or the internet; here the code
 * keeps running in the process, so every platform call it makes fails instead (and a call still in
 * flight is aborted, as a killed sandbox's connections are).
 */
export class InvocationKilledError extends Error {
  constructor(moduleKey: string, limitMs: number) {
    super(`${moduleKey}: this invocation passed its ${Math.round(limitMs / 1000)} s time limit and was killed`);
    this.name = 'InvocationKilledError';
  }
}

export interface KillSwitch {
  signal: AbortSignal;
  error: () => InvocationKilledError;
}

function withKillSignal(init: RequestInit | undefined, signal: AbortSignal): RequestInit {
  return { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal };
}

export function killableForgeFetch(forgeFetch: ForgeFetch, kill: KillSwitch): ForgeFetch {
  return async (target, path, init) => {
    if (kill.signal.aborted) throw kill.error();
    return forgeFetch(target, path, withKillSignal(init, kill.signal));
  };
}

export function killableFetch(fetch: FetchFunction, kill: KillSwitch): FetchFunction {
  return async (input, init) => {
    if (kill.signal.aborted) throw kill.error();
    return fetch(input, withKillSignal(init, kill.signal));
  };
}
