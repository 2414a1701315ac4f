import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { SigningSecretCard } from './SigningSecretCard';
import { TestEventCard } from './TestEventCard';
import { WebhookUrlCard } from './WebhookUrlCard';

/** Webhooks: where Wave posts, the signing secret, and a live test of the path. */
export function WebhooksSection() {
  const { state, reload, replace } = useResolver('getWebhookSettings');
  if (state.status === 'loading') return <LoadingBlock label="Loading the webhook settings" minHeight="24rem" />;
  if (!state.data)
    return state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null;
  return (
    <Stack space="space.300">
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null}
      <WebhookUrlCard url={state.data.webhookUrl} />
      <SigningSecretCard signing={state.data.signing} serverNow={state.data.serverNow} onSaved={replace} />
      <TestEventCard secretSet={state.data.signing.set} />
    </Stack>
  );
}
