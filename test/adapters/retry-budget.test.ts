import { UnavailableError } from '../../src/shared/errors';
import {
  fullJitterDelayMs,
  parseRetryAfterMs,
  withRetries,
  type AttemptResult,
  type RetryPolicy,
} from '../../src/shared/retry';
import { createTimeBudget } from '../../src/shared/time-budget';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

/** A clock that only moves when the code under test "sleeps". */
function fakeTime(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

describe('TimeBudget', () => {
  it('counts down from the injected clock and refuses waits that would eat the reserve', () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 10_000, now: time.now, reserveMs: 1_000 });
    expect(budget.remainingMs()).toBe(10_000);
    expect(budget.canWait(9_000)).toBe(true);
    expect(budget.canWait(9_001)).toBe(false);
    void time.sleep(10_000);
    expect(budget.remainingMs()).toBe(0);
    expect(budget.expired()).toBe(true);
  });
});

describe('backoff maths', () => {
  it('full jitter stays between 0 and the exponential cap, capped by maxDelay', () => {
    expect(fullJitterDelayMs(0, policy, () => 0.999)).toBe(99);
    expect(fullJitterDelayMs(2, policy, () => 0.5)).toBe(200);
    expect(fullJitterDelayMs(10, policy, () => 0.999)).toBe(999);
    expect(fullJitterDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-17T12:00:00Z');
    expect(parseRetryAfterMs('7', now)).toBe(7_000);
    expect(parseRetryAfterMs('Sat, 17 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe('withRetries', () => {
  it('waits at least what the server asked for, then succeeds', async () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 20_000, now: time.now });
    const results: AttemptResult<string>[] = [
      { retry: { reason: 'rate limited', retryAfterMs: 3_000 } },
      { done: 'ok' },
    ];
    const value = await withRetries(async (i) => results[i] as AttemptResult<string>, {
      budget,
      service: 'Jira',
      policy,
      sleep: time.sleep,
      random: () => 0.5,
    });
    expect(value).toBe('ok');
    expect(time.waits).toEqual([3_000]);
  });

  it("turns a wait that would overrun the budget into a 503 with the server's retry-after", async () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 5_000, now: time.now });
    const attempt = jest.fn(async (): Promise<AttemptResult<string>> => ({
      retry: { reason: 'rate limited', retryAfterMs: 30_000 },
    }));
    const failure = withRetries(attempt, { budget, service: 'Jira', policy, sleep: time.sleep });
    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({ httpStatus: 503, retryAfterSeconds: 30 });
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(time.waits).toEqual([]);
  });

  it('stops after maxAttempts with exponentially growing jittered waits', async () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 60_000, now: time.now });
    const failure = withRetries(async () => ({ retry: { reason: 'HTTP 503' } }), {
      budget,
      service: 'Wave',
      policy,
      sleep: time.sleep,
      random: () => 0.999,
    });
    await expect(failure).rejects.toThrow(/Wave is unavailable \(HTTP 503\)/);
    expect(time.waits).toEqual([99, 199, 399]);
  });

  it('gives up at once when asked (quota) and flags unknown outcomes', async () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 60_000, now: time.now });
    const failure = withRetries(async () => ({ retry: { reason: 'HTTP 500', giveUp: true, outcomeUnknown: true } }), {
      budget,
      service: 'Jira',
      policy,
      sleep: time.sleep,
    });
    await expect(failure).rejects.toMatchObject({ outcomeUnknown: true });
    expect(time.waits).toEqual([]);
  });

  it('retries immediately without waiting when the attempt says so', async () => {
    const time = fakeTime();
    const budget = createTimeBudget({ limitMs: 1_000, now: time.now });
    const results: AttemptResult<number>[] = [{ retry: { reason: 'token renewed', immediate: true } }, { done: 42 }];
    await expect(
      withRetries(async (i) => results[i] as AttemptResult<number>, {
        budget,
        service: 'Wave',
        policy,
        sleep: time.sleep,
      }),
    ).resolves.toBe(42);
    expect(time.waits).toEqual([]);
  });
});
