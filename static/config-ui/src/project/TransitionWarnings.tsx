import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ProjectMappingView } from '../../../../src/entry/resolvers/api';

/** Moves the sync would have to make that the workflow does not allow without a screen. */
export function TransitionWarnings({ view }: { view: ProjectMappingView }) {
  if (view.transitionsUnavailable) {
    return (
      <SectionMessage appearance="information" title="Transitions not previewed" testId="transition-warnings">
        <Text as="p">{view.transitionsUnavailable}</Text>
      </SectionMessage>
    );
  }
  if (view.warnings.length === 0) {
    return (
      <SectionMessage appearance="success" title="Every move has a transition" testId="transition-warnings">
        <Text as="p">
          For each change of Wave status, the workflow has a transition without a screen that the app can take.
        </Text>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage
      appearance="warning"
      title={`${view.warnings.length} ${view.warnings.length === 1 ? 'move has' : 'moves have'} no usable transition`}
      testId="transition-warnings"
    >
      <Stack space="space.100">
        <Text as="p">
          The app cannot take these moves; the issue stays where it is and gets a comment. Add a transition without a
          screen, or map differently.
        </Text>
        <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {view.warnings.map((warning) => (
            <li key={`${warning.fromStatus}>${warning.toStatus}`}>
              <Text>
                {warning.fromStatus} → {warning.toStatus} (
                {warning.waveStatus === 'DELETED'
                  ? 'when the invoice is deleted in Wave'
                  : `when Wave says ${warning.waveStatus}`}
                ): {warning.reason}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </SectionMessage>
  );
}
