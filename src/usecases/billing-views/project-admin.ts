import { getAdminPermissions } from '../../adapters/jira/permissions';
import type { Viewer } from './viewer';

/** The viewer administers the project (or Jira): they may resync its invoices from Wave. */
export async function mayAdministerProject(viewer: Viewer, projectKey: string | undefined): Promise<boolean> {
  if (!projectKey) return false;
  const permissions = await getAdminPermissions(viewer.jira, projectKey);
  return permissions.administerProject || permissions.administerJira;
}
