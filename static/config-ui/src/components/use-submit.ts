import { useCallback, useEffect, useState } from 'react';
import type { ResolverError, ResolverResult } from '../../../../src/entry/resolvers/api';
import { callResolver, type Payload, type ResolverName, type Result } from '../api/resolver-call';

/** What a form action last came to, shown next to its button (never as a flag over the page). */
export type SubmitStatus =
  { kind: 'success'; title: string; description?: string } | { kind: 'error'; error: ResolverError };

/** A success note goes away by itself; an error stays until the next try or a discard. */
const SUCCESS_SHOWN_MS = 8_000;

/**
 * One form action: calls the resolver, keeps its field errors for inline display, and its outcome as a status
 * for the `SubmitStatus` next to the button (`success` names what was saved; failures show the server's message).
 * `submit(payload, onSaved)` hands a successful answer's data to `onSaved`.
 */
export function useSubmit<N extends ResolverName>(name: N, success?: { title: string; description?: string }) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SubmitStatus | undefined>();

  useEffect(() => {
    if (status?.kind !== 'success') return undefined;
    const timer = window.setTimeout(() => setStatus(undefined), SUCCESS_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const submit = useCallback(
    async (payload: Payload<N>, onSaved?: (data: Result<N>) => void): Promise<ResolverResult<Result<N>>> => {
      setPending(true);
      setStatus(undefined);
      const answer = await callResolver(name, payload);
      setPending(false);
      if (answer.ok) {
        setFieldErrors({});
        setStatus(success ? { kind: 'success', ...success } : undefined);
        onSaved?.(answer.data);
      } else {
        setFieldErrors(answer.error.fields ?? {});
        setStatus({ kind: 'error', error: answer.error });
      }
      return answer;
    },
    [name, success],
  );

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((previous) => {
      if (!(field in previous)) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  /** Forgets errors and notes ("Discard changes"). */
  const reset = useCallback(() => {
    setFieldErrors({});
    setStatus(undefined);
  }, []);

  return { submit, pending, fieldErrors, status, clearFieldError, reset };
}
