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

export interface Counters {
  issue: number;
  worklog: number;
  comment: number;
  link: number;
  history: number;
  webhook: number;
  issueNumberByProject: Record<string, number>;
}
