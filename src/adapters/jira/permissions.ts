import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

export interface AdminPermissions {
  /** Jira administrator (global ADMINISTER). */
  administerJira: boolean;
  /** Administers the given project (or, without one, some project). */
  administerProject: boolean;
}

interface PermissionsResponse {
  permissions?: Record<string, { havePermission?: boolean }>;
}

/** What the calling user may administer; `userJira` must be a `JiraClient.asUser(accountId, …)`. */
export async function getAdminPermissions(userJira: JiraClient, projectKey?: string): Promise<AdminPermissions> {
  const permissions = 'ADMINISTER,ADMINISTER_PROJECTS';
  const path = projectKey
    ? route`/rest/api/3/mypermissions?permissions=${permissions}&projectKey=${projectKey}`
    : route`/rest/api/3/mypermissions?permissions=${permissions}`;
  const response = await userJira.request<PermissionsResponse>('GET', path);
  return {
    administerJira: response.permissions?.ADMINISTER?.havePermission === true,
    administerProject: response.permissions?.ADMINISTER_PROJECTS?.havePermission === true,
  };
}
