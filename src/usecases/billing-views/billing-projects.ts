import { findProject, type ProjectRef } from '../../adapters/jira/project-reads';
import { getAppConfig } from '../../adapters/storage/config';
import type { Viewer } from './viewer';

/** The projects the app syncs invoices into: the default project and each business's. */
export async function billingProjectKeys(): Promise<string[]> {
  const config = await getAppConfig();
  const keys = [config.defaultProjectKey, ...Object.values(config.businessProjects)];
  return [...new Set(keys.filter((key): key is string => typeof key === 'string'))].sort();
}

/** Of these projects, those the viewer may browse (asked of Jira as them), and how many they may not. */
export async function visibleProjects(
  viewer: Viewer,
  projectKeys: readonly string[],
): Promise<{ projects: ProjectRef[]; hidden: number }> {
  const found = await Promise.all(projectKeys.map((key) => findProject(viewer.jira, key)));
  const projects = found.filter((project): project is ProjectRef => project !== undefined);
  return { projects, hidden: projectKeys.length - projects.length };
}
