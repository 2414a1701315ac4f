import type { Clock } from '../clock';
import { signWaveWebhook, WAVE_SIGNATURE_HEADER } from '../../src/domain/wave-webhook';

export interface RetryPolicy {
  /** Delay before the second attempt; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  /** How long one attempt may wait for an answer (a Forge web trigger may take 55 s). */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxAttempts: 12,
  attemptTimeoutMs: 60_000,
};

export interface DeliveryStatus {
  eventId: string;
  type: string;
  attempts: number;
  /** HTTP status of the last answer; 0 when the last attempt got none (network error, timeout). */
  lastStatus: number | null;
  lastBody: string | null;
  lastError: string | null;
  delivered: boolean;
  /** No attempt is running or scheduled any more (delivered, out of attempts, or cancelled by close()). */
  done: boolean;
  cancelled: boolean;
  nextAttemptInMs: number | null;
}

interface Delivery {
  status: DeliveryStatus;
  body: string;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
}

const MAX_KEPT_BODY = 4000;

/**
 * Sends signed events to the app as Wave would: POST, `x-wave-signature` (timestamped, signed
 * again on every attempt with the clock's time), retries of anything but 2xx with exponential
 * backoff in real time. Delivery records live in memory; close() cancels what is pending.
 */
export class WebhookSender {
  private readonly deliveries = new Map<string, Delivery>();
  private settledWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly options: {
      clock: Clock;
      signingSecret: string;
      webhookUrl: () => Promise<string>;
      retry: RetryPolicy;
    },
  ) {}

  /** Resolves after the first attempt, with the delivery's status then. */
  async deliver(eventId: string, type: string, body: string): Promise<DeliveryStatus> {
    if (this.closed) throw new Error('the Wave sandbox is closed');
    this.cancel(this.deliveries.get(eventId));
    const delivery: Delivery = {
      body,
      status: {
        eventId,
        type,
        attempts: 0,
        lastStatus: null,
        lastBody: null,
        lastError: null,
        delivered: false,
        done: false,
        cancelled: false,
        nextAttemptInMs: null,
      },
    };
    this.deliveries.set(eventId, delivery);
    await this.attempt(delivery);
    return { ...delivery.status };
  }

  get(eventId: string): DeliveryStatus | undefined {
    const delivery = this.deliveries.get(eventId);
    return delivery && { ...delivery.status };
  }

  list(): DeliveryStatus[] {
    return [...this.deliveries.values()].map((delivery) => ({ ...delivery.status }));
  }

  /** Resolves once no delivery is running or waiting for a retry. */
  whenSettled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const delivery of this.deliveries.values()) this.cancel(delivery);
    this.notifyIfSettled();
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { status } = delivery;
    delivery.timer = undefined;
    status.nextAttemptInMs = null;
    status.attempts += 1;
    const abort = new AbortController();
    delivery.abort = abort;
    const timeout = setTimeout(() => abort.abort(), this.options.retry.attemptTimeoutMs);
    try {
      const url = await this.options.webhookUrl();
      const timestamp = Math.floor(this.options.clock.now() / 1000);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Wave-Webhooks/1.0 (local sandbox)',
          [WAVE_SIGNATURE_HEADER]: signWaveWebhook({
            rawBody: delivery.body,
            secret: this.options.signingSecret,
            timestamp,
          }),
        },
        body: delivery.body,
        signal: abort.signal,
      });
      status.lastStatus = response.status;
      status.lastBody = (await response.text()).slice(0, MAX_KEPT_BODY);
      status.lastError = null;
      status.delivered = response.ok;
    } catch (error) {
      status.lastStatus = 0;
      status.lastBody = null;
      status.lastError = abort.signal.aborted
        ? 'no answer before the attempt timed out or the sandbox closed'
        : errorMessage(error);
    } finally {
      clearTimeout(timeout);
      delivery.abort = undefined;
    }
    if (status.cancelled) return;
    if (status.delivered || status.attempts >= this.options.retry.maxAttempts || this.closed) {
      status.done = true;
      this.notifyIfSettled();
      return;
    }
    const { initialDelayMs, maxDelayMs } = this.options.retry;
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (status.attempts - 1));
    status.nextAttemptInMs = delay;
    delivery.timer = setTimeout(() => void this.attempt(delivery), delay);
  }

  private cancel(delivery: Delivery | undefined): void {
    if (!delivery || delivery.status.done) return;
    clearTimeout(delivery.timer);
    delivery.abort?.abort();
    Object.assign(delivery.status, { done: true, cancelled: true, nextAttemptInMs: null });
  }

  private isSettled(): boolean {
    return [...this.deliveries.values()].every((delivery) => delivery.status.done);
  }

  private notifyIfSettled(): void {
    if (!this.isSettled()) return;
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function errorMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
