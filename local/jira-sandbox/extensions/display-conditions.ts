/**
 * Forge display conditions for Jira modules (developer.atlassian.com, "Display conditions" and "Usage with
 * Jira/JSM modules"), evaluated as Jira does for the modules this sandbox hosts. A documented subset: the
 * conditions below; anything else is refused when the sandbox starts (`checkDisplayConditions`), never
 * silently taken as true or false.
 */

/** What a condition can be checked against: the viewer, and the issue and project the module is shown with. */
export interface DisplayFacts {
  globalPermissions: ReadonlySet<string>;
  /** The viewer's permissions in the project of the issue or page; absent outside a project. */
  projectPermissions?: ReadonlySet<string>;
  issue?: { id: string; key: string; typeName: string; properties: Readonly<Record<string, unknown>> };
  project?: { id: string; key: string; name: string; type: string };
}

type Check = (facts: DisplayFacts, value: unknown) => boolean;

const OPERATORS = new Set(['and', 'or', 'not']);

const inList = (value: unknown, actual: string | undefined) =>
  actual !== undefined && (Array.isArray(value) ? value : [value]).map(String).includes(actual);
const globalPermission =
  (key: string): Check =>
  (facts, value) =>
    facts.globalPermissions.has(key) === value;
const projectPermission =
  (key: string): Check =>
  (facts, value) =>
    facts.projectPermissions !== undefined && facts.projectPermissions.has(key) === value;

/** Boolean project-permission conditions and the permission each checks. */
const PROJECT_PERMISSION_CONDITIONS: Record<string, string> = {
  isProjectAdmin: 'ADMINISTER_PROJECTS',
  canAdministerProjects: 'ADMINISTER_PROJECTS',
  canAddComments: 'ADD_COMMENTS',
  canAssignIssues: 'ASSIGN_ISSUES',
  canBeAssignedToIssues: 'ASSIGNABLE_USER',
  canCloneIssues: 'CREATE_ISSUES',
  canCreateAttachments: 'CREATE_ATTACHMENTS',
  canDeleteAllAttachments: 'DELETE_ALL_ATTACHMENTS',
  canDeleteAllComments: 'DELETE_ALL_COMMENTS',
  canDeleteAllWorklogs: 'DELETE_ALL_WORKLOGS',
  canDeleteIssues: 'DELETE_ISSUES',
  canDeleteOwnAttachments: 'DELETE_OWN_ATTACHMENTS',
  canDeleteOwnComments: 'DELETE_OWN_COMMENTS',
  canDeleteOwnWorklogs: 'DELETE_OWN_WORKLOGS',
  canEditAllComments: 'EDIT_ALL_COMMENTS',
  canEditAllWorklogs: 'EDIT_ALL_WORKLOGS',
  canEditIssues: 'EDIT_ISSUES',
  canEditOwnComments: 'EDIT_OWN_COMMENTS',
  canEditOwnWorklogs: 'EDIT_OWN_WORKLOGS',
  canLinkIssues: 'LINK_ISSUES',
  canLogWork: 'WORK_ON_ISSUES',
  canManageWatchers: 'MANAGE_WATCHERS',
  canModifyReporters: 'MODIFY_REPORTER',
  canMoveIssues: 'MOVE_ISSUES',
  canScheduleIssues: 'SCHEDULE_ISSUES',
  canViewWatchers: 'VIEW_VOTERS_AND_WATCHERS',
};

const BOOLEAN_CONDITIONS: Record<string, Check> = {
  isLoggedIn: (_facts, value) => value === true,
  isAdmin: globalPermission('ADMINISTER'),
  canAdministerJira: globalPermission('ADMINISTER'),
  isSiteAdmin: globalPermission('SYSTEM_ADMIN'),
  canBrowseUsers: globalPermission('USER_PICKER'),
  hasCoreAccess: (_facts, value) => value === true,
  hasSoftwareAccess: (_facts, value) => value === true,
  hasServiceDeskAccess: (_facts, value) => value === false,
  isProjectArchived: (facts, value) => facts.project !== undefined && value === false,
  // The sandbox's time tracking is always Jira's own provider.
  jiraTimeTrackingProviderEnabled: (_facts, value) => value === true,
  ...Object.fromEntries(
    Object.entries(PROJECT_PERMISSION_CONDITIONS).map(([name, key]) => [name, projectPermission(key)]),
  ),
};

const STRING_CONDITIONS: Record<string, Check> = {
  hasGlobalPermission: (facts, value) => facts.globalPermissions.has(value as string),
  hasIssuePermission: (facts, value) =>
    facts.issue !== undefined && facts.projectPermissions?.has(value as string) === true,
  hasProjectPermission: (facts, value) => facts.projectPermissions?.has(value as string) === true,
};

const LIST_CONDITIONS: Record<string, Check> = {
  issueKey: (facts, value) => inList(value, facts.issue?.key),
  issueId: (facts, value) => inList(value, facts.issue?.id),
  issueType: (facts, value) => inList(value, facts.issue?.typeName),
  projectKey: (facts, value) => inList(value, facts.project?.key),
  projectId: (facts, value) => inList(value, facts.project?.id),
  projectName: (facts, value) => inList(value, facts.project?.name),
  projectType: (facts, value) => inList(value, facts.project?.type),
};

