import { route } from '@forge/api';
import { toAdf, type RichText } from './adf';
import type { JiraClient } from './jira-client';
import { JiraPermissionError } from './jira-errors';

/** Worklog entity property holding the idempotency key of the Wave payment it records. */
export const PAYMENT_WORKLOG_PROPERTY = 'wave-payment';
const PAGE_SIZE = 1000;

export interface PaymentWorklogInput {
  idempotencyKey: string;
  started: Date;
  /** Jira's minimum is 60. */
  timeSpentSeconds: number;
  comment?: RichText;
  /** Extra data kept next to the key in the worklog property (no secrets). */
  details?: Record<string, unknown>;
}

interface WorklogPage {
  startAt?: number;
  total?: number;
  worklogs?: Array<{ id?: string; properties?: Array<{ key?: string; value?: unknown }> }>;
}

/** Jira's worklog timestamp: `2026-01-17T12:34:00.000+0000`. */
export function jiraDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

function keyOf(worklog: NonNullable<WorklogPage['worklogs']>[number]): string | undefined {
  const property = worklog.properties?.find((p) => p.key === PAYMENT_WORKLOG_PROPERTY);
  const value = property?.value as { idempotencyKey?: unknown } | undefined;
  return typeof value?.idempotencyKey === 'string' ? value.idempotencyKey : undefined;
}

/** The id of the worklog already recording this payment, if any. */
export async function findWorklogByIdempotencyKey(
  jira: JiraClient,
  issueIdOrKey: string,
  idempotencyKey: string,
): Promise<string | undefined> {
  for (let startAt = 0; ; startAt += PAGE_SIZE) {
    const page = await jira.request<WorklogPage>(
      'GET',
      route`/rest/api/3/issue/${issueIdOrKey}/worklog?startAt=${startAt}&maxResults=${PAGE_SIZE}&expand=properties`,
    );
    const worklogs = page.worklogs ?? [];
    const match = worklogs.find((worklog) => keyOf(worklog) === idempotencyKey);
    if (match?.id) return match.id;
    if (worklogs.length < PAGE_SIZE || startAt + worklogs.length >= (page.total ?? 0)) return undefined;
  }
}

/**
 * Adds the payment's worklog; its idempotency key is written in the same POST, as a worklog property. A payment
 * is not work done: it leaves the team's remaining estimate alone (`adjustEstimate=leave`, Jira's default `auto`
 * would burn it) and e-mails no watcher (`notifyUsers=false`). Where Jira does not let the app suppress the
 * e-mail (403), the worklog is added with Jira's default and `notified` says so.
 */
export async function addWorklog(
  jira: JiraClient,
  issueIdOrKey: string,
  input: PaymentWorklogInput,
): Promise<{ worklogId: string; notified: boolean }> {
  const body = {
    started: jiraDateTime(input.started),
    timeSpentSeconds: input.timeSpentSeconds,
    ...(input.comment !== undefined ? { comment: toAdf(input.comment) } : {}),
    properties: [{ key: PAYMENT_WORKLOG_PROPERTY, value: { ...input.details, idempotencyKey: input.idempotencyKey } }],
  };
  try {
    const created = await jira.request<{ id: string }>(
      'POST',
      route`/rest/api/3/issue/${issueIdOrKey}/worklog?adjustEstimate=leave&notifyUsers=false`,
      { body },
    );
    return { worklogId: created.id, notified: false };
  } catch (error) {
    if (!(error instanceof JiraPermissionError)) throw error;
    const created = await jira.request<{ id: string }>(
      'POST',
      route`/rest/api/3/issue/${issueIdOrKey}/worklog?adjustEstimate=leave`,
      { body },
    );
    return { worklogId: created.id, notified: true };
  }
}

/** Adds the payment's worklog unless one with the same key exists (after an interrupted run). */
export async function addWorklogOnce(
  jira: JiraClient,
  issueIdOrKey: string,
  input: PaymentWorklogInput,
): Promise<{ worklogId: string; created: boolean; notified: boolean }> {
  const existing = await findWorklogByIdempotencyKey(jira, issueIdOrKey, input.idempotencyKey);
  if (existing) return { worklogId: existing, created: false, notified: false };
  return { ...(await addWorklog(jira, issueIdOrKey, input)), created: true };
}
