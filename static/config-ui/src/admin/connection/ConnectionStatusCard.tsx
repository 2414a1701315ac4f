import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { router } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { callResolver } from '../../api/resolver-call';
import { SectionCard } from '../../components/SectionCard';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useSubmit, type SubmitStatus as Status } from '../../components/use-submit';
import { formatDateTime } from '../../format';
import { usePageContext } from '../../page-context';
import { ScopesNote } from './ScopesNote';
import { TokenHealth } from './TokenHealth';

const POLL_MS = 3_000;
const POLL_LIMIT_MS = 10 * 60_000;

const STATE_LOZENGE: Record<ConnectionView['state'], { text: string; appearance: 'success' | 'default' | 'removed' }> =
  {
    connected: { text: 'Connected', appearance: 'success' },
    'not-connected': { text: 'Not connected', appearance: 'default' },
    'reconnect-needed': { text: 'Reconnect needed', appearance: 'removed' },
  };

interface Props {
  connection: ConnectionView;
  refreshing: boolean;
  onChanged: (connection: ConnectionView) => void;
  onReload: () => Promise<void>;
}

/** Whether Wave is connected, to which businesses, how the token is doing; connect and disconnect. */
export function ConnectionStatusCard({ connection, refreshing, onChanged, onReload }: Props) {
  const { timezone } = usePageContext();
  const start = useSubmit('startWaveConnect');
  const disconnect = useSubmit('disconnectWave', {
    title: 'Wave disconnected',
    description: 'The app no longer reads from Wave.',
  });
  const [waitingSince, setWaitingSince] = useState<number | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [connectedNote, setConnectedNote] = useState<Status | undefined>();
  const wasConnected = useRef(connection.state === 'connected');

  // While the admin finishes in Wave's tab, look for the connection to appear.
  useEffect(() => {
    if (waitingSince === undefined) return undefined;
    const timer = window.setInterval(async () => {
      if (Date.now() - waitingSince > POLL_LIMIT_MS) {
        setWaitingSince(undefined);
        return;
      }
      const answer = await callResolver('getConnection');
      if (
        answer.ok &&
        answer.data.state === 'connected' &&
        (!wasConnected.current || answer.data.connectedAt !== connection.connectedAt)
      ) {
        setWaitingSince(undefined);
        onChanged(answer.data);
        setConnectedNote({
          kind: 'success',
          title: 'Wave connected',
          ...(answer.data.businesses.length
            ? { description: `Business: ${answer.data.businesses.map((b) => b.name).join(', ')}` }
            : {}),
        });
      }
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [waitingSince, onChanged, connection.connectedAt]);

  useEffect(() => {
    wasConnected.current = connection.state === 'connected';
  }, [connection.state]);

  const connect = async () => {
    setConnectedNote(undefined);
    const answer = await start.submit({});
    if (!answer.ok) return;
    setWaitingSince(Date.now());
    await router
      .open(answer.data.authorizeUrl)
      .catch(() => window.open(answer.data.authorizeUrl, '_blank', 'noopener'));
  };

  const lozenge = STATE_LOZENGE[connection.state];
  const connected = connection.state === 'connected';
  return (
    <SectionCard
      title="Wave connection"
      testId="connection-status"
      description="The app reads invoices and customers from Wave with read-only access to your business."
      actions={
        <Lozenge appearance={lozenge.appearance} testId="connection-state">
          {lozenge.text}
        </Lozenge>
      }
    >
      <Stack space="space.200">
        {connection.state === 'reconnect-needed' ? (
          <SectionMessage appearance="error" title="Wave no longer accepts the app's access">
            <Text as="p">{connection.reason ?? 'Connect Wave again.'}</Text>
          </SectionMessage>
        ) : null}
        {connected ? (
          <Stack space="space.100">
            <Text>
              Connected{connection.connectedAt ? ` since ${formatDateTime(connection.connectedAt, timezone)}` : ''}.
            </Text>
            {connection.businessesError ? (
              <SectionMessage appearance="warning" title="The businesses could not be read">
                <Text as="p">{connection.businessesError}</Text>
              </SectionMessage>
            ) : (
              <Stack space="space.050" testId="connected-businesses">
                <Text weight="semibold">{connection.businesses.length === 1 ? 'Business' : 'Businesses'}</Text>
                {connection.businesses.length === 0 ? (
                  <Text color="color.text.subtle">No business is visible with this access.</Text>
                ) : null}
                {connection.businesses.map((business) => (
                  <Inline key={business.id} space="space.100" alignBlock="center">
                    <Text>{business.name}</Text>
                    {business.currencyCode ? <Lozenge>{business.currencyCode}</Lozenge> : null}
                    {business.id === connection.connectedBusinessId ? (
                      <Lozenge appearance="inprogress" maxWidth="none">
                        Events without a business go here
                      </Lozenge>
                    ) : null}
                  </Inline>
                ))}
              </Stack>
            )}
            {connection.token ? <TokenHealth token={connection.token} serverNow={connection.serverNow} /> : null}
            <ScopesNote scopes={connection.scopes} />
          </Stack>
        ) : (
          <Text color="color.text.subtle">
            {connection.clientIdSet
              ? "Connect to let the app read invoices from Wave: Wave's webhooks only name them, and the five-minute poll reads what changed."
              : 'Save the OAuth client id and secret below, then connect.'}
          </Text>
        )}
        {waitingSince !== undefined ? (
          <SectionMessage appearance="information" title="Finish in Wave" testId="connect-waiting">
            <Text as="p">
              Allow access in the Wave tab that opened. This page updates by itself once Wave is connected.
            </Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100" alignBlock="center">
          <Button
            appearance={connected ? 'default' : 'primary'}
            onClick={() => void connect()}
            isLoading={start.pending}
            isDisabled={!connection.clientIdSet}
            testId="connect-wave"
          >
            {connected ? 'Reconnect to Wave' : 'Connect to Wave'}
          </Button>
          {connection.token && !confirming ? (
            <Button appearance="subtle" onClick={() => setConfirming(true)} testId="disconnect-wave">
              Disconnect
            </Button>
          ) : null}
          {confirming ? (
            <>
              <Text>Stop reading from Wave?</Text>
              <Button
                appearance="danger"
                isLoading={disconnect.pending}
                testId="confirm-disconnect"
                onClick={async () => {
                  const answer = await disconnect.submit({});
                  setConfirming(false);
                  // A failure can come after Wave was disconnected (Jira's webhooks not deleted yet): show the state as it is.
                  if (answer.ok) onChanged(answer.data);
                  else void onReload();
                }}
              >
                Disconnect
              </Button>
              <Button appearance="subtle" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          ) : null}
          <Button appearance="subtle" onClick={() => void onReload()} isLoading={refreshing}>
            Refresh
          </Button>
        </Inline>
        <SubmitStatus status={connectedNote ?? disconnect.status ?? start.status} />
      </Stack>
    </SectionCard>
  );
}
