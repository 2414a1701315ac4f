import { Stack, Text } from '@atlaskit/primitives';
import { CopyField } from '../../components/CopyField';
import { SectionCard } from '../../components/SectionCard';

/** The `wave-webhook` URL and how to register it in Wave. */
export function WebhookUrlCard({ url }: { url: string }) {
  return (
    <SectionCard
      title="Webhook URL"
      testId="webhook-url-card"
      description="Wave sends its invoice events here. It sends none for customers or payments: the five-minute poll brings those."
    >
      <Stack space="space.200">
        <CopyField id="wave-webhook-url" value={url} label="webhook URL" testId="webhook-url" />
        <Stack space="space.050">
          <Text weight="semibold">Register it in Wave</Text>
          <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
            <li>
              <Text>Set a signing secret below and copy it.</Text>
            </li>
            <li>
              <Text>
                In Wave (a Pro plan is needed), open the webhook settings of your application and add a webhook.
              </Text>
            </li>
            <li>
              <Text>
                Paste this URL and the signing secret, and select the invoice events (approved, sent, viewed, paid,
                partially paid, overpaid, overdue).
              </Text>
            </li>
            <li>
              <Text>Save, then use "Send test event" below to check the path end to end.</Text>
            </li>
          </ol>
        </Stack>
      </Stack>
    </SectionCard>
  );
}
