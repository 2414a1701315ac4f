import { DocStore } from '../../persistence/doc-store';
import { openDatabase, type SqliteDatabase } from '../../persistence/sqlite';
import type { SiteCatalog } from '../catalog/catalog-types';
import { assignCustomFields, type CustomFieldModule } from '../catalog/fields';
import { seedCatalog, withNewSeedEntries } from '../catalog/seed-catalog';
import { seedUsers, type SandboxUser } from '../users';
import type { Counters, StoredApiToken, StoredDashboard, StoredIssue, StoredLink, StoredWebhook } from './records';

type MetaDoc = SiteCatalog | SandboxUser[] | Counters;

/** Told of every committed issue write: the issue before (undefined when created) and after (undefined when deleted). */
export type IssueWriteListener = (id: string, before: StoredIssue | undefined, after: StoredIssue | undefined) => void;
type CounterName = Exclude<keyof Counters, 'issueNumberByProject'>;

const FIRST_IDS: Omit<Counters, 'issueNumberByProject'> = {
  issue: 10000,
  worklog: 10000,
  comment: 10000,
  link: 10000,
  history: 10000,
  webhook: 1,
  gadget: 10000,
};

/**
 * The site's durable state in `jira.sqlite`: the catalog and users (seeded on first open
 * only), issues, links, dynamic webhooks and id counters. Reads come from memory; every
 * write goes through to SQLite before it returns. Callers never mutate what they read:
 * `updateIssue` hands them a copy.
 */
export class JiraState {
  readonly catalog: SiteCatalog;
  readonly users: SandboxUser[];
  private readonly db: SqliteDatabase;
  private readonly meta: DocStore<MetaDoc>;
  private readonly issueStore: DocStore<StoredIssue>;
  private readonly linkStore: DocStore<StoredLink>;
  private readonly webhookStore: DocStore<StoredWebhook>;
  private readonly tokenStore: DocStore<StoredApiToken>;
  private readonly dashboardStore: DocStore<StoredDashboard>;
  private readonly issues = new Map<string, StoredIssue>();
  private readonly idByKey = new Map<string, string>();
  private readonly links = new Map<string, StoredLink>();
  private readonly webhooks = new Map<number, StoredWebhook>();
  private counters: Counters;
  private readonly issueWriteListeners: IssueWriteListener[] = [];

  constructor(
    dataDir: string,
    app: { name: string; customFields: CustomFieldModule[] },
    seedTokens: StoredApiToken[] = [],
  ) {
    this.db = openDatabase(dataDir, 'jira.sqlite');
    this.meta = new DocStore<MetaDoc>(this.db, 'jira-meta');
    this.issueStore = new DocStore<StoredIssue>(this.db, 'jira-issues');
    this.linkStore = new DocStore<StoredLink>(this.db, 'jira-links');
    this.webhookStore = new DocStore<StoredWebhook>(this.db, 'jira-webhooks');
    this.tokenStore = new DocStore<StoredApiToken>(this.db, 'jira-api-tokens');
    this.dashboardStore = new DocStore<StoredDashboard>(this.db, 'jira-dashboards');

    const storedCatalog = this.meta.get('catalog') as SiteCatalog | undefined;
    const catalog = storedCatalog ? withNewSeedEntries(storedCatalog) : { ...seedCatalog(), customFields: [] };
    this.catalog = { ...catalog, customFields: assignCustomFields(catalog.customFields, app.customFields) };
    this.users = (this.meta.get('users') as SandboxUser[] | undefined) ?? seedUsers(app.name);
    // Counters added since a site was first stored start at their first id.
    this.counters = { ...FIRST_IDS, issueNumberByProject: {}, ...(this.meta.get('counters') as Counters | undefined) };
    this.meta.transaction(() => {
      this.meta.put('catalog', this.catalog);
      this.meta.put('users', this.users);
      this.meta.put('counters', this.counters);
      for (const token of seedTokens) if (!this.tokenStore.get(token.hash)) this.tokenStore.put(token.hash, token);
    });

    for (const issue of this.issueStore.list()) this.cacheIssue(issue);
    for (const link of this.linkStore.list()) this.links.set(link.id, link);
    for (const webhook of this.webhookStore.list()) this.webhooks.set(webhook.id, webhook);
  }

  close(): void {
    this.db.close();
  }

  /** Runs fn in one SQLite transaction (all of its writes land, or none). */
  transaction<R>(fn: () => R): R {
    return this.issueStore.transaction(fn);
  }

