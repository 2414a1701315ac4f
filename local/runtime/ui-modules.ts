/**
 * The Custom UI modules of manifest.yml the local runtime serves, with the properties Forge's manifest
 * schema (`@forge/manifest` 13.7) gives them. UI Kit (`render: native`), UI Kit 1 (`function`) and Forge
 * remote resolvers (`resolver.endpoint`) are refused at start: the local runtime cannot render them.
 */

export type PageModuleType = 'jira:adminPage' | 'jira:projectSettingsPage';
export type UiModuleType = PageModuleType | 'jira:issueContext' | 'jira:dashboardGadget';

interface UiModuleBase {
  key: string;
  /** The resource (key in `resources`) the module's view is served from. */
  resource: string;
  /** The function key of `resolver.function`. */
  resolverFunction?: string;
  title?: string;
}

export interface PageModule extends UiModuleBase {
  type: PageModuleType;
}

/** `jira:issueContext`: a collapsible panel in the issue view's side column. */
export interface IssueContextModule extends UiModuleBase {
  type: 'jira:issueContext';
  title: string;
  /** The text of the panel's button. */
  label: string;
  icon?: string;
  /** `{type: 'badge'|'lozenge'|'icon', value: {label, url?, type?}}`, shown beside the label. */
  status?: { type: string; value: { label: string; url?: string; type?: string } };
  displayConditions?: Record<string, unknown>;
}

/** `jira:dashboardGadget`: a gadget with an optional edit view (`edit.resource`). */
export interface DashboardGadgetModule extends UiModuleBase {
  type: 'jira:dashboardGadget';
  title: string;
  /** Where the gadget's title links to (`title: {text, href}`). */
  titleHref?: string;
  description: string;
  thumbnail: string;
  /** The resource of the edit view; without it the gadget cannot be configured. */
  editResource?: string;
  /** False: Jira's refresh does not reload the gadget (it handles JIRA_DASHBOARD_GADGET_REFRESH itself). */
  refreshable: boolean;
  displayConditions?: Record<string, unknown>;
}

export type UiModule = PageModule | IssueContextModule | DashboardGadgetModule;

type Yaml = Record<string, unknown>;

export interface UiModuleParsing {
  list(name: string): Yaml[];
  text(module: Yaml, field: string, where: string): string;
  functionRef(module: Yaml, where: string): string;
  fail(message: string): never;
}

export function isObject(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every Custom UI module of the manifest: admin and project settings pages, issue contexts, dashboard gadgets. */
export function parseUiModules(parsing: UiModuleParsing): UiModule[] {
  const pages: UiModule[] = (['jira:adminPage', 'jira:projectSettingsPage'] as const).flatMap((type) =>
    parsing.list(type).map((module) => {
      const key = parsing.text(module, 'key', `modules.${type}`);
      return {
        type,
        key,
        resource: parsing.text(module, 'resource', `${type} ${key}`),
        resolverFunction: resolverOf(parsing, module, `${type} ${key}`),
        title: typeof module.title === 'string' ? module.title : undefined,
      };
    }),
  );
  const issueContexts = parsing.list('jira:issueContext').map((module): IssueContextModule => {
    const key = parsing.text(module, 'key', 'modules.jira:issueContext');
    const where = `jira:issueContext ${key}`;
    refuseUnservable(parsing, module, where);
    return {
      type: 'jira:issueContext',
      key,
      resource: parsing.text(module, 'resource', where),
      resolverFunction: resolverOf(parsing, module, where),
      title: displayText(parsing, module.title, `${where}: title`),
      label: displayText(parsing, module.label, `${where}: label`),
      ...(typeof module.icon === 'string' ? { icon: module.icon } : {}),
      ...(isObject(module.status) ? { status: statusOf(parsing, module.status, where) } : {}),
      ...displayConditionsOf(parsing, module, where),
    };
  });
  const gadgets = parsing.list('jira:dashboardGadget').map((module): DashboardGadgetModule => {
    const key = parsing.text(module, 'key', 'modules.jira:dashboardGadget');
    const where = `jira:dashboardGadget ${key}`;
    refuseUnservable(parsing, module, where);
    const title = module.title;
    const linked = isObject(title) && typeof title.text === 'string' && typeof title.href === 'string';
    const edit = module.edit;
    if (edit !== undefined && !(isObject(edit) && typeof edit.resource === 'string'))
      parsing.fail(`${where}: edit must be {resource: <resource key>} (UI Kit and UI Kit 1 edit views are not served)`);
    if (module.refreshable !== undefined && typeof module.refreshable !== 'boolean')
      parsing.fail(`${where}: refreshable must be true or false`);
    return {
      type: 'jira:dashboardGadget',
      key,
      resource: parsing.text(module, 'resource', where),
      resolverFunction: resolverOf(parsing, module, where),
      title: linked ? (title.text as string) : displayText(parsing, title, `${where}: title`),
      ...(linked ? { titleHref: title.href as string } : {}),
      description: displayText(parsing, module.description, `${where}: description`),
      thumbnail: parsing.text(module, 'thumbnail', where),
      ...(isObject(edit) ? { editResource: edit.resource as string } : {}),
      refreshable: module.refreshable !== false,
      ...displayConditionsOf(parsing, module, where),
    };
  });
  return [...pages, ...issueContexts, ...gadgets];
}

/** The resources a module is served from (its view, and a gadget's edit view). */
export function resourcesOf(module: UiModule): string[] {
  return module.type === 'jira:dashboardGadget' && module.editResource
    ? [module.resource, module.editResource]
    : [module.resource];
}

function resolverOf(parsing: UiModuleParsing, module: Yaml, where: string): string | undefined {
  if (module.resolver === undefined) return undefined;
  if (isObject(module.resolver) && module.resolver.endpoint !== undefined)
    parsing.fail(`${where}: resolver.endpoint (Forge remote) is not supported by the local runtime`);
  return isObject(module.resolver) ? parsing.functionRef(module.resolver, `${where} resolver`) : undefined;
}

function refuseUnservable(parsing: UiModuleParsing, module: Yaml, where: string): void {
  if (module.render === 'native')
    parsing.fail(`${where}: render: native (UI Kit) is not supported by the local runtime; use a Custom UI resource`);
  if (module.function !== undefined && module.resource === undefined)
    parsing.fail(
      `${where}: UI Kit 1 modules (function) are not supported by the local runtime; use a Custom UI resource`,
    );
}

/** A string, or an i18n object (shown as its key: the local runtime has no translation files). */
function displayText(parsing: UiModuleParsing, value: unknown, where: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (isObject(value) && typeof value.i18n === 'string') return value.i18n;
  return parsing.fail(`${where} must be a string or {i18n: <key>}`);
}

function statusOf(parsing: UiModuleParsing, status: Yaml, where: string): NonNullable<IssueContextModule['status']> {
  const value = status.value;
  if (typeof status.type !== 'string' || !isObject(value) || typeof value.label !== 'string')
    parsing.fail(`${where}: status must be {type, value: {label, url?, type?}}`);
  return status as NonNullable<IssueContextModule['status']>;
}

function displayConditionsOf(
  parsing: UiModuleParsing,
  module: Yaml,
  where: string,
): { displayConditions?: Record<string, unknown> } {
  if (module.displayConditions === undefined) return {};
  if (!isObject(module.displayConditions)) parsing.fail(`${where}: displayConditions must be a mapping`);
  return { displayConditions: module.displayConditions };
}
