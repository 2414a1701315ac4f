import { kvs } from './kvs';
import { z } from 'zod';
import { BadRequestError, NotConfiguredError } from '../../shared/errors';
import { storageKeys } from './keys';
import { ownValue } from '../../shared/own';

const projectKey = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key: capital letters, digits or _, starting with a letter');
const jiraId = z.string().regex(/^\d+$/, 'a Jira id (digits)');
const issueTypeRef = z.union([z.strictObject({ id: jiraId }), z.strictObject({ name: z.string().trim().min(1) })]);
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$/, 'a Jira issue key such as ACME-12');
/** How one project's invoices link to the work they bill. */
const workLinksSchema = z.strictObject({
  /** The issue link type (Jira's name, e.g. "Relates"). */
  linkType: z.string().trim().min(1).max(60).optional(),
  /** Wave customer id -> the issue (an epic, any parent of that client's work) every invoice of it links to. */
  customerIssues: z.record(z.string().min(1).max(256), issueKey).default({}),
});
/** Wave adds statuses (OVERPAID came later), so any upper-case status name is accepted. */
const waveStatus = z.string().regex(/^[A-Z_]+$/, 'a Wave invoice status such as PAID');

export const appConfigSchema = z.strictObject({
  defaultProjectKey: projectKey.optional(),
  /** Wave business id -> Jira project key; businesses not listed go to the default project. */
  businessProjects: z.record(z.string().min(1), projectKey).default({}),
  invoiceIssueType: issueTypeRef.default({ name: 'Task' }),
  customerIssueType: issueTypeRef.default({ name: 'Task' }),
  /** Jira project key -> (Wave invoice status -> Jira status id). */
  statusMappings: z.record(projectKey, z.record(waveStatus, jiraId)).default({}),
  /** Jira project key -> how its invoices link to the work they bill. */
  workLinks: z.record(projectKey, workLinksSchema).default({}),
  features: z
    .strictObject({
      customerIssues: z.boolean().default(true),
      paymentWorklogs: z.boolean().default(true),
      issueLinks: z.boolean().default(true),
    })
    .prefault({}),
  /** Time logged per payment worklog; Jira's minimum is 60 s. */
  worklogSeconds: z.number().int().min(60).max(86_400).default(60),
  connectedBusinessId: z.string().min(1).optional(),
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
