import { Stack } from '@atlaskit/primitives';
import { useEffect, useRef } from 'react';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { useResolver } from '../../api/use-resolver';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/states';
import { ConnectionStatusCard } from './ConnectionStatusCard';
import { OAuthClientCard } from './OAuthClientCard';
import { PastedTokenCard } from './PastedTokenCard';

/** Wave connection: status and token health, the OAuth client, and (for development) a pasted token. */
export function ConnectionSection({
  initial,
  onStateChanged,
}: {
  initial: ConnectionView;
  /** Wave was connected or disconnected here: the rest of the page (first run, health) follows. */
  onStateChanged: () => void;
}) {
  const { state, reload, replace } = useResolver('getConnection', undefined, initial);
  const connection = state.data ?? initial;
  const seen = useRef(connection.state);
  useEffect(() => {
    if (seen.current === connection.state) return;
    seen.current = connection.state;
    onStateChanged();
  }, [connection.state, onStateChanged]);
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
      <Disclosure label="Advanced: connect with a development token" testId="advanced-connection">
        <PastedTokenCard onConnected={replace} />
      </Disclosure>
    </Stack>
  );
}
