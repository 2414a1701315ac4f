import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

/** A titled part of a view. */
export function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box as="section" testId={testId} aria-label={title}>
      <Stack space="space.075">
        <Heading size="xxsmall" as="h3">
          {title}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}
