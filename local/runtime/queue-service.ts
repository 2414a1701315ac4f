import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { ClockAlarm } from './clock-alarm';
import type { InvocationOutcome, InvokeRequest } from './invoker';
import { MAX_EVENT_RETRIES, MAX_RETRY_AFTER_SECONDS, type QueueLimitSettings } from './limits';
import type { RuntimeLog } from './log';
import type { ConsumerModule } from './manifest';
import { QueueLimits, type QueueUsage } from './queue-limits';

/** What a consumer function receives (`AsyncEvent` of `@forge/events`). */
export interface AsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

interface PendingEvent {
  event: AsyncEvent;
  consumer: ConsumerModule;
  /** Runtime-clock ms from which it may run. */
  dueAt: number;
  seq: number;
}

interface JobCounts {
  success: number;
  inProgress: number;
  failed: number;
}

export interface QueueAnswer {
  status: number;
  body?: unknown;
}

export interface QueueServiceOptions {
  consumers: readonly ConsumerModule[];
  clock: Clock;
  invoke: (request: InvokeRequest) => Promise<InvocationOutcome>;
  consumerContext: () => Record<string, unknown>;
  concurrency: number;
  log: RuntimeLog;
  /** Forge's async-events limits, read at each push. */
  limits: () => QueueLimitSettings;
  /** The `timeoutSeconds` of a consumer's function (bigger timeouts take smaller events). */
  timeoutSecondsOf: (functionKey: string) => number | undefined;
}

/**
 * Forge async events: `Queue.push` lands here (through the stargate route) within Forge's limits
 * (events per push and per minute, bytes per push and per event), each event is delivered
 * to its queue's consumer once due, at most `concurrency` at a time (and per `concurrency.key`),
 * and retried when the consumer returns an `InvocationError` (or times out), up to 4 retries.
 * A consumer that throws is not retried: only an explicit retry request is.
 */
export class QueueService {
  private readonly pending: PendingEvent[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly runningByKey = new Map<string, number>();
  private readonly jobs = new Map<string, JobCounts>();
  private readonly alarm: ClockAlarm;
  private readonly limits: QueueLimits;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: QueueServiceOptions) {
    this.alarm = new ClockAlarm(options.clock, () => this.dispatch());
    this.limits = new QueueLimits(() => options.clock.now(), options.limits);
  }

  /** Pushes and events accepted, and pushes refused by a limit, since the start or the last reset. */
  usage(): QueueUsage {
    return this.limits.usage();
  }

  resetUsage(): void {
    this.limits.resetUsage();
  }

  /** Answers `POST /webhook/queue/publish/...` as `@forge/events`' validator expects. */
  publish(request: unknown): QueueAnswer {
    if (
      !isRecord(request) ||
      typeof request.queueName !== 'string' ||
      typeof request.jobId !== 'string' ||
      !Array.isArray(request.payload)
    ) {
      return { status: 400, body: { code: 'BAD_REQUEST', message: 'a push needs queueName, jobId and payload' } };
    }
    const consumer = this.options.consumers.find((module) => module.queue === request.queueName);
    if (!consumer)
      return {
        status: 400,
        body: { code: 'INVALID_QUEUE', message: `no consumer module listens on queue '${request.queueName}'` },
      };
    const refused = this.limits.admit(request.payload, this.options.timeoutSecondsOf(consumer.function));
    if (refused) return refused;
    const now = this.options.clock.now();
    const jobId = request.jobId;
    for (const pushed of request.payload as Record<string, unknown>[]) {
      const event: AsyncEvent = {
        ...(pushed as object),
        body: pushed.body as Record<string, unknown>,
        queueName: request.queueName,
        jobId,
        eventId: randomUUID(),
      };
      const delaySeconds = typeof pushed.delayInSeconds === 'number' ? pushed.delayInSeconds : 0;
      this.enqueue({ event, consumer, dueAt: now + delaySeconds * 1000, seq: 0 });
      this.job(jobId).inProgress += 1;
    }
    this.dispatch();
    return { status: 201, body: {} };
  }

  stats(request: unknown): QueueAnswer {
    const counts = isRecord(request) && typeof request.jobId === 'string' ? this.jobs.get(request.jobId) : undefined;
    return counts ? { status: 200, body: { ...counts } } : { status: 404, body: { message: 'job not found' } };
  }

