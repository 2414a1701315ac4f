import { Queue } from '@forge/events';

/** The `@forge/events` queue of manifest.yml's `work-consumer` (900 s per event): long work goes through it. */
export const WORK_QUEUE_KEY = 'work-queue';

export type WorkItem = { kind: 'backfill'; runId: string };

const queue = new Queue({ key: WORK_QUEUE_KEY });

export async function pushWork(item: WorkItem, options: { delayInSeconds?: number } = {}): Promise<void> {
  await queue.push({
    body: { ...item },
    ...(options.delayInSeconds ? { delayInSeconds: options.delayInSeconds } : {}),
  });
}

/** The work item an event carries, or undefined for a body this app did not push. */
export function parseWorkItem(body: unknown): WorkItem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { kind, runId } = body as { kind?: unknown; runId?: unknown };
  if (kind === 'backfill' && typeof runId === 'string' && runId !== '') return { kind, runId };
  return undefined;
}
