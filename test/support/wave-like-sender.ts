import { performance } from 'node:perf_hooks';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../local/wave-sandbox/webhook-sender';
import type { WaveDelivery } from './wave-workload';

export type SendPolicy = Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'maxAttempts'>;

/** The time the sender lives on: real time by default, or a simulated clock that the caller moves. */
export interface SenderClock {
  now(): number;
  /**
   * Called when no request is in flight and the next retry is due later: resolves once the clock has reached
   * `at` (e.g. by moving the runtime clock there, running whatever falls due on the way).
   */
  waitUntil(at: number): Promise<void>;
}

export interface SendOptions {
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Backoff after a non-2xx answer or a network error; default the Wave sandbox's (0.5 s doubling to 30 s, 12 attempts). */
  retry?: Partial<SendPolicy>;
  /** Signs and posts one body to the app's webhook (e.g. TestStack.post). */
  post: (body: string) => Promise<{ status: number; body: { status?: string } }>;
  /** Called after every answer (tests use it to end an outage once the app has refused something). */
  onAnswer?: (status: number) => void | Promise<void>;
  /** Default real time, the sender polling every few ms while it waits. */
  clock?: SenderClock;
  /** Per delivery (by index), the time on the sender's clock before which it is not first sent: when Wave sends it. */
  sendAt?: readonly number[];
  /** Called once per event id, just before it is first sent: the change in Wave the event reports. */
  beforeFirstSend?: (delivery: WaveDelivery) => Promise<void>;
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
  /** On the sender's clock. */
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
 * in flight, retries that are due going before new deliveries. On a simulated `clock`, a sender with nothing in
 * flight and nothing due asks the clock to move to its next retry or first send instead of waiting.
 */
export async function sendLikeWave(deliveries: readonly WaveDelivery[], options: SendOptions): Promise<SendReport> {
  const policy: SendPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const now = (): number => options.clock?.now() ?? performance.now();
  const started = now();
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
  /** One move of a simulated clock at a time; every worker waits for it. */
  let clockMove: Promise<void> | undefined;

  const take = (): Pending | undefined => {
    const at = now();
    retries.sort((a, b) => a.dueAt - b.dueAt);
    if (retries[0] && retries[0].dueAt <= at) return retries.shift();
    const delivery = deliveries[next];
    if (!delivery || (options.sendAt?.[next] ?? at) > at) return undefined;
    next += 1;
    return { delivery, attempts: 0, dueAt: at };
  };

  const attempt = async (pending: Pending): Promise<void> => {
    const { eventId, body } = pending.delivery;
    if (!firstSent.has(eventId)) {
      firstSent.set(eventId, now());
      await options.beforeFirstSend?.(pending.delivery);
    }
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
        report.latencyMs.push(now() - (firstSent.get(eventId) as number));
      }
      return;
    }
    report.refused += 1;
    if (pending.attempts >= policy.maxAttempts) {
      report.gaveUp += 1;
      return;
    }
    const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (pending.attempts - 1));
    retries.push({ ...pending, dueAt: now() + delay });
  };

  /**
   * Nothing to send now: poll in real time, or move a simulated clock to the next retry or first send when nothing
   * is in flight.
   */
  const wait = async (): Promise<void> => {
    if (clockMove) return clockMove;
    const nextSendAt = next < deliveries.length ? options.sendAt?.[next] : undefined;
    const due = [...retries.map((retry) => retry.dueAt), ...(nextSendAt === undefined ? [] : [nextSendAt])];
    if (!options.clock || inFlight > 0 || due.length === 0) {
      await sleep(POLL_MS);
      return;
    }
    const dueAt = Math.min(...due);
    clockMove = options.clock.waitUntil(dueAt).finally(() => {
      clockMove = undefined;
    });
    return clockMove;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (clockMove) await clockMove;
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
      await wait();
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.elapsedMs = now() - started;
  return report;
}
