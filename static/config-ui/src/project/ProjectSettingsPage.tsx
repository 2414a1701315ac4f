import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../components/states';
import { usePageContext } from '../page-context';
import { MappingEditor } from './MappingEditor';

/** The project settings page: how this project's workflow follows Wave's invoice statuses. */
export function ProjectSettingsPage() {
  const { projectKey } = usePageContext();
  const { state, reload } = useResolver('getProjectMapping', projectKey ? { projectKey } : {});
  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Heading size="large" as="h1">
          Wave Accounting sync{state.data ? `: ${state.data.project.name}` : ''}
        </Heading>
        <Text color="color.text.subtle">
          Choose the status an invoice's issue moves to when its status changes in Wave.
        </Text>
      </Stack>
      {state.status === 'loading' ? <LoadingBlock label="Loading the project's workflow" minHeight="28rem" /> : null}
      {state.status === 'error' && !state.data ? (
        <ErrorMessage error={state.error} onRetry={() => void reload()} testId="page-error" />
      ) : null}
      {state.data ? <MappingEditor key={state.data.project.key} initial={state.data} /> : null}
    </Stack>
  );
}
