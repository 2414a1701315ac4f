import Button from '@atlaskit/button/new';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState } from 'react';

/** The clipboard API is often blocked in Jira's iframe; fall back to selecting and copying. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

const grow = xcss({ flexGrow: 1, minWidth: '0' });

/** A read-only value with a Copy button that says whether it worked. */
export function CopyField({ id, value, label, testId }: { id: string; value: string; label: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return undefined;
    const timer = window.setTimeout(() => setCopied('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <Inline space="space.100" alignBlock="center">
      <Box xcss={grow}>
        <Textfield
          id={id}
          ref={input}
          value={value}
          isReadOnly
          isMonospaced
          aria-label={label}
          testId={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
      </Box>
      <Button
        onClick={async () => setCopied((await copyText(value, input.current)) ? 'copied' : 'failed')}
        aria-label={`${copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'} ${label}`}
      >
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
      </Button>
    </Inline>
  );
}
