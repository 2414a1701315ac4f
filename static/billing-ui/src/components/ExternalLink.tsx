import { router } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';

/** A link away from Jira (Wave): opened in a new tab through Forge's router, which Jira's frames allow. */
export function ExternalLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void router.open(href).catch(() => undefined);
  };
  return (
    <a href={href} onClick={open} target="_blank" rel="noreferrer" data-testid={testId}>
      {children}
    </a>
  );
}