const ENTITY_CONDITIONS: Record<string, (property: unknown, expected: string[]) => boolean> = {
  entityPropertyExists: () => true,
  entityPropertyEqualTo: (property, expected) => !Array.isArray(property) && asString(property) === expected[0],
  entityPropertyContainsAny: (property, expected) =>
    (Array.isArray(property) ? property : [property]).map(asString).some((item) => expected.includes(item)),
  entityPropertyContainsAll: (property, expected) => {
    const items = (Array.isArray(property) ? property : [property]).map(asString);
    return expected.every((item) => items.includes(item));
  },
};

/** The condition names this sandbox evaluates. */
export const SUPPORTED_DISPLAY_CONDITIONS = [
  ...OPERATORS,
  ...Object.keys(BOOLEAN_CONDITIONS),
  ...Object.keys(STRING_CONDITIONS),
  ...Object.keys(LIST_CONDITIONS),
  ...Object.keys(ENTITY_CONDITIONS),
];

/** What is wrong with a module's `displayConditions` for this sandbox: unknown or unsupported names, bad values. */
export function checkDisplayConditions(conditions: unknown, where: string): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > 10) {
      problems.push(`${where}: display conditions nest more than 10 levels`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`, depth));
      return;
    }
    if (!isRecord(node)) {
      problems.push(`${where}: ${path || 'displayConditions'} must be a mapping of conditions`);
      return;
    }
    for (const [name, value] of Object.entries(node)) {
      const at = path ? `${path}.${name}` : name;
      if (OPERATORS.has(name)) visit(value, at, depth + 1);
      else {
        const problem = leafProblem(name, value);
        if (problem) problems.push(`${where}: display condition ${at} ${problem}`);
      }
    }
  };
  visit(conditions, '', 0);
  return problems;
}

/** True when the module is shown: every condition holds (none given: always). Check them first. */
export function displayConditionsHold(conditions: Record<string, unknown> | undefined, facts: DisplayFacts): boolean {
  return conditions === undefined || allHold(conditions, facts);
}

function allHold(node: unknown, facts: DisplayFacts): boolean {
  if (Array.isArray(node)) return node.every((item) => allHold(item, facts));
  return Object.entries(node as Record<string, unknown>).every(([name, value]) => holds(name, value, facts));
}

/** The entries of an operator's operand: an array's items, or a mapping's conditions one by one. */
function operands(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return Object.entries(value as Record<string, unknown>).map(([name, operand]) => ({ [name]: operand }));
}

function holds(name: string, value: unknown, facts: DisplayFacts): boolean {
  if (name === 'and') return allHold(value, facts);
  if (name === 'or') return operands(value).some((operand) => allHold(operand, facts));
  if (name === 'not') return !operands(value).some((operand) => allHold(operand, facts));
  const check = BOOLEAN_CONDITIONS[name] ?? STRING_CONDITIONS[name] ?? LIST_CONDITIONS[name];
  if (check) return check(facts, value);
  return entityPropertyHolds(name, value as EntityCondition, facts);
}

interface EntityCondition {
  entity: string;
  propertyKey: string;
  value?: string | string[];
  objectName?: string;
}

function entityPropertyHolds(name: string, condition: EntityCondition, facts: DisplayFacts): boolean {
  const properties = facts.issue?.properties;
  if (!properties || !(condition.propertyKey in properties)) return false;
  let property: unknown = properties[condition.propertyKey];
  for (const step of condition.objectName ? condition.objectName.split('.') : []) {
    if (!isRecord(property) || !(step in property)) return false;
    property = property[step];
  }
  const expected =
    condition.value === undefined ? [] : Array.isArray(condition.value) ? condition.value : [condition.value];
  return (ENTITY_CONDITIONS[name] as (property: unknown, expected: string[]) => boolean)(property, expected);
}

function leafProblem(name: string, value: unknown): string | undefined {
  if (name in BOOLEAN_CONDITIONS) return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (name in STRING_CONDITIONS) return typeof value === 'string' ? undefined : 'must be a string';
  if (name in LIST_CONDITIONS)
    return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      ? undefined
      : 'must be a string or a list of strings';
  if (name in ENTITY_CONDITIONS) return entityProblem(name, value);
  return `is not evaluated by the local Jira sandbox (it supports ${SUPPORTED_DISPLAY_CONDITIONS.join(', ')})`;
}

function entityProblem(name: string, value: unknown): string | undefined {
  if (!isRecord(value) || typeof value.propertyKey !== 'string' || typeof value.entity !== 'string')
    return 'must be {entity, propertyKey, value?, objectName?}';
  if (value.entity !== 'issue')
    return `on entity '${value.entity}' is not evaluated by the local Jira sandbox (only entity: issue)`;
  const needsValue = name !== 'entityPropertyExists';
  const valueOk =
    typeof value.value === 'string' ||
    (name !== 'entityPropertyEqualTo' && Array.isArray(value.value) && value.value.every((v) => typeof v === 'string'));
  if (needsValue && !valueOk) return name === 'entityPropertyEqualTo' ? 'needs a string value' : 'needs a value';
  if (value.objectName !== undefined && typeof value.objectName !== 'string') return 'objectName must be a string';
  return undefined;
}

/** Entity property values compare as strings: objects as their JSON (Forge docs, "Comparison of non-string values"). */
function asString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
