import type {
  CustomFieldDef,
  IssueTypeDef,
  LinkTypeDef,
  NamedDef,
  ProjectDef,
  SiteCatalog,
  StatusDef,
  TransitionDef,
  WorkflowDef,
} from './catalog-types';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Finds things in the site catalog by id, key or name, the ways Jira's REST API accepts them. */
export class CatalogLookup {
  constructor(
    readonly catalog: SiteCatalog,
    /** Module keys of the app's current `jira:customField` modules: only those fields are live. */
    private readonly liveFieldKeys: Set<string>,
  ) {}

  projects(): ProjectDef[] {
    return this.catalog.projects;
  }

  project(idOrKey: string): ProjectDef | undefined {
    return this.catalog.projects.find((project) => project.id === idOrKey || same(project.key, idOrKey));
  }

  projectById(id: string): ProjectDef {
    return this.required(
      this.catalog.projects.find((project) => project.id === id),
      `project ${id}`,
    );
  }

  workflowOf(project: ProjectDef): WorkflowDef {
    return this.required(
      this.catalog.workflows.find((workflow) => workflow.id === project.workflowId),
      `workflow of ${project.key}`,
    );
  }

  statuses(): StatusDef[] {
    return this.catalog.statuses;
  }

  status(id: string): StatusDef {
    return this.required(
      this.catalog.statuses.find((status) => status.id === id),
      `status ${id}`,
    );
  }

  statusesOf(project: ProjectDef): StatusDef[] {
    return this.workflowOf(project).statusIds.map((id) => this.status(id));
  }

  issueTypes(): IssueTypeDef[] {
    return this.catalog.issueTypes;
  }

  issueType(id: string): IssueTypeDef {
    return this.required(
      this.catalog.issueTypes.find((issueType) => issueType.id === id),
      `issue type ${id}`,
    );
  }

  issueTypesOf(project: ProjectDef): IssueTypeDef[] {
    return project.issueTypeIds.map((id) => this.issueType(id));
  }

  /** The transitions leaving fromStatusId: directed ones from it, and global ones to another status. */
  transitionsFrom(project: ProjectDef, fromStatusId: string): TransitionDef[] {
    return this.workflowOf(project).transitions.filter((transition) =>
      transition.from.length === 0 ? transition.to !== fromStatusId : transition.from.includes(fromStatusId),
    );
  }

  priorities(): NamedDef[] {
    return this.catalog.priorities;
  }

  priority(id: string): NamedDef {
    return this.required(
      this.catalog.priorities.find((priority) => priority.id === id),
      `priority ${id}`,
    );
  }

  resolutions(): NamedDef[] {
    return this.catalog.resolutions;
  }

  resolution(id: string): NamedDef {
    return this.required(
      this.catalog.resolutions.find((resolution) => resolution.id === id),
      `resolution ${id}`,
    );
  }

  linkTypes(): LinkTypeDef[] {
    return this.catalog.linkTypes;
  }

  /** The app's live custom fields. */
  customFields(): CustomFieldDef[] {
    return this.catalog.customFields.filter((fieldDef) => this.liveFieldKeys.has(fieldDef.moduleKey));
  }

  /** By id (`customfield_10100`), `cf[10100]`, or name. */
  customField(reference: string): CustomFieldDef | undefined {
    const cf = /^cf\[(\d+)\]$/i.exec(reference);
    return this.customFields().find((fieldDef) =>
      cf ? fieldDef.numericId === Number(cf[1]) : fieldDef.id === reference || same(fieldDef.name, reference),
    );
  }

  private required<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`Jira sandbox catalog has no ${what}`);
    return value;
  }
}

/** Finds an entity by id or (case-insensitive) name. */
export function byIdOrName<T extends { id: string; name: string }>(items: T[], reference: string): T | undefined {
  return items.find((item) => item.id === reference) ?? items.find((item) => same(item.name, reference));
}
