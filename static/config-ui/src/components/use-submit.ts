import { useCallback, useState } from 'react';
import type { ResolverError, ResolverResult } from '../../../../src/entry/resolvers/api';
import { callResolver, type Payload, type ResolverName, type Result } from '../api/resolver-call';
import { errorTitle } from './states';
import { useNotify } from './notify';

/**
 * One form action: calls the resolver, keeps its field errors for inline display, and reports
 * the outcome with a flag (`success` names what was saved; failures show the server's message).
 */
export function useSubmit<N extends ResolverName>(name: N, success?: { title: string; description?: string }) {
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ResolverError | undefined>();

  const submit = useCallback(
    async (payload: Payload<N>): Promise<ResolverResult<Result<N>>> => {
      setPending(true);
      const answer = await callResolver(name, payload);
      setPending(false);
      if (answer.ok) {
        setFieldErrors({});
        setError(undefined);
        if (success) notify.success(success.title, success.description);
      } else {
        setFieldErrors(answer.error.fields ?? {});
        setError(answer.error);
        notify.error(errorTitle(answer.error), answer.error.message);
      }
      return answer;
    },
    [name, notify, success],
  );

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((previous) => {
      if (!(field in previous)) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  return { submit, pending, fieldErrors, error, clearFieldError };
}
