import { invoke } from '@forge/bridge';
import type { BillingApi, BillingCallName, ResolverResult } from '../../../../src/entry/resolvers/billing/api';

export type Result<N extends BillingCallName> = BillingApi[N]['result'];

/**
 * Calls a billing resolver. The resolvers answer with an envelope; a failure of the bridge itself (network,
 * timeout) becomes the same envelope, so every caller handles one shape.
 */
export async function callBilling<N extends BillingCallName>(name: N): Promise<ResolverResult<Result<N>>> {
  try {
    const answer = (await invoke(name, {})) as ResolverResult<Result<N>> | undefined;
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
