import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';

/* What a frame shows before its view's code has loaded: kept light (no section message), it is in every frame's first chunk. */

const centred = xcss({
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  minHeight: '6rem',
  padding: 'space.200',
});

/** Holds the place of a view while its data loads. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <Box xcss={centred} role="status" aria-live="polite" testId="loading">
      <Spinner size="medium" label={label} />
    </Box>
  );
}

/** The frame could not learn where it is: nothing else can work. */
export function StartError() {
  return (
    <Box padding="space.200" role="alert" testId="start-error">
      <Stack space="space.050">
        <Text weight="semibold" color="color.text.danger">
          This view could not start
        </Text>
        <Text as="p">It could not read its Jira context. Reload the page.</Text>
      </Stack>
    </Box>
  );
}
