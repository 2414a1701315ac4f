import type { JiraSandboxControl, SandboxIssueView } from '../../local/jira-sandbox/types';
import type { WaveSandboxControl } from '../../local/wave-sandbox';
import type { WaveInvoice } from '../../src/domain/wave-webhook';

export interface SyncCheck {
  invoices: number;
  /** Wave invoices with no Jira issue. */
  lost: string[];
  /** Second issues for one invoice, and second worklogs for one payment. */
  duplicates: string[];
  /** Issues that do not show the invoice's final state. */
  mismatched: string[];
}

/** The product's promise: Wave's status decides the Jira status category (README: sent, viewed, paid). */
function expectedCategory(waveStatus: string): string {
  if (waveStatus === 'DRAFT' || waveStatus === 'SAVED') return 'new';
  if (waveStatus === 'PAID' || waveStatus === 'OVERPAID') return 'done';
  return 'indeterminate';
}

interface PaymentProperty {
  idempotencyKey?: string;
  amountMinor?: number;
}

function problemsOf(issue: SandboxIssueView, invoice: WaveInvoice): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted) problems.push(`${what} is ${JSON.stringify(actual)}, Wave says ${JSON.stringify(wanted)}`);
  };
  expect('wave-status', issue.appFields['wave-status'], invoice.status);
  expect('wave-invoice-number', issue.appFields['wave-invoice-number'], invoice.invoiceNumber);
  expect('wave-amount', issue.appFields['wave-amount'], invoice.total.raw / 100);
  expect('status category', issue.status.category, expectedCategory(invoice.status));
  const logged = issue.worklogs.reduce(
    (sum, worklog) =>
      sum + Number((worklog.properties['wave-payment'] as PaymentProperty | undefined)?.amountMinor ?? 0),
    0,
  );
  expect('money logged (minor units)', logged, invoice.amountPaid.raw);
  return problems;
}

function repeatedWorklogKeys(issue: SandboxIssueView): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const worklog of issue.worklogs) {
    const key =
      (worklog.properties['wave-payment'] as PaymentProperty | undefined)?.idempotencyKey ??
      `worklog ${worklog.id} without key`;
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/**
 * Checks every Wave invoice (or those in `invoiceIds`) against Jira: one issue, its app fields and status
 * category showing Wave's final state, worklogs adding up to what was paid, no worklog twice.
 */
export function compareJiraWithWave(
  jira: JiraSandboxControl,
  wave: WaveSandboxControl,
  options: { invoiceIds?: ReadonlySet<string>; projectKey?: string } = {},
): SyncCheck {
  const invoices = (wave.api.stateDump().invoices as WaveInvoice[]).filter(
    (invoice) => !options.invoiceIds || options.invoiceIds.has(invoice.id),
  );
  const issuesByWaveId = new Map<string, SandboxIssueView[]>();
  for (const issue of jira.listIssues(options.projectKey ?? 'BILL')) {
    const waveId = issue.appFields['wave-id'];
    if (typeof waveId === 'string') issuesByWaveId.set(waveId, [...(issuesByWaveId.get(waveId) ?? []), issue]);
  }
  const check: SyncCheck = { invoices: invoices.length, lost: [], duplicates: [], mismatched: [] };
  for (const invoice of invoices) {
    const name = `invoice ${invoice.invoiceNumber}`;
    const [issue, ...extra] = issuesByWaveId.get(invoice.id) ?? [];
    if (!issue) {
      check.lost.push(name);
      continue;
    }
    check.duplicates.push(...extra.map((other) => `${name}: second issue ${other.key}`));
    check.duplicates.push(...repeatedWorklogKeys(issue).map((key) => `${name}: worklog ${key} twice on ${issue.key}`));
    const problems = problemsOf(issue, invoice);
    if (problems.length > 0) check.mismatched.push(`${name} (${issue.key}): ${problems.join('; ')}`);
  }
  return check;
}
