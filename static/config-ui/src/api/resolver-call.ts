import { invoke } from '@forge/bridge';
import type { ResolverApi, ResolverName, ResolverResult } from '../../../../src/entry/resolvers/api';

export type { ResolverApi, ResolverName, ResolverResult };
export type Payload<N extends ResolverName> = ResolverApi[N]['payload'];
export type Result<N extends ResolverName> = ResolverApi[N]['result'];

/**
 * Calls a resolver. The resolvers answer with an envelope; a failure of the bridge itself
 * (network, timeout) is turned into the same envelope so every caller handles one shape.
 */
export async function callResolver<N extends ResolverName>(
  name: N,
  payload?: Payload<N>,
): Promise<ResolverResult<Result<N>>> {
  try {
    const answer = (await invoke(name, (payload ?? {}) as Record<string, unknown>)) as
      ResolverResult<Result<N>> | undefined;
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
