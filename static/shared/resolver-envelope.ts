import type { ResolverResult } from '../../src/entry/resolvers/api';

/**
 * A resolver's answer. The resolvers answer with an envelope; a failure of the bridge itself (network, timeout) or
 * an answer of another shape becomes the same envelope, so every caller handles one shape.
 */
export async function resolverEnvelope<T>(call: () => Promise<unknown>): Promise<ResolverResult<T>> {
  try {
    const answer = (await call()) as ResolverResult<T> | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'The app answered in an unexpected way. Reload the page and try again.' },
    };
  } catch {
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The app could not be reached. Check your connection and try again.' },
    };
  }
}
