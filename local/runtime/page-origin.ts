/**
 * Which module instance a Custom UI frame is, and as whom it acts: embedded in the frame by the injected
 * bridge script and sent back with every bridge call (`POST /_local/bridge/<name>`).
 */
export interface PageOrigin {
  moduleKey: string;
  /** A project settings page's project. */
  projectKey?: string;
  /** The `?as=` user the frame was opened as, if any. */
  accountId?: string;
  /** An issue context's issue. */
  issueKey?: string;
  /** A dashboard gadget's dashboard and gadget, and `edit` for its edit view. */
  dashboardId?: string;
  gadgetId?: string;
  entryPoint?: 'edit';
}

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}-[1-9][0-9]{0,9}$/;
const NUMERIC_ID = /^[1-9][0-9]{0,17}$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

const FIELDS: [keyof PageOrigin, RegExp, string][] = [
  ['projectKey', PROJECT_KEY, 'a project key'],
  ['accountId', ACCOUNT_ID, 'a Jira account id'],
  ['issueKey', ISSUE_KEY, 'an issue key'],
  ['dashboardId', NUMERIC_ID, 'a dashboard id'],
  ['gadgetId', NUMERIC_ID, 'a gadget id'],
];

/** The origin in `fields` (strings, or absent), or what is wrong with it. */
export function parseOrigin(fields: Record<string, unknown>): { origin: PageOrigin } | { error: string } {
  if (typeof fields.moduleKey !== 'string' || fields.moduleKey === '') return { error: 'moduleKey must be a string' };
  const origin: PageOrigin = { moduleKey: fields.moduleKey };
  for (const [name, pattern, what] of FIELDS) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !pattern.test(value)) return { error: `${name} must be ${what}` };
    (origin as unknown as Record<string, string>)[name] = value;
  }
  if (fields.entryPoint !== undefined && fields.entryPoint !== null) {
    if (fields.entryPoint !== 'edit') return { error: "entryPoint must be 'edit' or absent" };
    origin.entryPoint = 'edit';
  }
  return { origin };
}
