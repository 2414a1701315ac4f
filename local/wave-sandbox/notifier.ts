import type { DeliveryOptions } from './delivery-options';
import { deliverySkipReason } from './settings';
import type { WaveState } from './state';
import type { DeliveryStatus, OutgoingEvent, WebhookSender } from './webhook-sender';

/** What a /_sandbox call answers under `delivery`: the first attempt, or why Wave sent nothing. */
export type DeliveryAnswer = DeliveryStatus | { skipped: string };

/** The event a change would send, built inside the change's transaction; undefined when no delivery was asked. */
export type PreparedEvent = { event: OutgoingEvent } | { skipped: string } | undefined;

/** Decides whether Wave sends an event (plan, registration, OAuth scope) and hands it to the sender. */
export class WaveNotifier {
  constructor(
    private readonly state: WaveState,
    private readonly sender: WebhookSender,
    private readonly latestGrantScope: () => string | undefined,
  ) {}

  /**
   * The event of a change: `type` undefined means Wave sends nothing for it (`whyNone` says why).
   * `build` may throw a SandboxInputError; called inside the change's transaction, that writes nothing.
   */
  prepare(
    options: DeliveryOptions,
    type: string | undefined,
    whyNone: string,
    build: (type: string) => { eventId: string; body: string },
  ): PreparedEvent {
    if (!options.deliver) return undefined;
    if (type === undefined) return { skipped: whyNone };
    const { eventId, body } = build(type);
    const { format, signature, timestampHeader } = options;
    return { event: { eventId, type, format, body, signature, timestampHeader } };
  }

  /** Sends the prepared event (resolving after its first attempt), or records why Wave would not. */
  async send(prepared: PreparedEvent): Promise<DeliveryAnswer | undefined> {
    if (!prepared) return undefined;
    if ('skipped' in prepared) return { skipped: prepared.skipped };
    const reason = deliverySkipReason(this.state.settings(), this.latestGrantScope(), prepared.event.type);
    if (reason !== undefined) {
      this.sender.skip(prepared.event, reason);
      return { skipped: reason };
    }
    return this.sender.deliver(prepared.event);
  }
}
