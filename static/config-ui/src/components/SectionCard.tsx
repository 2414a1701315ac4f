import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.300',
  backgroundColor: 'elevation.surface',
});

/** One titled block of a page section. */
export function SectionCard({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Box as="section" xcss={cardStyles} testId={testId} aria-label={title}>
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="start" space="space.200">
          <Stack space="space.050">
            <Heading size="small" as="h3">
              {title}
            </Heading>
            {description ? <Text color="color.text.subtle">{description}</Text> : null}
          </Stack>
          {actions}
        </Inline>
        {children}
      </Stack>
    </Box>
  );
}