  nextId(counter: CounterName): number {
    const value = this.counters[counter];
    this.counters = { ...this.counters, [counter]: value + 1 };
    this.meta.put('counters', this.counters);
    return value;
  }

  nextIssueKey(projectId: string, projectKey: string): string {
    const number = (this.counters.issueNumberByProject[projectId] ?? 0) + 1;
    this.counters = {
      ...this.counters,
      issueNumberByProject: { ...this.counters.issueNumberByProject, [projectId]: number },
    };
    this.meta.put('counters', this.counters);
    return `${projectKey}-${number}`;
  }

  // Users and their API tokens

  addUser(user: SandboxUser): void {
    this.users.push(user);
    this.meta.put('users', this.users);
  }

  /** Replaces a user's record (found by account id) with `change(copy)` and stores the users. */
  updateUser(accountId: string, change: (draft: SandboxUser) => void): SandboxUser {
    const index = this.users.findIndex((user) => user.accountId === accountId);
    if (index < 0) throw new Error(`no user ${accountId}`);
    const draft = structuredClone(this.users[index] as SandboxUser);
    change(draft);
    this.users[index] = draft;
    this.meta.put('users', this.users);
    return draft;
  }

  /** The token record for a SHA-256 hash (tokens themselves are never stored). */
  apiToken(hash: string): StoredApiToken | undefined {
    return this.tokenStore.get(hash);
  }

  addApiToken(token: StoredApiToken): void {
    this.tokenStore.put(token.hash, token);
  }

  // Issues

  findIssue(idOrKey: string): StoredIssue | undefined {
    const id = /^\d+$/.test(idOrKey) ? idOrKey : this.idByKey.get(idOrKey.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  allIssues(): StoredIssue[] {
    return [...this.issues.values()];
  }

  onIssueWrite(listener: IssueWriteListener): void {
    this.issueWriteListeners.push(listener);
  }

  insertIssue(issue: StoredIssue): void {
    this.issueStore.put(issue.id, issue);
    this.cacheIssue(issue);
    this.notify(issue.id, undefined, issue);
  }

  /** Applies change to a copy of the issue, stores it, and returns the new version. */
  updateIssue(id: string, change: (draft: StoredIssue) => void): StoredIssue {
    const current = this.issues.get(id);
    if (!current) throw new Error(`no issue ${id}`);
    const draft = structuredClone(current);
    change(draft);
    this.issueStore.put(id, draft);
    this.cacheIssue(draft);
    this.notify(id, current, draft);
    return draft;
  }

  deleteIssue(id: string): void {
    const issue = this.issues.get(id);
    if (!issue) return;
    this.transaction(() => {
      this.issueStore.delete(id);
      for (const link of this.linksOf(id)) this.deleteLink(link.id);
    });
    this.issues.delete(id);
    this.idByKey.delete(issue.key);
    this.notify(id, issue, undefined);
  }

  private notify(id: string, before: StoredIssue | undefined, after: StoredIssue | undefined): void {
    for (const listener of this.issueWriteListeners) listener(id, before, after);
  }

  private cacheIssue(issue: StoredIssue): void {
    this.issues.set(issue.id, issue);
    this.idByKey.set(issue.key.toUpperCase(), issue.id);
  }

  // Links

  linksOf(issueId: string): StoredLink[] {
    return [...this.links.values()].filter((link) => link.inwardIssueId === issueId || link.outwardIssueId === issueId);
  }

  findLink(id: string): StoredLink | undefined {
    return this.links.get(id);
  }

  insertLink(link: StoredLink): void {
    this.linkStore.put(link.id, link);
    this.links.set(link.id, link);
  }

  deleteLink(id: string): void {
    this.linkStore.delete(id);
    this.links.delete(id);
  }

  // Dashboards

  dashboard(id: string): StoredDashboard | undefined {
    return this.dashboardStore.get(id);
  }

  putDashboard(dashboard: StoredDashboard): void {
    this.dashboardStore.put(dashboard.id, dashboard);
  }

  // Dynamic webhooks

  allWebhooks(): StoredWebhook[] {
    return [...this.webhooks.values()];
  }

  putWebhook(webhook: StoredWebhook): void {
    this.webhookStore.put(String(webhook.id), webhook);
    this.webhooks.set(webhook.id, webhook);
  }

  deleteWebhook(id: number): boolean {
    this.webhookStore.delete(String(id));
    return this.webhooks.delete(id);
  }
}
