import Button from '@atlaskit/button/new';
import { Box, Stack } from '@atlaskit/primitives';
import { useId, useState, type ReactNode } from 'react';

/** Content most people never need, behind a button that says what it hides (closed until asked for). */
export function Disclosure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <Stack space="space.200">
      <Box>
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen((previous) => !previous)}
          testId={testId}
        >
          {open ? '▾' : '▸'} {label}
        </Button>
      </Box>
      <div id={contentId} hidden={!open}>
        {open ? children : null}
      </div>
    </Stack>
  );
}
