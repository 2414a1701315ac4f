import { ForgeKvsAPIError, kvs as forgeKvs } from '@forge/kvs';
import { UnavailableError } from '../../shared/errors';
import { sleep } from '../../shared/retry';

/**
 * Forge's KVS with its per-installation quotas (about 4,000 reads and 4,000 writes a minute) met the way Jira's
 * rate limits are: a 429 `RATE_LIMIT_EXCEEDED` is retried after a short backoff, and past that the call fails as
 * UnavailableError, which the intake answers with 503 and Retry-After (Wave retries the delivery). The pinned SDK
 * does not retry by itself. Every storage adapter imports `kvs` from here, never from `@forge/kvs`.
 */
const BACKOFF_MS = [200, 500, 1_200, 2_500];
/** A quota window is a minute: a caller asked to come back is asked to wait for the next one. */
const RETRY_AFTER_SECONDS = 30;

export function isKvsRateLimited(error: unknown): boolean {
  return (
    error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.code === 'RATE_LIMIT_EXCEEDED')
  );
}

async function withQuotaBackoff<T>(call: () => Promise<T>, first: Promise<T>): Promise<T> {
  let attempt = first;
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt;
    } catch (error) {
      if (!isKvsRateLimited(error)) throw error;
      const wait = BACKOFF_MS[retry];
      if (wait === undefined) {
        throw new UnavailableError(
          "the app's storage quota is used up for this minute; try again shortly",
          RETRY_AFTER_SECONDS,
        );
      }
      await sleep(wait);
      attempt = call();
    }
  }
}

/**
 * Wraps the SDK object: a method whose result is a promise (a terminal call: `get`, `set`, `getMany`, `execute`,
 * …) is retried on 429 by calling it again on the same receiver with the same arguments; a method that returns a
 * builder (`query()`, `where()`, `transact()`, `entity()`, `index()`, …) returns the builder wrapped the same way.
 */
function withBackoff<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (result instanceof Promise)
          return withQuotaBackoff(() => value.apply(object, args) as Promise<unknown>, result);
        return typeof result === 'object' && result !== null ? withBackoff(result) : result;
      };
    },
  });
}

export const kvs = withBackoff(forgeKvs);
