import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';

/** What the app asks Wave for, and a warning when the grant leaves out what Wave's webhooks need. */
export function ScopesNote({ scopes }: { scopes: ConnectionView['scopes'] }) {
  return (
    <Stack space="space.050" testId="wave-scopes">
      <Text size="small" color="color.text.subtle">
        The app asks Wave for: {scopes.requested.join(', ')} (read-only; <code>invoice:read</code> is what lets Wave
        send invoice webhooks).
      </Text>
      {scopes.invoiceWebhooks === false ? (
        <SectionMessage appearance="warning" title="Wave will send no invoice webhooks">
          <Text as="p">
            The access Wave granted ({scopes.granted?.join(', ')}) does not include invoice:read. Connect again and
            allow reading invoices; until then the five-minute poll brings changes into Jira.
          </Text>
        </SectionMessage>
      ) : null}
    </Stack>
  );
}