  cancel(request: unknown): QueueAnswer {
    const jobId = isRecord(request) && typeof request.jobId === 'string' ? request.jobId : undefined;
    const counts = jobId === undefined ? undefined : this.jobs.get(jobId);
    if (!counts) return { status: 404, body: { message: 'job not found' } };
    for (let index = this.pending.length - 1; index >= 0; index -= 1) {
      if (this.pending[index]?.event.jobId === jobId) {
        this.pending.splice(index, 1);
        counts.inProgress -= 1;
      }
    }
    this.armAlarm();
    return { status: 204 };
  }

  /** Runtime-clock time of the earliest waiting event, if any. */
  nextDueAt(): number | undefined {
    return this.pending.reduce<number | undefined>(
      (earliest, item) => (earliest === undefined || item.dueAt < earliest ? item.dueAt : earliest),
      undefined,
    );
  }

  /** Starts every due event the concurrency limits allow. */
  dispatch(): void {
    if (this.closed) return;
    const now = this.options.clock.now();
    for (const item of [...this.pending].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq)) {
      if (this.running.size >= this.options.concurrency) break;
      if (item.dueAt > now || !this.keyHasRoom(item.event)) continue;
      this.pending.splice(this.pending.indexOf(item), 1);
      this.start(item);
    }
    this.armAlarm();
  }

  /** Resolves when no consumer is running and no due event waits. */
  async idle(): Promise<void> {
    for (;;) {
      this.dispatch();
      if (this.running.size === 0) return;
      await Promise.race(this.running);
    }
  }

  close(): void {
    this.closed = true;
    this.alarm.clear();
  }

  private start(item: PendingEvent): void {
    const key = item.event.concurrency?.key;
    if (key !== undefined) this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
    const run = this.deliver(item).finally(() => {
      this.running.delete(run);
      if (key !== undefined) this.runningByKey.set(key, (this.runningByKey.get(key) ?? 1) - 1);
      this.dispatch();
    });
    this.running.add(run);
  }

  private async deliver(item: PendingEvent): Promise<void> {
    const { event, consumer } = item;
    const outcome = await this.options.invoke({
      functionKey: consumer.function,
      moduleKey: consumer.key,
      kind: 'consumer',
      args: [event, this.options.consumerContext()],
    });
    const counts = this.job(event.jobId);
    const retry = retryRequest(outcome);
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retry && retryCount <= MAX_EVENT_RETRIES && !this.closed) {
      const retryContext = { retryCount, retryReason: retry.reason, retryData: retry.data };
      this.enqueue({
        ...item,
        event: { ...event, retryContext },
        dueAt: this.options.clock.now() + retry.afterSeconds * 1000,
      });
      return;
    }
    counts.inProgress -= 1;
    if (outcome.status === 'ok' && !retry) counts.success += 1;
    else {
      counts.failed += 1;
      if (retry)
        this.options.log.warn(`${consumer.key}: event ${event.eventId} dropped after ${MAX_EVENT_RETRIES} retries`);
    }
  }

  private enqueue(item: PendingEvent): void {
    this.seq += 1;
    this.pending.push({ ...item, seq: this.seq });
  }

  private keyHasRoom(event: AsyncEvent): boolean {
    const concurrency = event.concurrency;
    return !concurrency || (this.runningByKey.get(concurrency.key) ?? 0) < concurrency.limit;
  }

  private job(jobId: string): JobCounts {
    let counts = this.jobs.get(jobId);
    if (!counts) {
      counts = { success: 0, inProgress: 0, failed: 0 };
      this.jobs.set(jobId, counts);
    }
    return counts;
  }

  private armAlarm(): void {
    const now = this.options.clock.now();
    const future = this.pending.filter((item) => item.dueAt > now);
    this.alarm.set(future.length > 0 ? Math.min(...future.map((item) => item.dueAt)) : undefined);
  }
}

interface RetryRequest {
  afterSeconds: number;
  reason: string;
  data: unknown;
}

/** `InvocationError` (and a `QueueResponse` after `.retry()`) serialise to `{_retry: true, retryOptions}`. */
function retryRequest(outcome: InvocationOutcome): RetryRequest | undefined {
  if (outcome.status === 'timeout') return { afterSeconds: 1, reason: 'FUNCTION_TIME_OUT', data: undefined };
  if (outcome.status !== 'ok' || !isRecord(outcome.value) || outcome.value._retry !== true) return undefined;
  const options = isRecord(outcome.value.retryOptions) ? outcome.value.retryOptions : {};
  const after = typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1;
  return {
    afterSeconds: Math.min(after, MAX_RETRY_AFTER_SECONDS),
    reason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    data: options.retryData,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
