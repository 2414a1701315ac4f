import { Inline, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SubmitStatus as Status } from './use-submit';
import { errorTitle } from './states';

/**
 * The outcome of a form action, in the page's flow right under its button: it never covers a control, and a
 * screen reader hears it (`aria-live`).
 */
export function SubmitStatus({ status, testId }: { status: Status | undefined; testId?: string }) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {status?.kind === 'success' ? (
        <Inline space="space.100" alignBlock="center" testId="submit-success">
          <Text weight="semibold" color="color.text.success">
            <span aria-hidden="true">✓ </span>
            <span>{status.title}</span>
          </Text>
          {status.description ? <Text color="color.text.subtle">{status.description}</Text> : null}
        </Inline>
      ) : null}
      {status?.kind === 'error' ? (
        <SectionMessage appearance="error" title={errorTitle(status.error)} testId="submit-error">
          <Text as="p">{status.error.message}</Text>
        </SectionMessage>
      ) : null}
    </div>
  );
}
