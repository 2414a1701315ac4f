import type { DefaultsView } from '../../../../../src/entry/resolvers/api';

export interface Option {
  label: string;
  value: string;
}

export const projectOptions = (defaults: DefaultsView): Option[] =>
  defaults.projects.map((project) => ({ label: `${project.name} (${project.key})`, value: project.key }));

/** Keeps a configured value selectable even if Jira no longer lists it. */
export function issueTypeOptions(defaults: DefaultsView): Option[] {
  const names = defaults.issueTypes.map((type) => type.name);
  for (const name of [defaults.invoiceIssueType, defaults.customerIssueType])
    if (!names.includes(name)) names.push(name);
  return names.map((name) => ({ label: name, value: name }));
}

export const findOption = (options: Option[], value: string | undefined): Option | null =>
  options.find((option) => option.value === value) ?? null;
