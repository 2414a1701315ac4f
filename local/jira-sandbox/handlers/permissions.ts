import { JiraError, jiraErrors } from '../http/errors';
import type { Principal } from '../site';
import {
  GLOBAL_PERMISSION_KEYS,
  PROJECT_PERMISSION_KEYS,
  type GlobalPermission,
  type ProjectPermission,
} from '../users';
import { ok, stringParam, type HandlerContext, type HandlerTable } from './handler-types';

const isGlobal = (key: string): key is GlobalPermission => (GLOBAL_PERMISSION_KEYS as readonly string[]).includes(key);
const isProject = (key: string): key is ProjectPermission =>
  (PROJECT_PERMISSION_KEYS as readonly string[]).includes(key);

function checkKeys(keys: string[]): void {
  const invalid = keys.filter((key) => !isGlobal(key) && !isProject(key));
  if (invalid.length > 0) throw new JiraError(400, [`Invalid permission key(s): ${invalid.join(', ')}`]);
}

const title = (key: string) =>
  key
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

function getMyPermissions(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const keys = (stringParam(ctx.query, 'permissions') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new JiraError(400, ["The 'permissions' query parameter is required."]);
  checkKeys(keys);
  const projectRef = stringParam(ctx.query, 'projectKey') ?? stringParam(ctx.query, 'projectId');
  const issueRef = stringParam(ctx.query, 'issueKey') ?? stringParam(ctx.query, 'issueId');
  let projects = site.catalog.projects();
  if (issueRef !== undefined) {
    projects = [site.catalog.projectById(site.requireIssue(issueRef, principal).projectId)];
  } else if (projectRef !== undefined) {
    const project = site.catalog.project(projectRef);
    if (!project || !site.hasProjectPermission(principal, project, 'BROWSE_PROJECTS'))
      throw jiraErrors.notFound(`No project could be found with key '${projectRef}'.`);
    projects = [project];
  }
  const entries = keys.map((key, index) => [
    key,
    {
      id: String(index + 1),
      key,
      name: title(key),
      type: isGlobal(key) ? 'GLOBAL' : 'PROJECT',
      description: `${title(key)} permission.`,
      havePermission: isGlobal(key)
        ? site.hasGlobalPermission(principal, key)
        : projects.some((project) => site.hasProjectPermission(principal, project, key as ProjectPermission)),
    },
  ]);
  return ok({ permissions: Object.fromEntries(entries) });
}

type BulkRequest = {
  globalPermissions?: string[];
  projectPermissions?: { permissions: string[]; projects?: number[]; issues?: number[] }[];
  accountId?: string;
};

function getBulkPermissions(ctx: HandlerContext) {
  const { site } = ctx;
  const body = (ctx.body ?? {}) as BulkRequest;
  let subject: Principal = ctx.principal;
  if (body.accountId !== undefined && body.accountId !== ctx.principal.user.accountId) {
    if (!site.hasGlobalPermission(ctx.principal, 'ADMINISTER'))
      throw jiraErrors.forbidden('You must be a Jira administrator to check the permissions of other users.');
    const user = site.user(body.accountId);
    if (!user) throw new JiraError(400, [`The user with account ID '${body.accountId}' does not exist.`]);
    subject = { kind: user.accountType === 'app' ? 'app' : 'user', user, via: ctx.principal.via };
  }
  checkKeys([
    ...(body.globalPermissions ?? []),
    ...(body.projectPermissions ?? []).flatMap((entry) => entry.permissions),
  ]);
  const globalPermissions = (body.globalPermissions ?? []).filter(
    (key) => isGlobal(key) && site.hasGlobalPermission(subject, key),
  );
  const projectPermissions = (body.projectPermissions ?? []).flatMap((entry) =>
    entry.permissions.filter(isProject).map((permission) => {
      const requestedProjects =
        entry.projects ?? (entry.issues ? [] : site.catalog.projects().map((project) => Number(project.id)));
      const projects = requestedProjects.filter((id) => {
        const project = site.catalog.project(String(id));
        return project !== undefined && site.hasProjectPermission(subject, project, permission);
      });
      const issues = (entry.issues ?? []).filter((id) => {
        const issue = site.state.findIssue(String(id));
        return (
          issue !== undefined &&
          site.hasProjectPermission(subject, site.catalog.projectById(issue.projectId), permission)
        );
      });
      return { permission, projects, issues };
    }),
  );
  return ok({ globalPermissions, projectPermissions });
}

export const permissionHandlers: HandlerTable = { getMyPermissions, getBulkPermissions };
