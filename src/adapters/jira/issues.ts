import { route } from '@forge/api';
import { toAdf, type RichText } from './adf';
import type { JiraClient } from './jira-client';
import { JiraNotFoundError } from './jira-errors';

export type IssueTypeRef = { id: string } | { name: string };

export interface EntityPropertyInput {
  key: string;
  value: unknown;
}

export interface CreateIssueInput {
  projectKey: string;
  issueType: IssueTypeRef;
  summary: string;
  description?: RichText;
  labels?: string[];
  /** Issue entity properties set in the same call (e.g. `wave-link`, indexed for JQL). */
  properties?: EntityPropertyInput[];
  /** Further fields by id, e.g. `duedate`. */
  fields?: Record<string, unknown>;
}

export interface CreatedIssue {
  id: string;
  key: string;
}

export interface JiraIssue {
  id: string;
  key: string;
  fields: {
    summary?: string;
    labels?: string[];
    status?: { id: string; name: string; statusCategory?: { key: string } };
    issuetype?: { id: string; name: string };
    project?: { id: string; key: string };
    [fieldId: string]: unknown;
  };
  properties?: Record<string, unknown>;
}

export interface EditIssueInput {
  fields?: Record<string, unknown>;
  /** Issue entity properties set in the same call. */
  properties?: EntityPropertyInput[];
  /** Labels added to those already there (Jira's `update.labels.add`). */
  addLabels?: string[];
}

export const DEFAULT_ISSUE_FIELDS = ['summary', 'status', 'issuetype', 'project', 'labels'];

export async function createIssue(jira: JiraClient, input: CreateIssueInput): Promise<CreatedIssue> {
  const fields: Record<string, unknown> = {
    ...input.fields,
    project: { key: input.projectKey },
    issuetype: input.issueType,
    summary: input.summary,
    ...(input.description !== undefined ? { description: toAdf(input.description) } : {}),
    ...(input.labels?.length ? { labels: input.labels } : {}),
  };
  const created = await jira.request<CreatedIssue>('POST', route`/rest/api/3/issue`, {
    body: { fields, ...(input.properties?.length ? { properties: input.properties } : {}) },
  });
  return { id: created.id, key: created.key };
}

/** The issue, or undefined when it does not exist (or the app cannot see it). */
export async function getIssue(
  jira: JiraClient,
  issueIdOrKey: string,
  options: { fields?: string[]; properties?: string[] } = {},
): Promise<JiraIssue | undefined> {
  const fields = (options.fields ?? DEFAULT_ISSUE_FIELDS).join(',');
  const properties = (options.properties ?? []).join(',');
  const path = properties
    ? route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields}&properties=${properties}`
    : route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields}`;
  try {
    return await jira.request<JiraIssue>('GET', path);
  } catch (error) {
    if (error instanceof JiraNotFoundError) return undefined;
    throw error;
  }
}

export async function editIssue(jira: JiraClient, issueIdOrKey: string, input: EditIssueInput): Promise<void> {
  const body = {
    ...(input.fields && Object.keys(input.fields).length ? { fields: input.fields } : {}),
    ...(input.properties?.length ? { properties: input.properties } : {}),
    ...(input.addLabels?.length ? { update: { labels: input.addLabels.map((label) => ({ add: label })) } } : {}),
  };
  if (Object.keys(body).length === 0) return;
  await jira.request<void>('PUT', route`/rest/api/3/issue/${issueIdOrKey}`, { body });
}

/** False when the issue was already gone. */
export async function deleteIssue(jira: JiraClient, issueIdOrKey: string): Promise<boolean> {
  try {
    await jira.request<void>('DELETE', route`/rest/api/3/issue/${issueIdOrKey}`);
    return true;
  } catch (error) {
    if (error instanceof JiraNotFoundError) return false;
    throw error;
  }
}
