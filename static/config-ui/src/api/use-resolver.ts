import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../../src/entry/resolvers/api';
import { callResolver, type Payload, type ResolverName, type Result } from './resolver-call';

export type Loadable<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'error'; error: ResolverError; data?: T };

/**
 * Loads a resolver's answer on mount and on `reload()`. While reloading, the last data stays
 * on screen (`refreshing`), so sections keep their size.
 */
export function useResolver<N extends ResolverName>(name: N, payload?: Payload<N>, initial?: Result<N>) {
  const [state, setState] = useState<Loadable<Result<N>>>(
    initial ? { status: 'ready', data: initial, refreshing: false } : { status: 'loading' },
  );
  const payloadKey = JSON.stringify(payload ?? {});
  const latest = useRef(0);
  const skipFirst = useRef(initial !== undefined);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setState((previous) =>
      previous.data !== undefined ? { status: 'ready', data: previous.data, refreshing: true } : { status: 'loading' },
    );
    const answer = await callResolver(name, JSON.parse(payloadKey) as Payload<N>);
    if (request !== latest.current) return;
    setState((previous) =>
      answer.ok
        ? { status: 'ready', data: answer.data, refreshing: false }
        : { status: 'error', error: answer.error, ...(previous.data !== undefined ? { data: previous.data } : {}) },
    );
  }, [name, payloadKey]);

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    void reload();
  }, [reload]);

  const replace = useCallback((data: Result<N>) => {
    latest.current += 1;
    setState({ status: 'ready', data, refreshing: false });
  }, []);

  return { state, reload, replace };
}
