import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

export interface JiraProject {
  id: string;
  key: string;
  name: string;
}

export interface ProjectWithIssueTypes extends JiraProject {
  issueTypes: Array<{ id: string; name: string; subtask: boolean }>;
}

interface ProjectSearchPage {
  isLast?: boolean;
  values?: Array<{
    id?: string;
    key?: string;
    name?: string;
    issueTypes?: Array<{ id?: string; name?: string; subtask?: boolean }>;
  }>;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/** One project by key (`GET /rest/api/3/project/{key}`); Jira answers 404 for a project the caller cannot see. */
export async function getProject(jira: JiraClient, projectKey: string): Promise<JiraProject> {
  const project = await jira.request<{ id: string; key: string; name: string }>(
    'GET',
    route`/rest/api/3/project/${projectKey}`,
  );
  return { id: project.id, key: project.key, name: project.name };
}

/** The site's projects with their issue types (`GET /rest/api/3/project/search?expand=issueTypes`). */
export async function listProjects(jira: JiraClient): Promise<ProjectWithIssueTypes[]> {
  const projects: ProjectWithIssueTypes[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const startAt = page * PAGE_SIZE;
    const answer = await jira.request<ProjectSearchPage>(
      'GET',
      route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${PAGE_SIZE}&expand=issueTypes&orderBy=key`,
    );
    const values = answer.values ?? [];
    for (const project of values) {
      if (!project.id || !project.key || !project.name) continue;
      const issueTypes = (project.issueTypes ?? []).flatMap((type) =>
        type.id && type.name ? [{ id: type.id, name: type.name, subtask: type.subtask ?? false }] : [],
      );
      projects.push({ id: project.id, key: project.key, name: project.name, issueTypes });
    }
    if (answer.isLast !== false || values.length === 0) break;
  }
  return projects;
}
