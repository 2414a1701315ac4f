import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { SigningSecretView, WebhookSettingsView } from '../../../../../src/entry/resolvers/api';
import { CardForm } from '../../components/CardForm';
import { Field } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import { NumberInputField, numberOf, useTextInput } from '../../components/TextInputField';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime, relativeTime } from '../../format';
import { usePageContext } from '../../page-context';
import { generateSigningSecret } from './generate-secret';

const DEFAULT_GRACE_HOURS = 24;

function SecretStatus({ signing, serverNow }: { signing: SigningSecretView; serverNow: number }) {
  const { timezone } = usePageContext();
  if (!signing.set)
    return <Text testId="signing-status">No secret is set: every delivery is refused until you set one.</Text>;
  return (
    <Stack space="space.050" testId="signing-status">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance="success">Set</Lozenge>
        {signing.hint ? (
          <Text>
            Ends with <code>{signing.hint}</code>
          </Text>
        ) : null}
      </Inline>
      {signing.rotatedAt !== undefined ? (
        <Text color="color.text.subtle">Last changed {formatDateTime(signing.rotatedAt, timezone)}.</Text>
      ) : null}
      {signing.previousValidUntil !== undefined ? (
        <Text testId="previous-secret-grace">
          The previous secret is still accepted until {formatDateTime(signing.previousValidUntil, timezone)} (
          {relativeTime(signing.previousValidUntil, serverNow)}).
        </Text>
      ) : null}
    </Stack>
  );
}

/** Set or rotate the signing secret; the previous one keeps working for the grace period chosen. */
export function SigningSecretCard({
  signing,
  serverNow,
  onSaved,
}: {
  signing: SigningSecretView;
  serverNow: number;
  onSaved: (settings: WebhookSettingsView) => void;
}) {
  const [secret, setSecret] = useState('');
  const [generated, setGenerated] = useState(false);
  const rotate = useSubmit('rotateSigningSecret', {
    title: signing.set ? 'Signing secret rotated' : 'Signing secret set',
    description: "Put the same secret in Wave's webhook settings.",
  });
  const graceHours = useTextInput(rotate, 'graceHours', String(DEFAULT_GRACE_HOURS));

  const onSubmit = () =>
    rotate.submit({ secret, graceHours: numberOf(graceHours) }, (settings) => {
      setSecret('');
      setGenerated(false);
      onSaved(settings);
    });

  return (
    <SectionCard
      title="Signing secret"
      testId="signing-secret"
      description="Wave signs every delivery with it; the app refuses deliveries it cannot verify. It is never shown back."
    >
      <Stack space="space.200">
        <SecretStatus signing={signing} serverNow={serverNow} />
        <CardForm
          onSubmit={onSubmit}
          width="wide"
          submit={{
            label: signing.set ? 'Rotate secret' : 'Set secret',
            pending: rotate.pending,
            testId: 'save-signing-secret',
            status: rotate.status,
          }}
        >
          <Field
            id="signing-secret-input"
            label={signing.set ? 'New signing secret' : 'Signing secret'}
            isRequired
            error={rotate.fieldErrors.secret}
            hint="At least 16 characters. Generate one, copy it, and put the same value in Wave."
          >
            {(props) => (
              <Inline space="space.100" alignBlock="start">
                <Box xcss={xcss({ flexGrow: 1 })}>
                  <Textfield
                    {...props}
                    type={generated ? 'text' : 'password'}
                    isMonospaced={generated}
                    value={secret}
                    autoComplete="new-password"
                    onChange={(event) => {
                      setSecret(event.currentTarget.value);
                      setGenerated(false);
                      rotate.clearFieldError('secret');
                    }}
                  />
                </Box>
                <Button
                  onClick={() => {
                    setSecret(generateSigningSecret());
                    setGenerated(true);
                    rotate.clearFieldError('secret');
                  }}
                  testId="generate-secret"
                >
                  Generate
                </Button>
              </Inline>
            )}
          </Field>
          {generated ? (
            <SectionMessage appearance="warning" title="Copy it now">
              <Text as="p">This secret is shown only until you save it. Put it in Wave's webhook settings.</Text>
            </SectionMessage>
          ) : null}
          {signing.set ? (
            <NumberInputField
              id="grace-hours"
              label="Keep accepting the previous secret for (hours)"
              hint="Time to update Wave. 0 stops accepting the previous secret at once; at most 168 (7 days)."
              input={graceHours}
              min={0}
              max={168}
            />
          ) : null}
        </CardForm>
      </Stack>
    </SectionCard>
  );
}
