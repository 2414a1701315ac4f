import type { Clock } from '../clock';
import { deliveryHeaders, type HeaderOptions } from './delivery-headers';

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

/** `wave`: Wave's own format; `full`: the seed's full-object envelope (docs/wave-webhooks.md). */
export type WebhookFormat = 'wave' | 'full';

/** One event to send: its raw body and how to sign it. */
export interface OutgoingEvent extends HeaderOptions {
  eventId: string;
  type: string;
  format: WebhookFormat;
  body: string;
}

export interface DeliveryAnswer {
  attempt: number;
  /** When the attempt was sent, on the runtime clock. */
  at: string;
  /** HTTP status; 0 when there was none (network error, timeout). */
  status: number;
  body: string | null;
  error: string | null;
}

export interface DeliveryStatus {
  eventId: string;
  type: string;
  format: WebhookFormat;
  /** The raw body sent. */
  body: string;
  /** The headers of the last attempt (the signature, never the secret); null before the first. */
  headers: Record<string, string> | null;
  /** Every attempt's answer, oldest first. */
  answers: DeliveryAnswer[];
  /** Why Wave did not send it at all (plan, registration, OAuth scope); null when it did. */
  skipped: string | null;
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
  event: OutgoingEvent;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
}

const MAX_KEPT_BODY = 4000;

/**
 * Sends signed events to the app as Wave would: POST, `x-wave-signature` (signed again on every
 * attempt with the clock's time), retries of anything but 2xx with exponential backoff in real time.
 * Delivery records live in memory; close() cancels what is pending.
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
  async deliver(event: OutgoingEvent): Promise<DeliveryStatus> {
    if (this.closed) throw new Error('the Wave sandbox is closed');
    const delivery = this.record(event, null);
    await this.attempt(delivery);
    return snapshot(delivery.status);
  }

  /** Records an event Wave would not send, and why. */
  skip(event: OutgoingEvent, reason: string): DeliveryStatus {
    const delivery = this.record(event, reason);
    this.notifyIfSettled();
    return snapshot(delivery.status);
  }

  get(eventId: string): DeliveryStatus | undefined {
    const delivery = this.deliveries.get(eventId);
    return delivery && snapshot(delivery.status);
  }

  list(): DeliveryStatus[] {
    return [...this.deliveries.values()].map((delivery) => snapshot(delivery.status));
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

  private record(event: OutgoingEvent, skipped: string | null): Delivery {
    this.cancel(this.deliveries.get(event.eventId));
    const delivery: Delivery = {
      event,
      status: {
        eventId: event.eventId,
        type: event.type,
        format: event.format,
        body: event.body,
        headers: null,
        answers: [],
        skipped,
        attempts: 0,
        lastStatus: null,
        lastBody: null,
        lastError: null,
        delivered: false,
        done: skipped !== null,
        cancelled: false,
        nextAttemptInMs: null,
      },
    };
    this.deliveries.set(event.eventId, delivery);
    return delivery;
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { status, event } = delivery;
    delivery.timer = undefined;
    status.nextAttemptInMs = null;
    status.attempts += 1;
    const abort = new AbortController();
    delivery.abort = abort;
    const timeout = setTimeout(() => abort.abort(), this.options.retry.attemptTimeoutMs);
    const sentAt = this.options.clock.now();
    try {
      const url = await this.options.webhookUrl();
      const headers = deliveryHeaders(event.body, this.options.signingSecret, Math.floor(sentAt / 1000), event);
      status.headers = headers;
      const response = await fetch(url, { method: 'POST', headers, body: event.body, signal: abort.signal });
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
    status.answers.push({
      attempt: status.attempts,
      at: new Date(sentAt).toISOString(),
      status: status.lastStatus ?? 0,
      body: status.lastBody,
      error: status.lastError,
    });
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

function snapshot(status: DeliveryStatus): DeliveryStatus {
  return { ...status, headers: status.headers && { ...status.headers }, answers: [...status.answers] };
}

function errorMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
