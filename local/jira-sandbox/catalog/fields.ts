import type { CustomFieldDef } from './catalog-types';

export interface SystemFieldDef {
  id: string;
  name: string;
  schema: { type: string; system: string; items?: string };
  clauseNames: string[];
  orderable: boolean;
  /** On the create and edit screens of every project. */
  onScreens: boolean;
}

const field = (
  id: string,
  name: string,
  type: string,
  clauseNames: string[],
  onScreens: boolean,
  items?: string,
): SystemFieldDef => ({
  id,
  name,
  schema: { type, system: id, ...(items ? { items } : {}) },
  clauseNames,
  orderable: onScreens,
  onScreens,
});

export const SYSTEM_FIELDS: SystemFieldDef[] = [
  field('summary', 'Summary', 'string', ['summary'], true),
  field('description', 'Description', 'string', ['description'], true),
  field('project', 'Project', 'project', ['project'], false),
  field('issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type'], false),
  field('issuekey', 'Key', 'string', ['id', 'issue', 'issuekey', 'key'], false),
  field('labels', 'Labels', 'array', ['labels'], true, 'string'),
  field('duedate', 'Due date', 'date', ['due', 'duedate'], true),
  field('priority', 'Priority', 'priority', ['priority'], true),
  field('reporter', 'Reporter', 'user', ['reporter'], true),
  field('assignee', 'Assignee', 'user', ['assignee'], true),
  field('status', 'Status', 'status', ['status'], false),
  field('statusCategory', 'Status Category', 'statusCategory', ['statusCategory'], false),
  field('resolution', 'Resolution', 'resolution', ['resolution'], false),
  field('resolutiondate', 'Resolved', 'datetime', ['resolved', 'resolutiondate'], false),
  field('created', 'Created', 'datetime', ['created', 'createdDate'], false),
  field('updated', 'Updated', 'datetime', ['updated', 'updatedDate'], false),
  field('statuscategorychangedate', 'Status Category Changed', 'datetime', ['statusCategoryChangedDate'], false),
  field('creator', 'Creator', 'user', ['creator'], false),
  field('issuelinks', 'Linked Issues', 'array', ['issueLink'], false, 'issuelinks'),
  field('comment', 'Comment', 'comments-page', ['comment'], false),
  field('worklog', 'Log Work', 'array', ['worklogAuthor', 'worklogComment', 'worklogDate'], false, 'worklog'),
  field('timespent', 'Time Spent', 'number', ['timespent'], false),
  field('timetracking', 'Time tracking', 'timetracking', [], true),
  field('timeoriginalestimate', 'Original estimate', 'number', ['originalEstimate'], false),
  field('timeestimate', 'Remaining Estimate', 'number', ['remainingEstimate'], false),
];

export function systemField(id: string): SystemFieldDef | undefined {
  return SYSTEM_FIELDS.find((candidate) => candidate.id === id);
}

export interface CustomFieldModule {
  key: string;
  name: string;
  description?: string;
  type: string;
}

const FIRST_CUSTOM_FIELD_ID = 10100;

/** Keeps the id of every field already created; new modules get the next free id, as Jira assigns them once. */
export function assignCustomFields(stored: CustomFieldDef[], modules: CustomFieldModule[]): CustomFieldDef[] {
  const result = [...stored];
  let next = Math.max(FIRST_CUSTOM_FIELD_ID - 1, ...stored.map((fieldDef) => fieldDef.numericId)) + 1;
  for (const module of modules) {
    const existing = result.findIndex((fieldDef) => fieldDef.moduleKey === module.key);
    const updated = {
      moduleKey: module.key,
      name: module.name,
      description: module.description ?? '',
      type: module.type,
    };
    if (existing >= 0) {
      result[existing] = { ...(result[existing] as CustomFieldDef), ...updated };
    } else {
      result.push({ id: `customfield_${next}`, numericId: next, ...updated });
      next += 1;
    }
  }
  return result;
}

/** Forge's extension ARI for a module: `ari:cloud:ecosystem::extension/<appId>/<environmentId>/static/<moduleKey>`. */
export function extensionAri(appId: string, environmentId: string, moduleKey: string): string {
  const appUuid = appId.replace(/^ari:cloud:ecosystem::app\//, '');
  return `ari:cloud:ecosystem::extension/${appUuid}/${environmentId}/static/${moduleKey}`;
}

/** The field's JSON type as Jira reports it in `schema.type`. */
export function customFieldJsonType(forgeType: string): string {
  return forgeType === 'object' ? 'any' : forgeType;
}
