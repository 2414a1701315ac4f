import { Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { CardForm } from '../../components/CardForm';
import { CopyField } from '../../components/CopyField';
import { SecretInputField, TextInputField, useSecretInput, useTextInput } from '../../components/TextInputField';
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
  const save = useSubmit('saveWaveClient', {
    title: 'OAuth client saved',
    description: 'You can now connect to Wave.',
  });
  const clientId = useTextInput(save, 'clientId', connection.clientId ?? '');
  const clientSecret = useSecretInput(save, 'clientSecret');

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
          onSubmit={() => save.submit({ clientId: clientId.value, clientSecret: clientSecret.value }, onSaved)}
          submit={{ label: 'Save client', pending: save.pending, testId: 'save-oauth-client', status: save.status }}
        >
          <TextInputField id="wave-client-id" label="Client id" isRequired input={clientId} autoComplete="off" />
          <SecretInputField
            id="wave-client-secret"
            label="Client secret"
            isRequired
            hint={
              connection.clientIdSet
                ? 'A secret is stored. It is never shown; enter it again to change the client.'
                : 'Stored encrypted; never shown again.'
            }
            input={clientSecret}
            placeholder={connection.clientIdSet ? '••••••••  (stored)' : ''}
          />
        </CardForm>
      </Stack>
    </SectionCard>
  );
}
