import type { DefaultsView } from '../../../../../src/entry/resolvers/api';

export interface Option {
  label: string;
  value: string;
}

export const projectOptions = (defaults: DefaultsView): Option[] =>
  defaults.projects.map((project) => ({ label: `${project.name} (${project.key})`, value: project.key }));

/**
 * "Automatic" (value ''): each project's type named for the purpose, shown with what it picks; then the site's
 * types, keeping a configured one selectable even if Jira no longer lists it.
 */
export function issueTypeOptions(defaults: DefaultsView, purpose: 'invoice' | 'customer'): Option[] {
  const names = defaults.issueTypes.map((type) => type.name);
  const configured = purpose === 'invoice' ? defaults.invoiceIssueType : defaults.customerIssueType;
  if (configured !== '' && !names.includes(configured)) names.push(configured);
  const picked = defaults.automaticIssueTypes[purpose];
  const automatic = {
    label: picked ? `Automatic (${picked})` : 'Automatic',
    value: '',
  };
  return [automatic, ...names.map((name) => ({ label: name, value: name }))];
}

export const findOption = (options: Option[], value: string | undefined): Option | null =>
  options.find((option) => option.value === value) ?? null;
