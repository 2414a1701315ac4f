import type { ProjectWithIssueTypes } from '../../../adapters/jira/projects';
import type { AppConfig, IssueTypeRef } from '../../../adapters/storage/config';
import { chooseIssueType, type IssueTypePurpose } from '../../../domain/sync/issue-type-choice';
import type { DefaultsView, NamedOption, WaveBusinessView } from '../api';

/** The configured type's name; empty when none was chosen (each project then uses its type named for the purpose). */
export const issueTypeName = (ref: IssueTypeRef, projects: ProjectWithIssueTypes[]): string => {
  if ('auto' in ref) return '';
  if ('name' in ref) return ref.name;
  return projects.flatMap((project) => project.issueTypes).find((type) => type.id === ref.id)?.name ?? ref.id;
};

/** Issue types by name: the configuration refers to them by name so one choice fits every project. */
export function issueTypeOptions(projects: ProjectWithIssueTypes[]): NamedOption[] {
  const names = new Set<string>();
  for (const project of projects) for (const type of project.issueTypes) if (!type.subtask) names.add(type.name);
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ id: name, name }));
}

/** What "none chosen" picks: in the default project, or among all the site's types before one is chosen. */
function automaticChoice(
  purpose: IssueTypePurpose,
  config: AppConfig,
  projects: ProjectWithIssueTypes[],
): string | undefined {
  const project = projects.find((candidate) => candidate.key === config.defaultProjectKey);
  const types = project
    ? project.issueTypes
    : issueTypeOptions(projects).map((option) => ({ ...option, subtask: false }));
  return chooseIssueType(purpose, types)?.name;
}

export function defaultsView(
  config: AppConfig,
  projects: ProjectWithIssueTypes[],
  businesses: WaveBusinessView[],
): DefaultsView {
  const invoice = automaticChoice('invoice', config, projects);
  const customer = automaticChoice('customer', config, projects);
  return {
    ...(config.defaultProjectKey ? { defaultProjectKey: config.defaultProjectKey } : {}),
    businessProjects: config.businessProjects,
    invoiceIssueType: issueTypeName(config.invoiceIssueType, projects),
    customerIssueType: issueTypeName(config.customerIssueType, projects),
    automaticIssueTypes: { ...(invoice ? { invoice } : {}), ...(customer ? { customer } : {}) },
    features: config.features,
    worklogMinutes: Math.round(config.worklogSeconds / 60),
    projects: projects.map((project) => ({ key: project.key, name: project.name })),
    issueTypes: issueTypeOptions(projects),
    businesses,
  };
}
