import { route } from '@forge/api';
import { toAdf, type RichText } from './adf';
import type { JiraClient } from './jira-client';
import type { EntityPropertyInput } from './issues';

export async function addComment(
  jira: JiraClient,
  issueIdOrKey: string,
  body: RichText,
  options: { properties?: EntityPropertyInput[] } = {},
): Promise<{ id: string }> {
  const created = await jira.request<{ id: string }>('POST', route`/rest/api/3/issue/${issueIdOrKey}/comment`, {
    body: { body: toAdf(body), ...(options.properties?.length ? { properties: options.properties } : {}) },
  });
  return { id: created.id };
}
