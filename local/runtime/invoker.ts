import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { runInInvocation, type ForgeFetch, type FetchFunction } from './forge-globals';
import type { Handler } from './handlers';
import { createInvocationRuntime, type InstallationIdentity } from './invocation-runtime';
import { InvocationKilledError, killableFetch, killableForgeFetch, type KillSwitch } from './killed-invocation';
import { invocationTimeoutMs, type ModuleKind, type TimeLimitSettings } from './limits';
import type { RuntimeLog } from './log';
import type { AppManifest } from './manifest';

export interface InvokeRequest {
  functionKey: string;
  moduleKey: string;
  kind: ModuleKind;
  args: unknown[];
}

export type InvocationOutcome =
  | { status: 'ok'; value: unknown; ms: number }
  | { status: 'error'; error: unknown; ms: number }
  | { status: 'timeout'; ms: number };

/** One finished invocation, as the log line shows it. */
export interface InvocationRecord {
  moduleKey: string;
  kind: ModuleKind;
  outcome: InvocationOutcome['status'];
  ms: number;
}

const HISTORY_SIZE = 500;

export interface InvokerOptions {
  manifest: AppManifest;
  handlers: Map<string, Handler>;
  identity: InstallationIdentity;
  /** Read at each invocation: the limits may change at runtime. */
  timeLimits: () => TimeLimitSettings;
  log: RuntimeLog;
  forgeFetch: ForgeFetch;
  egressFetch: FetchFunction;
}

/**
 * Runs one handler as one Forge invocation: its own `__forge_runtime__`, its time limit (past which
 * its platform calls fail, as Forge kills it), one log line.
 */
export class Invoker {
  private readonly running = new Set<Promise<unknown>>();
  private readonly records: InvocationRecord[] = [];

  constructor(private readonly options: InvokerOptions) {}

  async invoke(request: InvokeRequest): Promise<InvocationOutcome> {
    const { manifest, handlers, identity, log } = this.options;
    const fn = manifest.functions.get(request.functionKey);
    const handler = handlers.get(request.functionKey);
    if (!fn || !handler) throw new Error(`function '${request.functionKey}' is not declared in the manifest`);
    const timeoutMs = invocationTimeoutMs(request.kind, fn.timeoutSeconds, this.options.timeLimits());
    const runtime = createInvocationRuntime(identity, manifest, {
      moduleKey: request.moduleKey,
      moduleType: request.kind,
      functionKey: request.functionKey,
      handler: `${fn.file}.${fn.exportName}`,
      timeoutMs,
    });
    const killer = new AbortController();
    // One listener per platform call in flight: an invocation may run many at once (Promise.all).
    setMaxListeners(1_000, killer.signal);
    const kill: KillSwitch = {
      signal: killer.signal,
      error: () => new InvocationKilledError(request.moduleKey, timeoutMs),
    };
    const started = performance.now();
    const run = runInInvocation(
      {
        runtime,
        forgeFetch: killableForgeFetch(this.options.forgeFetch, kill),
        egressFetch: killableFetch(this.options.egressFetch, kill),
      },
      async () => handler(...request.args),
    );
    // A timed-out handler keeps running in this process, but every platform call it makes fails.
    this.running.add(run);
    void run.then(
      () => this.running.delete(run),
      () => this.running.delete(run),
    );
    const outcome = await withTimeout(run, timeoutMs, () => killer.abort(kill.error()));
    const ms = performance.now() - started;
    log.invocation(request.moduleKey, describe(outcome), ms);
    this.records.push({ moduleKey: request.moduleKey, kind: request.kind, outcome: outcome.status, ms });
    if (this.records.length > HISTORY_SIZE) this.records.shift();
    return { ...outcome, ms } as InvocationOutcome;
  }

  /**
   * Runs local tooling code (the stack's seeding) as the app, outside any module: it sees the app's
   * KVS and product APIs exactly as a handler does.
   */
  runAsApp<T>(work: () => Promise<T>): Promise<T> {
    const runtime = createInvocationRuntime(this.options.identity, this.options.manifest, {
      moduleKey: 'local-tooling',
      moduleType: 'trigger',
      functionKey: 'local-tooling',
      handler: 'local.tooling',
      timeoutMs: 60_000,
    });
    return runInInvocation(
      { runtime, forgeFetch: this.options.forgeFetch, egressFetch: this.options.egressFetch },
      work,
    );
  }

  /** The last invocations, oldest first. */
  history(): InvocationRecord[] {
    return [...this.records];
  }

  /** Resolves once every handler started so far has returned, including timed-out ones. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

type RawOutcome = { status: 'ok'; value: unknown } | { status: 'error'; error: unknown } | { status: 'timeout' };

/** The handler's outcome, or `timeout` (calling onTimeout) once timeoutMs passes; Infinity never times out. */
function withTimeout(run: Promise<unknown>, timeoutMs: number, onTimeout: () => void): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          onTimeout();
          resolve({ status: 'timeout' });
        }, timeoutMs)
      : undefined;
    run.then(
      (value) => {
        clearTimeout(timer);
        resolve({ status: 'ok', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'error', error });
      },
    );
  });
}

function describe(outcome: RawOutcome): string {
  if (outcome.status !== 'error') return outcome.status;
  const error = outcome.error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `error (${text.split('\n')[0]?.slice(0, 200)})`;
}
