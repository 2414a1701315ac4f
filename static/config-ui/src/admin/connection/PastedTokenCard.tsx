import { useState } from 'react';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { CardForm } from '../../components/CardForm';
import { TextInputField } from '../../components/TextInputField';
import { SectionCard } from '../../components/SectionCard';
import { useSubmit } from '../../components/use-submit';

/** Development shortcut: a full-access token from Wave's developer portal instead of OAuth. */
export function PastedTokenCard({ onConnected }: { onConnected: (connection: ConnectionView) => void }) {
  const [token, setToken] = useState('');
  const use = useSubmit('usePastedToken', { title: 'Wave connected with the pasted token' });
  const onSubmit = async () => {
    const answer = await use.submit({ accessToken: token });
    if (answer.ok) {
      setToken('');
      onConnected(answer.data);
    }
  };
  return (
    <SectionCard
      title="Development token"
      testId="pasted-token"
      description="For development only: paste a full-access token. It is checked with Wave, stored encrypted and never shown again."
    >
      <CardForm
        onSubmit={onSubmit}
        submit={{
          label: 'Use this token',
          pending: use.pending,
          appearance: 'default',
          isDisabled: token.trim() === '',
          status: use.status,
        }}
      >
        <TextInputField
          id="wave-pasted-token"
          label="Full-access token"
          form={use}
          name="accessToken"
          value={token}
          onValueChange={setToken}
          type="password"
          autoComplete="off"
        />
      </CardForm>
    </SectionCard>
  );
}
