/** The site's configuration: what a Jira admin sets up (projects, workflows, fields), seeded once and stored. */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
  /** Set for statuses created inside one project; global statuses have none. */
  projectId?: string;
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  avatarId: number;
}

export interface ScreenFieldDef {
  id: string;
  required: boolean;
}

export interface TransitionDef {
  id: string;
  name: string;
  description: string;
  /** Status ids this transition leaves from; empty means a global transition (from any status). */
  from: string[];
  to: string;
  screen?: ScreenFieldDef[];
  /** Only users who administer the project may take it. */
  condition?: 'project-admin';
  /** Post function: sets this resolution id; null clears the resolution; undefined leaves it. */
  resolution?: string | null;
}

export interface WorkflowDef {
  id: string;
  name: string;
  description: string;
  initialTransition: { id: string; name: string; to: string };
  statusIds: string[];
  transitions: TransitionDef[];
  /** Workflow status properties by status id, e.g. `{'6': {'jira.issue.editable': 'false'}}`. */
  statusProperties?: Record<string, Record<string, string>>;
}

export interface ProjectDef {
  id: string;
  key: string;
  name: string;
  description: string;
  uuid: string;
  typeKey: 'software' | 'business';
  leadAccountId: string;
  issueTypeIds: string[];
  workflowId: string;
}

export interface LinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface NamedDef {
  id: string;
  name: string;
  description: string;
}

export interface CustomFieldDef {
  id: string;
  numericId: number;
  moduleKey: string;
  name: string;
  description: string;
  /** The Forge `jira:customField` type: string, number, date, datetime, user, group, object. */
  type: string;
}

export interface SiteCatalog {
  statuses: StatusDef[];
  issueTypes: IssueTypeDef[];
  projects: ProjectDef[];
  workflows: WorkflowDef[];
  linkTypes: LinkTypeDef[];
  priorities: NamedDef[];
  resolutions: NamedDef[];
  customFields: CustomFieldDef[];
}
