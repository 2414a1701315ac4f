import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ResolverResult, ResyncView } from '../../../../src/entry/resolvers/billing/api';
import { callBilling } from '../api/call';
import { ErrorMessage } from '../components/states';

const APPEARANCE = { updated: 'success', unchanged: 'information', gone: 'warning', skipped: 'warning' } as const;

/** "Resync from Wave" (project admins): re-reads the invoice from Wave, applies it, and says what happened. */
export function ResyncAction({ onChanged }: { onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ResolverResult<ResyncView>>();
  const resync = async () => {
    setBusy(true);
    setAnswer(undefined);
    const result = await callBilling('resyncInvoice');
    setBusy(false);
    setAnswer(result);
    if (result.ok && result.data.outcome === 'updated') onChanged();
  };
  return (
    <Stack space="space.100">
      <Button appearance="default" isLoading={busy} onClick={() => void resync()} testId="resync">
        Resync from Wave
      </Button>
      {busy ? (
        <Text size="small" color="color.text.subtle" aria-live="polite">
          Reading the invoice from Wave…
        </Text>
      ) : null}
      {answer?.ok ? (
        <SectionMessage appearance={APPEARANCE[answer.data.outcome]} testId="resync-outcome">
          <Text as="p">{answer.data.message}</Text>
        </SectionMessage>
      ) : answer ? (
        <ErrorMessage error={answer.error} onRetry={() => void resync()} />
      ) : null}
    </Stack>
  );
}
