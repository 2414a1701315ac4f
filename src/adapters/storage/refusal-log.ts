import { randomUUID } from 'node:crypto';
import { WhereConditions } from '@forge/kvs';
import { kvs } from './kvs';
import { perInstallation } from '../forge/installation';
import { storageKeys } from './keys';

/**
 * Deliveries refused before they proved who sent them (no or a wrong signature): counted per hour and reason,
 * never stored one by one, so nobody without the secret can fill storage or bury the activity log. Each warm
 * function instance keeps its counts in memory and writes its running totals at most once a minute (and once
 * when the hour turns): an unauthenticated flood costs a bounded number of writes, whatever its size.
 */

const WINDOW_MS = 60 * 60_000;
const DAY_MS = 24 * WINDOW_MS;
const FLUSH_EVERY_MS = 60_000;
const RETENTION = { value: 30, unit: 'DAYS' } as const;
const MAX_EXAMPLES = 3;
const MAX_PAGES_PER_DAY = 5;

export interface RefusalExample {
  at: number;
  reason: string;
  message: string;
}

/** One hour's refusals (of one instance, as stored; summed over instances, as read). */
export interface RefusalWindow {
  windowStart: number;
  counts: Record<string, number>;
  /** When each reason was first seen in the window. */
  firstAtByReason: Record<string, number>;
  total: number;
  firstAt: number;
  lastAt: number;
  /** The latest few, newest last. */
  examples: RefusalExample[];
}

const instance = randomUUID();

interface PendingCounts {
  current?: RefusalWindow;
  lastFlushAt: number;
}
const pending = perInstallation<PendingCounts>(() => ({ lastFlushAt: 0 }));

const windowOf = (at: number): number => Math.floor(at / WINDOW_MS) * WINDOW_MS;
const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10).replace(/-/g, '');

function emptyWindow(windowStart: number, at: number): RefusalWindow {
  return {
    windowStart,
    counts: Object.create(null) as Record<string, number>,
    firstAtByReason: Object.create(null) as Record<string, number>,
    total: 0,
    firstAt: at,
    lastAt: at,
    examples: [],
  };
}

async function flush(state: PendingCounts, window: RefusalWindow, at: number): Promise<void> {
  state.lastFlushAt = at;
  const key = storageKeys.refusalWindow(dayOf(window.windowStart), window.windowStart, instance);
  await kvs.set(
    key,
    { ...window, counts: { ...window.counts }, firstAtByReason: { ...window.firstAtByReason } },
    { ttl: RETENTION },
  );
}

/** Counts one refusal; writes only when a minute has passed since this instance last wrote, or the hour turned. */
export async function recordRefusal(refusal: RefusalExample): Promise<void> {
  const state = pending();
  const windowStart = windowOf(refusal.at);
  if (state.current && state.current.windowStart !== windowStart) {
    const finished = state.current;
    state.current = undefined;
    await flush(state, finished, refusal.at);
  }
  const window = (state.current ??= emptyWindow(windowStart, refusal.at));
  window.counts[refusal.reason] = (window.counts[refusal.reason] ?? 0) + 1;
  window.firstAtByReason[refusal.reason] ??= refusal.at;
  window.total += 1;
  window.lastAt = refusal.at;
  window.examples = [...window.examples, refusal].slice(-MAX_EXAMPLES);
  if (window.total === 1 || refusal.at - state.lastFlushAt >= FLUSH_EVERY_MS) await flush(state, window, refusal.at);
}

/** Refusal windows since `sinceMs`, oldest first, summed over instances (including this one's unwritten counts). */
export async function refusalsSince(sinceMs: number, now: number): Promise<RefusalWindow[]> {
  const byWindow = new Map<number, RefusalWindow>();
  const add = (window: RefusalWindow): void => {
    if (window.windowStart + WINDOW_MS <= sinceMs) return;
    const sum = byWindow.get(window.windowStart) ?? emptyWindow(window.windowStart, window.firstAt);
    for (const [reason, count] of Object.entries(window.counts)) sum.counts[reason] = (sum.counts[reason] ?? 0) + count;
    for (const [reason, at] of Object.entries(window.firstAtByReason ?? {})) {
      sum.firstAtByReason[reason] = Math.min(sum.firstAtByReason[reason] ?? at, at);
    }
    sum.total += window.total;
    sum.firstAt = Math.min(sum.firstAt, window.firstAt);
    sum.lastAt = Math.max(sum.lastAt, window.lastAt);
    sum.examples = [...sum.examples, ...window.examples].sort((a, b) => a.at - b.at).slice(-MAX_EXAMPLES);
    byWindow.set(window.windowStart, sum);
  };
  const { current } = pending();
  const unwritten = current && storageKeys.refusalWindow(dayOf(current.windowStart), current.windowStart, instance);
  for (let day = Math.floor(sinceMs / DAY_MS) * DAY_MS; day <= now; day += DAY_MS) {
    const prefix = storageKeys.refusalDayPrefix(dayOf(day));
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_DAY; page += 1) {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const result = await query.getMany<RefusalWindow>();
      for (const { key, value } of result.results) if (key !== unwritten) add(value);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
  }
  if (current) add(current);
  return [...byWindow.values()].sort((a, b) => a.windowStart - b.windowStart);
}
