import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { JiraNotFoundError } from './jira-errors';

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

/** The project, or undefined when it does not exist or the client's user may not browse it (Jira: 404 for both). */
export async function findProject(jira: JiraClient, projectKey: string): Promise<ProjectRef | undefined> {
  try {
    const project = await jira.request<{ id?: string; key?: string; name?: string }>(
      'GET',
      route`/rest/api/3/project/${projectKey}`,
    );
    return project.id && project.key
      ? { id: project.id, key: project.key, name: project.name ?? project.key }
      : undefined;
  } catch (error) {
    if (error instanceof JiraNotFoundError) return undefined;
    throw error;
  }
}
