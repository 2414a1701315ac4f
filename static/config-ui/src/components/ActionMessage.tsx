import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ReactNode } from 'react';

/** A section message with at most one action under it ("Try again", "Open Health"). */
export function ActionMessage({
  appearance,
  title,
  testId,
  action,
  children,
}: {
  appearance: 'warning' | 'error';
  title: string;
  testId: string;
  action?: { label: string; onClick: () => void };
  children: ReactNode;
}) {
  return (
    <SectionMessage
      appearance={appearance}
      title={title}
      testId={testId}
      actions={
        action
          ? [
              <SectionMessageAction key="action" onClick={action.onClick}>
                {action.label}
              </SectionMessageAction>,
            ]
          : []
      }
    >
      {children}
    </SectionMessage>
  );
}
