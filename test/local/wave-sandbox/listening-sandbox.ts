import type { RuntimeClock } from '../../../local/clock';
import type { RetryPolicy } from '../../../local/wave-sandbox';
import { startSandbox, type Running } from './harness';
import { startListener } from './listener';
import { FAST_RETRY } from './wave-wire';

export interface ListeningOptions {
  /** The listener's scripted answers, then `fallbackStatus` (default 200). */
  statuses?: number[];
  fallbackStatus?: number;
  retry?: Partial<RetryPolicy>;
  clock?: RuntimeClock;
  dataDir?: string;
  /** Where webhooks go instead of the listener. */
  webhookUrl?: () => Promise<string>;
  /** Give the app an OAuth grant with invoice:read (default true): without one Wave sends nothing. */
  grant?: boolean;
}

export interface ListeningSandbox {
  running: Running;
  listener: Awaited<ReturnType<typeof startListener>>;
  /** Closes both and starts them again with these options over the defaults. */
  restart(options?: ListeningOptions): Promise<void>;
}

/** For each test: a Wave sandbox whose webhooks go to a recording listener, with fast retries. */
export function useListeningSandbox(defaults: () => ListeningOptions = () => ({})): ListeningSandbox {
  const context = {} as ListeningSandbox;
  const start = async (options: ListeningOptions) => {
    context.listener = await startListener(options.statuses ?? [], options.fallbackStatus);
    const { url } = context.listener;
    context.running = await startSandbox({
      webhookUrl: options.webhookUrl ?? (async () => url),
      retry: options.retry ?? FAST_RETRY,
      ...(options.clock && { clock: options.clock }),
      ...(options.dataDir && { dataDir: options.dataDir }),
    });
    if (options.grant ?? true) context.running.sandbox.control.issueTokens();
  };
  const stop = async () => {
    await context.running.close();
    await context.listener.close();
  };
  context.restart = async (options = {}) => {
    await stop();
    await start({ ...defaults(), ...options });
  };
  beforeEach(() => start(defaults()));
  afterEach(stop);
  return context;
}
