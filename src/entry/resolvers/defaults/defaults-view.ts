import type { AppConfig, IssueTypeRef } from '../../../adapters/storage/config';
import type { DefaultsView, NamedOption, WaveBusinessView } from '../api';
import type { ProjectWithIssueTypes } from '../../../adapters/jira/projects';

export const issueTypeName = (ref: IssueTypeRef, projects: ProjectWithIssueTypes[]): string =>
  'name' in ref
    ? ref.name
    : (projects.flatMap((project) => project.issueTypes).find((type) => type.id === ref.id)?.name ?? ref.id);

/** Issue types by name: the configuration refers to them by name so one choice fits every project. */
export function issueTypeOptions(projects: ProjectWithIssueTypes[]): NamedOption[] {
  const names = new Set<string>();
  for (const project of projects) for (const type of project.issueTypes) if (!type.subtask) names.add(type.name);
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ id: name, name }));
}

export function defaultsView(
  config: AppConfig,
  projects: ProjectWithIssueTypes[],
  businesses: WaveBusinessView[],
): DefaultsView {
  return {
    ...(config.defaultProjectKey ? { defaultProjectKey: config.defaultProjectKey } : {}),
    businessProjects: config.businessProjects,
    invoiceIssueType: issueTypeName(config.invoiceIssueType, projects),
    customerIssueType: issueTypeName(config.customerIssueType, projects),
    features: config.features,
    worklogMinutes: Math.round(config.worklogSeconds / 60),
    projects: projects.map((project) => ({ key: project.key, name: project.name })),
    issueTypes: issueTypeOptions(projects),
    businesses,
  };
}
