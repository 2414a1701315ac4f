import { createApiToken, createLocalUser } from './auth/local-users';
import { setProjectPermissions } from './auth/project-permissions';
import { DEFAULT_DASHBOARD_ID, type Dashboards } from './extensions/dashboards';
import type { NotificationLog } from './events/notifications';
import type { PendingWork } from './events/pending-work';
import type { WebhookRegistry } from './events/webhook-registry';
import type { FaultInjector } from './limits/faults';
import type { PointsQuota } from './limits/points-quota';
import type { RequestStats } from './limits/request-stats';
import type { RateLimiter } from './limits/rate-limiter';
import { formatJiraDateTime } from './model/dates';
import type { Site } from './site';
import type { StoredIssue } from './state/records';
import type { JiraSandboxControl, SandboxIssueView } from './types';

export function sandboxIssueView(site: Site, issue: StoredIssue): SandboxIssueView {
  const status = site.catalog.status(issue.statusId);
  const linkTypes = site.catalog.linkTypes();
  return {
    id: issue.id,
    key: issue.key,
    projectKey: site.catalog.projectById(issue.projectId).key,
    issueType: site.catalog.issueType(issue.issueTypeId).name,
    summary: issue.summary,
    description: issue.description,
    status: { id: status.id, name: status.name, category: status.category },
    resolution: issue.resolutionId ? site.catalog.resolution(issue.resolutionId).name : null,
    labels: [...issue.labels],
    duedate: issue.duedate,
    appFields: Object.fromEntries(
      site.catalog
        .customFields()
        .filter((field) => field.id in issue.customFields)
        .map((field) => [field.moduleKey, issue.customFields[field.id]]),
    ),
    properties: structuredClone(issue.properties),
    worklogs: issue.worklogs.map((worklog) => ({
      id: worklog.id,
      authorAccountId: worklog.authorId,
      started: formatJiraDateTime(worklog.started),
      timeSpentSeconds: worklog.timeSpentSeconds,
      comment: worklog.comment,
      properties: structuredClone(worklog.properties),
    })),
    comments: issue.comments.length,
    links: site.state.linksOf(issue.id).map((link) => {
      const type = linkTypes.find((candidate) => candidate.id === link.typeId);
      const outward = link.inwardIssueId === issue.id;
      const other = site.state.findIssue(outward ? link.outwardIssueId : link.inwardIssueId);
      return {
        type: (outward ? type?.outward : type?.inward) ?? '',
        direction: outward ? 'outward' : 'inward',
        issueKey: other?.key ?? '',
      };
    }),
    created: formatJiraDateTime(issue.created),
    updated: formatJiraDateTime(issue.updated),
  };
}

export interface ControlParts {
  site: Site;
  faults: FaultInjector;
  limiter: RateLimiter;
  quota: PointsQuota;
  stats: RequestStats;
  webhooks: WebhookRegistry;
  notifications: NotificationLog;
  work: PendingWork;
  dashboards: Dashboards;
}

/** In-process handles for tests and the local stack (the `/jira/_sandbox/...` endpoints use the same). */
export function createControl(parts: ControlParts): JiraSandboxControl {
  const { site, faults, limiter, quota, stats, webhooks, notifications, work, dashboards } = parts;
  return {
    setFaults: (settings) => faults.set(settings),
    clearFaults: () => faults.clear(),
    faults: () => ({ ...faults.faults, rateLimits: faults.rateLimitsEnabled }),
    setRateLimitsEnabled: (enabled) => {
      faults.rateLimitsEnabled = enabled;
      if (enabled) limiter.reset();
    },
    stats: () => ({ ...stats.snapshot(), points: quota.usage() }),
    resetStats: () => {
      stats.reset();
      quota.resetCounters();
    },
    listWebhooks: () =>
      webhooks.live().map((webhook) => ({
        id: webhook.id,
        url: webhook.url,
        events: [...webhook.events],
        jqlFilter: webhook.jqlFilter,
        ...(webhook.fieldIdsFilter ? { fieldIdsFilter: [...webhook.fieldIdsFilter] } : {}),
        expirationDate: new Date(webhook.expiresAt).toISOString(),
      })),
    dropWebhooks: (ids) => webhooks.delete(ids),
    setDynamicWebhooksAllowed: (allowed) => {
      site.settings.update({ dynamicWebhooks: allowed });
    },
    settings: () => structuredClone(site.settings.current),
    updateSettings: (update) => structuredClone(site.settings.update(update)),
    notifications: () => notifications.list(),
    clearNotifications: () => notifications.clear(),
    createUser: (input) => createLocalUser(site, input),
    createApiToken: (input) => createApiToken(site, input),
    setProjectPermissions: (input) => setProjectPermissions(site, input),
    dashboard: (id) => {
      const dashboard = dashboards.dashboard(id ?? DEFAULT_DASHBOARD_ID);
      return dashboard && structuredClone(dashboard);
    },
    getIssue: (idOrKey) => {
      const issue = site.state.findIssue(idOrKey);
      return issue ? sandboxIssueView(site, issue) : undefined;
    },
    listIssues: (projectKey) => {
      const project = projectKey === undefined ? undefined : site.catalog.project(projectKey);
      if (projectKey !== undefined && !project) return [];
      return site.state
        .allIssues()
        .filter((issue) => !project || issue.projectId === project.id)
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((issue) => sandboxIssueView(site, issue));
    },
    idle: () => work.idle(),
  };
}
