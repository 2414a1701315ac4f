import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { TestEventResult } from '../../../../../src/entry/resolvers/api';
import { SectionCard } from '../../components/SectionCard';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useSubmit } from '../../components/use-submit';

/** Sends a signed `test.ping` through the live intake and shows what happened. */
export function TestEventCard({ secretSet }: { secretSet: boolean }) {
  const send = useSubmit('sendTestEvent');
  const [result, setResult] = useState<TestEventResult | undefined>();
  const passed = result?.accepted === true;
  return (
    <SectionCard
      title="Send test event"
      testId="test-event"
      description="Signs a test event with the current secret and runs it through the same checks as Wave's deliveries."
    >
      <Stack space="space.200">
        <Text>
          {secretSet
            ? 'The event is ignored by the sync, but it is verified and listed under Activity.'
            : 'Set a signing secret first.'}
        </Text>
        <Stack space="space.100" alignInline="start">
          <Button
            onClick={async () => {
              const answer = await send.submit({});
              setResult(answer.ok ? answer.data : undefined);
            }}
            isLoading={send.pending}
            isDisabled={!secretSet}
            testId="send-test-event"
          >
            Send test event
          </Button>
          <SubmitStatus status={send.status} />
          <div aria-live="polite">
            {result ? (
              <SectionMessage
                appearance={passed ? 'success' : 'error'}
                title={passed ? 'Delivered' : 'Not accepted'}
                testId="test-event-result"
              >
                <Text as="p">{result.message}</Text>
              </SectionMessage>
            ) : null}
          </div>
        </Stack>
      </Stack>
    </SectionCard>
  );
}
