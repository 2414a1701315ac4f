import { randomUUID } from 'node:crypto';
import { sleep, type PendingWork } from './pending-work';

/**
 * POSTs a webhook payload to its URL with real `fetch`, as Jira does: fire and forget,
 * retried after the given delays when the receiver fails or answers non-2xx.
 */
export function deliverWebhook(
  work: PendingWork,
  url: string,
  payload: unknown,
  retryDelaysMs: number[],
  log: (message: string) => void,
): void {
  const identifier = randomUUID();
  const where = originOf(url);
  const body = JSON.stringify(payload);
  work.run(async () => {
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt += 1) {
      if (work.signal.aborted) return;
      try {
        const response = await fetch(url, {
          method: 'POST',
          body,
          signal: work.signal,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Atlassian Webhook HTTP Client',
            'x-atlassian-webhook-identifier': identifier,
            ...(attempt > 0 ? { 'x-atlassian-webhook-retry': String(attempt) } : {}),
          },
        });
        await response.arrayBuffer();
        if (response.ok) return;
        log(`webhook delivery to ${where} answered ${response.status} (attempt ${attempt + 1})`);
      } catch (error) {
        if (work.signal.aborted) return;
        log(`webhook delivery to ${where} failed: ${(error as Error).message} (attempt ${attempt + 1})`);
      }
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) return;
      await sleep(delay, work.signal);
    }
  });
}

/** Web trigger URLs are bearer capabilities: only their origin goes into logs. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}
