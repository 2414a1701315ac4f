import { kvs } from './kvs';
import * as v from 'valibot';
import { fieldMessages, listFields, strictObject } from '../../shared/validation';
import { BadRequestError, NotConfiguredError } from '../../shared/errors';
import { storageKeys } from './keys';
import { ownValue } from '../../shared/own';

const projectKey = v.pipe(
  v.string(),
  v.regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key: capital letters, digits or _, starting with a letter'),
);
const jiraId = v.pipe(v.string(), v.regex(/^\d+$/, 'a Jira id (digits)'));
/** By id or by name, as an admin chose it; `auto`: none chosen, the type named for the purpose in each project. */
const issueTypeRef = v.union([
  strictObject({ id: jiraId }),
  strictObject({ name: v.pipe(v.string(), v.trim(), v.minLength(1)) }),
  strictObject({ auto: v.picklist(['invoice', 'customer']) }),
]);
const issueKey = v.pipe(
  v.string(),
  v.regex(/^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$/, 'a Jira issue key such as ACME-12'),
);
/** How one project's invoices link to the work they bill. */
const workLinksSchema = strictObject({
  /** The issue link type (Jira's name, e.g. "Relates"). */
  linkType: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60))),
  /** Wave customer id -> the issue (an epic, any parent of that client's work) every invoice of it links to. */
  customerIssues: v.optional(v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(256)), issueKey), {}),
});
/** Wave adds statuses (OVERPAID came later), so any upper-case status name is accepted. */
const waveStatus = v.pipe(v.string(), v.regex(/^[A-Z_]+$/, 'a Wave invoice status such as PAID'));

/** A default stands for an absent value and is checked like one given (so `features: {}` gets each default). */
export const appConfigSchema = strictObject({
  defaultProjectKey: v.optional(projectKey),
  /** Wave business id -> Jira project key; businesses not listed go to the default project. */
  businessProjects: v.optional(v.record(v.pipe(v.string(), v.minLength(1)), projectKey), {}),
  invoiceIssueType: v.optional(issueTypeRef, { auto: 'invoice' as const }),
  customerIssueType: v.optional(issueTypeRef, { auto: 'customer' as const }),
  /** Jira project key -> (Wave invoice status -> Jira status id). */
  statusMappings: v.optional(v.record(projectKey, v.record(waveStatus, jiraId)), {}),
  /** Jira project key -> how its invoices link to the work they bill. */
  workLinks: v.optional(v.record(projectKey, workLinksSchema), {}),
  features: v.optional(
    strictObject({
      customerIssues: v.optional(v.boolean(), true),
      paymentWorklogs: v.optional(v.boolean(), true),
      issueLinks: v.optional(v.boolean(), true),
    }),
    {},
  ),
  /** Time logged per payment worklog; Jira's minimum is 60 s. */
  worklogSeconds: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(60), v.maxValue(86_400)), 60),
  connectedBusinessId: v.optional(v.pipe(v.string(), v.minLength(1))),
});

export type AppConfig = v.InferOutput<typeof appConfigSchema>;
export type IssueTypeRef = v.InferOutput<typeof issueTypeRef>;

/** Validates an admin's input; the message names each offending field. */
export function parseAppConfig(input: unknown): AppConfig {
  const result = v.safeParse(appConfigSchema, input ?? {});
  if (result.success) return result.output;
  throw new BadRequestError(`invalid configuration: ${listFields(fieldMessages(result.issues))}`);
}

/** The configuration as stored (defaults where nothing is saved yet). */
export function storedAppConfig(stored: unknown): AppConfig {
  const result = v.safeParse(appConfigSchema, stored ?? {});
  if (!result.success)
    throw new NotConfiguredError('the stored configuration is no longer valid; open the admin page and save it again');
  return result.output;
}

export async function getAppConfig(): Promise<AppConfig> {
  return storedAppConfig(await kvs.get<unknown>(storageKeys.config()));
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
