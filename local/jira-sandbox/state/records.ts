/** What the sandbox stores: Jira's data in its own shape, rendered into REST shapes by model/. */

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface StoredHistory {
  id: string;
  authorId: string;
  created: number;
  items: ChangeItem[];
}

export interface StoredWorklog {
  id: string;
  authorId: string;
  updateAuthorId: string;
  comment: unknown;
  started: number;
  timeSpentSeconds: number;
  created: number;
  updated: number;
  properties: Record<string, unknown>;
}

export interface StoredComment {
  id: string;
  authorId: string;
  updateAuthorId: string;
  body: unknown;
  created: number;
  updated: number;
}

export interface StoredIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: unknown;
  labels: string[];
  duedate: string | null;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  creatorId: string;
  reporterId: string;
  assigneeId: string | null;
  /** Values of custom fields by field id (customfield_10100). */
  customFields: Record<string, unknown>;
  properties: Record<string, unknown>;
  created: number;
  updated: number;
  statusCategoryChangeDate: number;
  worklogs: StoredWorklog[];
  comments: StoredComment[];
  history: StoredHistory[];
  /** Account ids watching the issue (absent on issues stored before watchers existed: none). */
  watchers?: string[];
  /** Time tracking estimates in seconds (absent or null: not estimated). */
  originalEstimateSeconds?: number | null;
  remainingEstimateSeconds?: number | null;
}

export interface StoredLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface StoredWebhook {
  id: number;
  url: string;
  events: string[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
  issuePropertyKeysFilter?: string[];
  createdAt: number;
  expiresAt: number;
}

/** An API token of a local user: only its SHA-256 hash is kept. */
export interface StoredApiToken {
  hash: string;
  accountId: string;
  label: string;
  createdAt: number;
}

/** A gadget on a dashboard: an instance of an app's `jira:dashboardGadget` module. */
export interface StoredGadget {
  id: string;
  moduleKey: string;
  /** What its edit view last submitted (`view.submit`); `{}` until then. */
  configuration: Record<string, unknown>;
  /** False until a configuration was submitted; such a gadget opens in its edit view for its editors. */
  configured: boolean;
}

export interface StoredDashboard {
  id: string;
  name: string;
  ownerId: string;
  gadgets: StoredGadget[];
  /** Gadget modules that got their default instance once (a removed one does not come back). */
  seededModules: string[];
}

export interface Counters {
  issue: number;
  worklog: number;
  comment: number;
  link: number;
  history: number;
  webhook: number;
  gadget: number;
  issueNumberByProject: Record<string, number>;
}
