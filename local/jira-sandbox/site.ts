import type { Clock } from '../clock';
import { CatalogLookup } from './catalog/catalog-lookup';
import type { ProjectDef } from './catalog/catalog-types';
import { jiraErrors } from './http/errors';
import type { IndexedPropertyPath, JqlEnvironment } from './jql/fields';
import { SandboxSettings } from './settings/sandbox-settings';
import type { JiraState } from './state/jira-state';
import { SearchIndex } from './state/search-index';
import type { StoredIssue } from './state/records';
import type { JiraSandboxApp } from './types';
import {
  APP_ACCOUNT_ID,
  projectPermissionsOf,
  type GlobalPermission,
  type ProjectPermission,
  type SandboxUser,
} from './users';

/**
 * Who is calling: the app itself (`asApp`) or a user, and how the call reached Jira: through the Forge
 * runtime (`x-forge-principal`, `asApp`/`asUser`), or with the user's API token (basic or bearer).
 */
export interface Principal {
  kind: 'app' | 'user';
  user: SandboxUser;
  via: 'forge' | 'basic' | 'bearer';
}

/** One Jira Cloud site: its state, catalog and clock, and the questions handlers ask of them. */
export class Site {
  readonly catalog: CatalogLookup;
  readonly indexedProperties: IndexedPropertyPath[];
  /** Search's view of the issues, behind writes by `settings.current.searchLagMs`. */
  readonly searchIndex: SearchIndex;

  constructor(
    readonly state: JiraState,
    readonly clock: Clock,
    private readonly baseUrl: () => string,
    readonly app: JiraSandboxApp,
    readonly settings: SandboxSettings = new SandboxSettings(),
  ) {
    this.searchIndex = new SearchIndex(clock, () => settings.current.searchLagMs);
    state.onIssueWrite((id, before, after) => this.searchIndex.record(id, before, after));
    this.catalog = new CatalogLookup(state.catalog, new Set(app.customFields.map((module) => module.key)));
    this.indexedProperties = app.entityProperties
      .filter((module) => (module.entityType ?? 'issue') === 'issue')
      .flatMap((module) => module.values.map((value) => ({ propertyKey: module.propertyKey, ...value })));
  }

  /** Absolute URL of a path under the sandbox (`/rest/api/3/issue/10000`). */
  url(path: string): string {
    return this.baseUrl().replace(/\/+$/, '') + path;
  }

  now(): number {
    return this.clock.now();
  }

  user(accountId: string): SandboxUser | undefined {
    return this.state.users.find((user) => user.accountId === accountId);
  }

  /** Resolves the `x-forge-principal` header: `app` or `user:<accountId>`. */
  principal(header: string | undefined): Principal | undefined {
    if (header === 'app') {
      const app = this.user(APP_ACCOUNT_ID);
      return app ? { kind: 'app', user: app, via: 'forge' } : undefined;
    }
    const match = /^user:(.+)$/.exec(header ?? '');
    const user = match ? this.user(match[1] as string) : undefined;
    return user && user.accountType === 'atlassian' ? { kind: 'user', user, via: 'forge' } : undefined;
  }

  /** Time tracking is on for the site and the issue's project (its field configuration shows it). */
  timeTrackingOn(projectId: string): boolean {
    const { enabled, disabledProjects } = this.settings.current.timeTracking;
    return enabled && !disabledProjects.includes(this.catalog.projectById(projectId).key);
  }

  hasGlobalPermission(principal: Principal, permission: GlobalPermission): boolean {
    return principal.user.globalPermissions.includes(permission);
  }

  /** The user's permissions in that project: set for the project (`setProjectPermissions`), else the user's defaults. */
  hasProjectPermission(principal: Principal, project: ProjectDef, permission: ProjectPermission): boolean {
    return projectPermissionsOf(principal.user, project.id).includes(permission);
  }

  /** The issue (by id or key) exists and the principal may browse its project. */
  canBrowse(principal: Principal, issueIdOrKey: string): boolean {
    const issue = this.state.findIssue(issueIdOrKey);
    return (
      issue !== undefined &&
      this.hasProjectPermission(principal, this.catalog.projectById(issue.projectId), 'BROWSE_PROJECTS')
    );
  }

  /** The issue, or Jira's 404 when it does not exist or the caller cannot browse its project. */
  requireIssue(idOrKey: string, principal: Principal): StoredIssue {
    const issue = this.state.findIssue(idOrKey);
    if (!issue || !this.canBrowse(principal, issue.id)) throw jiraErrors.issueNotFound();
    return issue;
  }

  requireIssuePermission(
    issue: StoredIssue,
    principal: Principal,
    permission: ProjectPermission,
    message: string,
  ): void {
    if (!this.hasProjectPermission(principal, this.catalog.projectById(issue.projectId), permission))
      throw jiraErrors.forbidden(message);
  }

  jqlEnvironment(principal: Principal): JqlEnvironment {
    return {
      catalog: this.catalog,
      findIssue: (idOrKey) => this.state.findIssue(idOrKey),
      userExists: (accountId) => this.user(accountId) !== undefined,
      indexedProperties: this.indexedProperties,
      now: this.now(),
      currentUserId: principal.user.accountId,
    };
  }
}
