import { Stack } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { useResolver } from '../../api/use-resolver';
import { ErrorMessage } from '../../components/states';
import { ConnectionStatusCard } from './ConnectionStatusCard';
import { OAuthClientCard } from './OAuthClientCard';
import { PastedTokenCard } from './PastedTokenCard';

/** Wave connection: status and token health, the OAuth client, and the development token. */
export function ConnectionSection({ initial }: { initial: ConnectionView }) {
  const { state, reload, replace } = useResolver('getConnection', undefined, initial);
  const connection = state.data ?? initial;
  return (
    <Stack space="space.300">
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null}
      <ConnectionStatusCard
        connection={connection}
        refreshing={state.status === 'ready' && state.refreshing}
        onChanged={replace}
        onReload={reload}
      />
      <OAuthClientCard connection={connection} onSaved={replace} />
      <PastedTokenCard onConnected={replace} />
    </Stack>
  );
}
