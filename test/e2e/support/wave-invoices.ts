import type { E2EStack } from './stack';

/**
 * A new invoice in the Wave sandbox, delivered (signed) to the app's webhook, which must have processed it; the key
 * of the issue it made.
 */
export async function sendInvoice(e2e: E2EStack, status: string, total = '640.00'): Promise<string> {
  const answer = (await e2e.stack.wave.api.invoice({
    invoice: { total: { value: total }, status },
    event: 'invoice.created',
    deliver: true,
  })) as { delivery?: { lastStatus: number | null; lastBody: string | null } };
  expect(answer.delivery?.lastStatus).toBe(200);
  const body = JSON.parse(answer.delivery?.lastBody ?? '{}') as { status?: string; issueKey?: string };
  expect(body.status).toBe('processed');
  return body.issueKey as string;
}

/** The name of the status an issue of the Jira sandbox is in. */
export const statusOf = (e2e: E2EStack, issueKey: string): string | undefined =>
  e2e.stack.jira.getIssue(issueKey)?.status.name;
