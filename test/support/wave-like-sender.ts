import { performance } from 'node:perf_hooks';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../local/wave-sandbox/webhook-sender';
import type { WaveDelivery } from './wave-workload';

export type SendPolicy = Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'maxAttempts'>;

export interface SendOptions {
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Backoff after a non-2xx answer or a network error; default the Wave sandbox's (0.5 s doubling to 30 s, 12 attempts). */
  retry?: Partial<SendPolicy>;
  /** Signs and posts one body to the app's webhook (e.g. TestStack.post). */
  post: (body: string) => Promise<{ status: number; body: { status?: string } }>;
  /** Called after every answer (tests use it to end an outage once the app has refused something). */
  onAnswer?: (status: number) => void | Promise<void>;
}

export interface SendReport {
  /** Deliveries handed to the sender (duplicates included). */
  deliveries: number;
  attempts: number;
  /** Answers that were not 2xx (each was retried, unless attempts ran out). */
  refused: number;
  /** Deliveries never acknowledged with a 2xx. */
  gaveUp: number;
  /** The `status` of the 2xx answers: processed, duplicate, stale, ignored. */
  outcomes: Record<string, number>;
  /** Per event id: first attempt sent → first 2xx answer (the app answers 2xx once Jira reflects it), ms. */
  latencyMs: number[];
  elapsedMs: number;
}

interface Pending {
  delivery: WaveDelivery;
  attempts: number;
  dueAt: number;
}

const POLL_MS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends like Wave's webhook sender: every delivery is POSTed until a 2xx, a non-2xx (or a network error)
 * retried after an exponential backoff that does not hold a connection; at most `concurrency` requests
 * in flight, retries that are due going before new deliveries.
 */
export async function sendLikeWave(deliveries: readonly WaveDelivery[], options: SendOptions): Promise<SendReport> {
  const policy: SendPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const started = performance.now();
  const report: SendReport = {
    deliveries: deliveries.length,
    attempts: 0,
    refused: 0,
    gaveUp: 0,
    outcomes: {},
    latencyMs: [],
    elapsedMs: 0,
  };
  const firstSent = new Map<string, number>();
  const acknowledged = new Set<string>();
  const retries: Pending[] = [];
  let next = 0;
  let inFlight = 0;

  const take = (): Pending | undefined => {
    const now = performance.now();
    retries.sort((a, b) => a.dueAt - b.dueAt);
    if (retries[0] && retries[0].dueAt <= now) return retries.shift();
    const delivery = deliveries[next];
    if (!delivery) return undefined;
    next += 1;
    return { delivery, attempts: 0, dueAt: now };
  };

  const attempt = async (pending: Pending): Promise<void> => {
    const { eventId, body } = pending.delivery;
    if (!firstSent.has(eventId)) firstSent.set(eventId, performance.now());
    pending.attempts += 1;
    report.attempts += 1;
    let status = 0;
    let outcome: string | undefined;
    try {
      const answer = await options.post(body);
      status = answer.status;
      outcome = answer.body.status;
    } catch {
      status = 0;
    }
    await options.onAnswer?.(status);
    if (status >= 200 && status < 300) {
      report.outcomes[outcome ?? 'ok'] = (report.outcomes[outcome ?? 'ok'] ?? 0) + 1;
      if (!acknowledged.has(eventId)) {
        acknowledged.add(eventId);
        report.latencyMs.push(performance.now() - (firstSent.get(eventId) as number));
      }
      return;
    }
    report.refused += 1;
    if (pending.attempts >= policy.maxAttempts) {
      report.gaveUp += 1;
      return;
    }
    const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (pending.attempts - 1));
    retries.push({ ...pending, dueAt: performance.now() + delay });
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      const pending = take();
      if (pending) {
        inFlight += 1;
        try {
          await attempt(pending);
        } finally {
          inFlight -= 1;
        }
        continue;
      }
      if (next >= deliveries.length && retries.length === 0 && inFlight === 0) return;
      await sleep(POLL_MS);
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.elapsedMs = performance.now() - started;
  return report;
}
