/**
 * The sandbox's people. Two humans (an admin and a plain user) and the app's own account,
 * which Jira creates for every installed app and which acts for `asApp()` calls.
 */
export const LOCAL_ADMIN_ACCOUNT_ID = '712020:00000000-0000-4000-a000-000000000001';
export const LOCAL_USER_ACCOUNT_ID = '712020:00000000-0000-4000-a000-000000000002';
export const APP_ACCOUNT_ID = '712020:00000000-0000-4000-a000-0000000000a9';
/** The local admin's email: with `LOCAL_ADMIN_API_TOKEN`, basic auth as the admin. */
export const LOCAL_ADMIN_EMAIL = 'admin@jira-sandbox.local';

export const GLOBAL_PERMISSION_KEYS = [
  'ADMINISTER',
  'SYSTEM_ADMIN',
  'USER_PICKER',
  'CREATE_SHARED_OBJECTS',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
  'BULK_CHANGE',
] as const;

export const PROJECT_PERMISSION_KEYS = [
  'ADMINISTER_PROJECTS',
  'BROWSE_PROJECTS',
  'VIEW_READONLY_WORKFLOW',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'DELETE_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'LINK_ISSUES',
  'MOVE_ISSUES',
  'SCHEDULE_ISSUES',
  'MODIFY_REPORTER',
  'SET_ISSUE_SECURITY',
  'MANAGE_WATCHERS',
  'VIEW_VOTERS_AND_WATCHERS',
  'ADD_COMMENTS',
  'EDIT_ALL_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_ALL_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'CREATE_ATTACHMENTS',
  'DELETE_ALL_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'EDIT_OWN_WORKLOGS',
  'EDIT_ALL_WORKLOGS',
  'DELETE_OWN_WORKLOGS',
  'DELETE_ALL_WORKLOGS',
] as const;

export type GlobalPermission = (typeof GLOBAL_PERMISSION_KEYS)[number];
export type ProjectPermission = (typeof PROJECT_PERMISSION_KEYS)[number];

export interface SandboxUser {
  accountId: string;
  accountType: 'atlassian' | 'app';
  displayName: string;
  emailAddress?: string;
  globalPermissions: GlobalPermission[];
  /** Granted in every project (the sandbox has one permission scheme)... */
  projectPermissions: ProjectPermission[];
  /** ...except the projects (by id) where the user's permissions were set apart (`[]`: no access at all). */
  projectPermissionsByProject?: Record<string, ProjectPermission[]>;
}

/** What the user may do in one project. */
export function projectPermissionsOf(user: SandboxUser, projectId: string): ProjectPermission[] {
  return user.projectPermissionsByProject?.[projectId] ?? user.projectPermissions;
}

export const USER_PROJECT_PERMISSIONS: ProjectPermission[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'CREATE_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'EDIT_OWN_WORKLOGS',
  'DELETE_OWN_WORKLOGS',
  'VIEW_VOTERS_AND_WATCHERS',
  'VIEW_READONLY_WORKFLOW',
];

export function seedUsers(appName: string): SandboxUser[] {
  return [
    {
      accountId: LOCAL_ADMIN_ACCOUNT_ID,
      accountType: 'atlassian',
      displayName: 'Local Admin',
      emailAddress: LOCAL_ADMIN_EMAIL,
      globalPermissions: [...GLOBAL_PERMISSION_KEYS],
      projectPermissions: [...PROJECT_PERMISSION_KEYS],
    },
    {
      accountId: LOCAL_USER_ACCOUNT_ID,
      accountType: 'atlassian',
      displayName: 'Local User',
      emailAddress: 'user@jira-sandbox.local',
      globalPermissions: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      projectPermissions: USER_PROJECT_PERMISSIONS,
    },
    {
      // Installed apps join "atlassian-addons-admin", which holds Administer Jira and every project role.
      accountId: APP_ACCOUNT_ID,
      accountType: 'app',
      displayName: appName,
      globalPermissions: ['ADMINISTER', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE'],
      projectPermissions: [...PROJECT_PERMISSION_KEYS],
    },
  ];
}
