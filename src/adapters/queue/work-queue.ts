import { Queue } from '@forge/events';

/** The `@forge/events` queue of manifest.yml's `work-consumer` (900 s per event): long work goes through it. */
export const WORK_QUEUE_KEY = 'work-queue';

/** A share of the import of older invoices, or of moving a project's issues after its mapping changed. */
export type WorkItem =
  { kind: 'backfill'; runId: string } | { kind: 'apply-mapping'; runId: string; projectKey: string };

const queue = new Queue({ key: WORK_QUEUE_KEY });

export async function pushWork(item: WorkItem, options: { delayInSeconds?: number } = {}): Promise<void> {
  await queue.push({
    body: { ...item },
    ...(options.delayInSeconds ? { delayInSeconds: options.delayInSeconds } : {}),
  });
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/;

/** The work item an event carries, or undefined for a body this app did not push. */
export function parseWorkItem(body: unknown): WorkItem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { kind, runId, projectKey } = body as { kind?: unknown; runId?: unknown; projectKey?: unknown };
  if (typeof runId !== 'string' || runId === '') return undefined;
  if (kind === 'backfill') return { kind, runId };
  if (kind === 'apply-mapping' && typeof projectKey === 'string' && PROJECT_KEY.test(projectKey))
    return { kind, runId, projectKey };
  return undefined;
}
