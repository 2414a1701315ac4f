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

/**
 * Runs one platform call with a signal the kill aborts. Each call gets its own child signal whose listener on the
 * invocation's kill signal is removed when the call ends: a long invocation makes thousands of calls, and a
 * listener left behind per call would pile up on the one signal.
 */
async function killable<T>(kill: KillSwitch, init: RequestInit | undefined, call: (init: RequestInit) => Promise<T>) {
  if (kill.signal.aborted) throw kill.error();
  const child = new AbortController();
  const onKill = () => child.abort(kill.signal.reason);
  kill.signal.addEventListener('abort', onKill, { once: true });
  try {
    const signal = init?.signal ? AbortSignal.any([init.signal, child.signal]) : child.signal;
    return await call({ ...init, signal });
  } finally {
    kill.signal.removeEventListener('abort', onKill);
  }
}

export function killableForgeFetch(forgeFetch: ForgeFetch, kill: KillSwitch): ForgeFetch {
  return (target, path, init) => killable(kill, init, (signalled) => forgeFetch(target, path, signalled));
}

export function killableFetch(fetch: FetchFunction, kill: KillSwitch): FetchFunction {
  return (input, init) => killable(kill, init, (signalled) => fetch(input, signalled));
}
