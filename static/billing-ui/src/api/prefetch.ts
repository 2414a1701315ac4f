import type { BillingCallName, ResolverResult } from '../../../../src/entry/resolvers/billing/api';
import { callBilling, type Result } from './call';

const started = new Map<BillingCallName, Promise<unknown>>();

/** Starts a view's first call while its code and the theme still load (the frame shows its data sooner). */
export function prefetchBilling(name: BillingCallName): void {
  started.set(name, callBilling(name));
}

/** The prefetched answer, once: later loads call again. */
export function takePrefetched<N extends BillingCallName>(name: N): Promise<ResolverResult<Result<N>>> | undefined {
  const answer = started.get(name) as Promise<ResolverResult<Result<N>>> | undefined;
  started.delete(name);
  return answer;
}
