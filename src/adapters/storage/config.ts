import { kvs } from './kvs';
import * as z from '../../shared/zod';
import { BadRequestError, NotConfiguredError } from '../../shared/errors';
import { storageKeys } from './keys';
import { ownValue } from '../../shared/own';

const projectKey = z
  .string()
  .check(z.regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key: capital letters, digits or _, starting with a letter'));
const jiraId = z.string().check(z.regex(/^\d+$/, 'a Jira id (digits)'));
/** By id or by name, as an admin chose it; `auto`: none chosen, the type named for the purpose in each project. */
const issueTypeRef = z.union([
  z.strictObject({ id: jiraId }),
  z.strictObject({ name: z.string().check(z.trim(), z.minLength(1)) }),
  z.strictObject({ auto: z.enum(['invoice', 'customer']) }),
]);
const issueKey = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$/, 'a Jira issue key such as ACME-12'));
/** How one project's invoices link to the work they bill. */
const workLinksSchema = z.strictObject({
  /** The issue link type (Jira's name, e.g. "Relates"). */
  linkType: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  /** Wave customer id -> the issue (an epic, any parent of that client's work) every invoice of it links to. */
  customerIssues: z._default(z.record(z.string().check(z.minLength(1), z.maxLength(256)), issueKey), {}),
});
/** Wave adds statuses (OVERPAID came later), so any upper-case status name is accepted. */
const waveStatus = z.string().check(z.regex(/^[A-Z_]+$/, 'a Wave invoice status such as PAID'));

export const appConfigSchema = z.strictObject({
  defaultProjectKey: z.optional(projectKey),
  /** Wave business id -> Jira project key; businesses not listed go to the default project. */
  businessProjects: z._default(z.record(z.string().check(z.minLength(1)), projectKey), {}),
  invoiceIssueType: z._default(issueTypeRef, { auto: 'invoice' as const }),
  customerIssueType: z._default(issueTypeRef, { auto: 'customer' as const }),
  /** Jira project key -> (Wave invoice status -> Jira status id). */
  statusMappings: z._default(z.record(projectKey, z.record(waveStatus, jiraId)), {}),
  /** Jira project key -> how its invoices link to the work they bill. */
  workLinks: z._default(z.record(projectKey, workLinksSchema), {}),
  features: z.prefault(
    z.strictObject({
      customerIssues: z._default(z.boolean(), true),
      paymentWorklogs: z._default(z.boolean(), true),
      issueLinks: z._default(z.boolean(), true),
    }),
    {},
  ),
  /** Time logged per payment worklog; Jira's minimum is 60 s. */
  worklogSeconds: z._default(z.int().check(z.minimum(60), z.maximum(86_400)), 60),
  connectedBusinessId: z.optional(z.string().check(z.minLength(1))),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type IssueTypeRef = z.infer<typeof issueTypeRef>;

/** Validates an admin's input; the message names each offending field. */
export function parseAppConfig(input: unknown): AppConfig {
  const result = appConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new BadRequestError(`invalid configuration: ${z.prettifyError(result.error).replace(/\n+/g, ' ')}`);
}

export async function getAppConfig(): Promise<AppConfig> {
  const stored = await kvs.get<unknown>(storageKeys.config());
  const result = appConfigSchema.safeParse(stored ?? {});
  if (!result.success)
    throw new NotConfiguredError('the stored configuration is no longer valid; open the admin page and save it again');
  return result.data;
}

export async function saveAppConfig(input: unknown): Promise<AppConfig> {
  const config = parseAppConfig(input);
  await kvs.set(storageKeys.config(), config);
  return config;
}

/** The Jira project that receives a business's invoices. */
export function resolveProjectKey(config: AppConfig, businessId: string | undefined): string {
  const routed = businessId ? ownValue(config.businessProjects, businessId) : undefined;
  const key = routed ?? config.defaultProjectKey;
  if (!key)
    throw new NotConfiguredError('no Jira project is configured for Wave invoices; choose one on the admin page');
  return key;
}

/** The link type invoices of this project use for the work they bill ("Relates" unless set). */
export const DEFAULT_WORK_LINK_TYPE = 'Relates';
