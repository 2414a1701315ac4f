import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { CardForm } from '../../components/CardForm';
import { SecretInputField, useSecretInput } from '../../components/TextInputField';
import { SectionCard } from '../../components/SectionCard';
import { useSubmit } from '../../components/use-submit';

/** Development shortcut: a full-access token from Wave's developer portal instead of OAuth. */
export function PastedTokenCard({ onConnected }: { onConnected: (connection: ConnectionView) => void }) {
  const use = useSubmit('usePastedToken', { title: 'Wave connected with the pasted token' });
  const token = useSecretInput(use, 'accessToken');
  return (
    <SectionCard
      title="Development token"
      testId="pasted-token"
      description="For development only: paste a full-access token. It is checked with Wave, stored encrypted and never shown again."
    >
      <CardForm
        onSubmit={() => use.submit({ accessToken: token.value }, onConnected)}
        submit={{
          label: 'Use this token',
          pending: use.pending,
          appearance: 'default',
          isDisabled: token.value.trim() === '',
          status: use.status,
        }}
      >
        <SecretInputField id="wave-pasted-token" label="Full-access token" input={token} />
      </CardForm>
    </SectionCard>
  );
}
