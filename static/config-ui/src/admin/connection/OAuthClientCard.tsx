import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { CardForm } from '../../components/CardForm';
import { CopyField } from '../../components/CopyField';
import { TextInputField } from '../../components/TextInputField';
import { SectionCard } from '../../components/SectionCard';
import { useSubmit } from '../../components/use-submit';

/** The OAuth client from Wave's developer portal. The secret is write-only: it is never shown again. */
export function OAuthClientCard({
  connection,
  onSaved,
}: {
  connection: ConnectionView;
  onSaved: (connection: ConnectionView) => void;
}) {
  const [clientId, setClientId] = useState(connection.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const save = useSubmit('saveWaveClient', {
    title: 'OAuth client saved',
    description: 'You can now connect to Wave.',
  });

  const onSubmit = async () => {
    const answer = await save.submit({ clientId, clientSecret });
    if (answer.ok) {
      setClientSecret('');
      onSaved(answer.data);
    }
  };

  return (
    <SectionCard
      title="OAuth client"
      testId="oauth-client"
      description="Create an application in Wave's developer portal and register the redirect URI below for it."
    >
      <Stack space="space.200">
        <Stack space="space.050">
          <Text weight="semibold">Redirect URI</Text>
          <CopyField id="wave-redirect-uri" value={connection.redirectUri} label="redirect URI" testId="redirect-uri" />
        </Stack>
        <CardForm
          onSubmit={onSubmit}
          submit={{ label: 'Save client', pending: save.pending, testId: 'save-oauth-client', status: save.status }}
        >
          <TextInputField
            id="wave-client-id"
            label="Client id"
            isRequired
            form={save}
            name="clientId"
            value={clientId}
            onValueChange={setClientId}
            autoComplete="off"
          />
          <TextInputField
            id="wave-client-secret"
            label="Client secret"
            isRequired
            hint={
              connection.clientIdSet
                ? 'A secret is stored. It is never shown; enter it again to change the client.'
                : 'Stored encrypted; never shown again.'
            }
            form={save}
            name="clientSecret"
            value={clientSecret}
            onValueChange={setClientSecret}
            type="password"
            autoComplete="new-password"
            placeholder={connection.clientIdSet ? '••••••••  (stored)' : ''}
          />
        </CardForm>
      </Stack>
    </SectionCard>
  );
}
