/** How long a web trigger may work before it must answer (Forge cuts it at 55 s; Wave expects a quick reply). */
export const WEB_TRIGGER_BUDGET_MS = 20_000;

/**
 * The time one invocation may still spend. Every wait (retry backoff, lock polling)
 * asks the budget first, so an invocation answers 503 in time instead of being killed.
 */
export interface TimeBudget {
  now(): number;
  remainingMs(): number;
  expired(): boolean;
  /** True when waiting `ms` still leaves the reserve for the work after the wait. */
  canWait(ms: number): boolean;
}

export interface TimeBudgetOptions {
  limitMs: number;
  now?: () => number;
  /** Time kept back for the work after a wait (one more request, writing the answer). */
  reserveMs?: number;
}

export function createTimeBudget({ limitMs, now = Date.now, reserveMs = 0 }: TimeBudgetOptions): TimeBudget {
  const deadline = now() + limitMs;
  const remainingMs = (): number => Math.max(0, deadline - now());
  return {
    now,
    remainingMs,
    expired: () => remainingMs() <= 0,
    canWait: (ms) => remainingMs() - Math.max(0, ms) >= reserveMs,
  };
}
