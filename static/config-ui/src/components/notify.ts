import { useFlags } from '@atlaskit/flag';
import { useMemo } from 'react';

/** Save feedback as Atlaskit flags: successes dismiss themselves, problems stay until closed. */
export function useNotify() {
  const { showFlag } = useFlags();
  return useMemo(
    () => ({
      success: (title: string, description?: string) =>
        showFlag({ appearance: 'success', title, description, isAutoDismiss: true }),
      error: (title: string, description?: string) => showFlag({ appearance: 'error', title, description }),
      warning: (title: string, description?: string) => showFlag({ appearance: 'warning', title, description }),
    }),
    [showFlag],
  );
}
