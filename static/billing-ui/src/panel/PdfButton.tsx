import Button from '@atlaskit/button/new';
import { router } from '@forge/bridge';
import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ResolverError } from '../../../../src/entry/resolvers/billing/api';
import { callBilling } from '../api/call';
import { ErrorMessage } from '../components/states';

/** "PDF": asks Wave for the invoice's PDF address when clicked (Wave's addresses change) and opens it. */
export function PdfButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError>();
  const open = async () => {
    setBusy(true);
    setError(undefined);
    const answer = await callBilling('getInvoicePdf');
    setBusy(false);
    if (answer.ok) await router.open(answer.data.url).catch(() => undefined);
    else setError(answer.error);
  };
  return (
    <Stack space="space.100">
      <Button appearance="subtle" spacing="compact" isLoading={busy} onClick={() => void open()} testId="pdf">
        PDF
      </Button>
      {error ? <ErrorMessage error={error} /> : null}
    </Stack>
  );
}
