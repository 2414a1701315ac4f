import { z } from 'zod';
import { InvalidInputError, parseInput } from '../../input';
import type { Site } from '../site';
import { PROJECT_PERMISSION_KEYS, projectPermissionsOf, type ProjectPermission } from '../users';

export const projectPermissionsSchema = z
  .object({
    accountId: z.string().min(1),
    projectKey: z.string().min(1),
    /** The user's permissions in that project (`[]`: cannot even browse it); null: back to the user's defaults. */
    permissions: z.array(z.enum(PROJECT_PERMISSION_KEYS)).nullable(),
  })
  .strict();

export interface ProjectPermissionsView {
  accountId: string;
  projectKey: string;
  permissions: ProjectPermission[];
}

/**
 * Sets what one user (a person or the app's account) may do in one project, as a project's permission
 * scheme and roles would: a finance clerk who sees BILL but not ACME, an app that may not browse a project.
 */
export function setProjectPermissions(site: Site, input: unknown): ProjectPermissionsView {
  const { accountId, projectKey, permissions } = parseInput(projectPermissionsSchema, input);
  const user = site.user(accountId);
  const project = site.catalog.project(projectKey);
  const problems = [
    ...(user ? [] : [`accountId: no user ${accountId}`]),
    ...(project ? [] : [`projectKey: no project ${projectKey}`]),
  ];
  if (!user || !project) throw new InvalidInputError(problems);
  const updated = site.state.updateUser(accountId, (draft) => {
    const byProject = { ...draft.projectPermissionsByProject };
    if (permissions === null) delete byProject[project.id];
    else byProject[project.id] = [...new Set(permissions)];
    draft.projectPermissionsByProject = byProject;
  });
  return { accountId, projectKey: project.key, permissions: projectPermissionsOf(updated, project.id) };
}
