import { useCallback, useEffect, useRef, useState } from 'react';
import type { BillingCallName, ResolverError } from '../../../../src/entry/resolvers/billing/api';
import { callBilling, type Result } from './call';
import { takePrefetched } from './prefetch';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; data: T; refreshing: boolean } | { status: 'error'; error: ResolverError };

/**
 * Loads a resolver's answer on mount (the prefetched one, if main.tsx started it) and on `reload()`; while reloading
 * the last answer stays on screen.
 */
export function useBilling<N extends BillingCallName>(name: N) {
  const [state, setState] = useState<Loadable<Result<N>>>({ status: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    const answer = await (takePrefetched(name) ?? callBilling(name));
    if (request !== latest.current) return;
    setState(
      answer.ok ? { status: 'ready', data: answer.data, refreshing: false } : { status: 'error', error: answer.error },
    );
  }, [name]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}
