import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ProjectMappingView } from '../../../../src/entry/resolvers/api';

/** Mappings that put a sent or paid invoice back in an earlier status category: saved if wanted, but said. */
export function BackwardMappings({ view }: { view: ProjectMappingView }) {
  if (view.backwards.length === 0) return null;
  return (
    <SectionMessage
      appearance="warning"
      title={`${view.backwards.length === 1 ? 'A mapping goes' : `${view.backwards.length} mappings go`} backwards`}
      testId="backward-mappings"
    >
      <Stack space="space.100">
        <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {view.backwards.map((backward) => (
            <li key={backward.waveStatus}>
              <Text>{backward.message}</Text>
            </li>
          ))}
        </ul>
        <Text as="p" color="color.text.subtle">
          You can still save it, if that is what your workflow means.
        </Text>
      </Stack>
    </SectionMessage>
  );
}
