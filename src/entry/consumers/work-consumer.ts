import { parseWorkItem } from '../../adapters/queue/work-queue';
import { createTimeBudget } from '../../shared/time-budget';
import { handleWorkItem } from '../../usecases/work/handle-work-item';

/** manifest.yml gives the consumer 900 s; leave room to save progress and queue the rest. */
const CONSUMER_BUDGET_MS = 840_000;

/** `consumer` of the `work-queue` (the `@forge/events` AsyncEvent: the pushed item is in `body`). */
export async function workConsumer(event: { body?: unknown } | undefined): Promise<void> {
  const item = parseWorkItem(event?.body);
  if (!item) {
    console.warn('work-consumer: ignored an event this app does not know');
    return;
  }
  await handleWorkItem(item, createTimeBudget({ limitMs: CONSUMER_BUDGET_MS, reserveMs: 5_000 }));
}
