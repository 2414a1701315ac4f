import type { QueueAnswer } from './queue-service';
import { SHORT_CONSUMER_TIMEOUT_SECONDS, type QueueLimitSettings } from './limits';

export interface QueueUsage {
  pushes: number;
  events: number;
  /** Pushes refused, by reason. */
  refused: { tooManyEvents: number; pushTooBig: number; eventTooBig: number; rateLimited: number };
}

const emptyUsage = (): QueueUsage => ({
  pushes: 0,
  events: 0,
  refused: { tooManyEvents: 0, pushTooBig: 0, eventTooBig: 0, rateLimited: 0 },
});

const kb = (bytes: number) => `${Math.round(bytes / 1024)}KB`;
const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Forge's async-events limits per installation, answered as `@forge/events` 3.0.8 expects: 413 with
 * `errorMessage` (PayloadTooBigError), 429 (RateLimitError), other statuses with `message`
 * (InternalServerError). The per-minute count runs on the runtime clock.
 */
export class QueueLimits {
  private windowStart = -Infinity;
  private eventsThisMinute = 0;
  private counters = emptyUsage();

  constructor(
    private readonly now: () => number,
    private readonly settings: () => QueueLimitSettings,
  ) {}

  /** The refusal for this push, if any; else it is counted. */
  admit(events: unknown[], consumerTimeoutSeconds: number | undefined): QueueAnswer | undefined {
    const limits = this.settings();
    this.roll();
    const refusal = limits.enabled ? this.refusal(limits, events, consumerTimeoutSeconds) : undefined;
    if (refusal) return refusal;
    this.eventsThisMinute += events.length;
    this.counters.pushes += 1;
    this.counters.events += events.length;
    return undefined;
  }

  usage(): QueueUsage {
    return { ...this.counters, refused: { ...this.counters.refused } };
  }

  resetUsage(): void {
    this.counters = emptyUsage();
  }

  private refusal(
    limits: QueueLimitSettings,
    events: unknown[],
    consumerTimeoutSeconds: number | undefined,
  ): QueueAnswer | undefined {
    const { refused } = this.counters;
    if (events.length > limits.eventsPerPush) {
      refused.tooManyEvents += 1;
      return {
        status: 400,
        body: { message: `This push contains more than the ${limits.eventsPerPush} events allowed.` },
      };
    }
    if (size(events) > limits.bytesPerPush) {
      refused.pushTooBig += 1;
      return { status: 413, body: { errorMessage: `The maximum payload size is ${kb(limits.bytesPerPush)}.` } };
    }
    const long = (consumerTimeoutSeconds ?? 0) > SHORT_CONSUMER_TIMEOUT_SECONDS;
    if (long && events.some((event) => size(event) > limits.bytesPerEventLongConsumer)) {
      refused.eventTooBig += 1;
      return {
        status: 413,
        body: {
          errorMessage: `The maximum event size is ${kb(limits.bytesPerEventLongConsumer)} for a consumer whose timeout is above ${SHORT_CONSUMER_TIMEOUT_SECONDS} seconds.`,
        },
      };
    }
    if (this.eventsThisMinute + events.length > limits.eventsPerMinute) {
      refused.rateLimited += 1;
      return { status: 429, body: { message: 'Too many requests.' } };
    }
    return undefined;
  }

  private roll(): void {
    const start = Math.floor(this.now() / 60_000) * 60_000;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.eventsThisMinute = 0;
    }
  }
}
