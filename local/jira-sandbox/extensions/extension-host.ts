import type { ExtensionHost } from '../../runtime/extension-host';
import type { Site } from '../site';
import type { IssueContextExtension } from '../types';
import type { SandboxUser } from '../users';
import type { Dashboards } from './dashboards';
import { displayConditionsHold } from './display-conditions';
import { issueFacts } from './facts';

/**
 * Jira's side of the app's issue contexts and gadgets, as the Forge runtime asks for it (its
 * `ExtensionHost`): the issue or gadget a frame is shown with, and where a gadget's submitted
 * configuration goes.
 */
export type JiraExtensionHost = ExtensionHost;

export function createExtensionHost(
  site: Site,
  issueContexts: readonly IssueContextExtension[],
  dashboards: Dashboards,
): JiraExtensionHost {
  const person = (accountId: string): SandboxUser | undefined => {
    const user = site.user(accountId);
    return user?.accountType === 'atlassian' ? user : undefined;
  };
  return {
    issueContext: (moduleKey, issueKey, accountId) => {
      const user = person(accountId);
      const issue = site.state.findIssue(issueKey);
      if (!user || !issue || !site.canBrowse({ kind: 'user', user, via: 'forge' }, issue.id)) return undefined;
      if (!visibleIssueContexts(site, issueContexts, user, issue.id).some((module) => module.key === moduleKey))
        return undefined;
      const project = site.catalog.projectById(issue.projectId);
      const type = site.catalog.issueType(issue.issueTypeId);
      return {
        issue: { id: issue.id, key: issue.key, type: type.name, typeId: type.id },
        project: { id: project.id, key: project.key, type: project.typeKey },
      };
    },
    gadget: (dashboardId, gadgetId, accountId) => {
      const user = person(accountId);
      const found = user && dashboards.gadgetFor(user, dashboardId, gadgetId);
      if (!user || !found) return undefined;
      return {
        moduleKey: found.gadget.moduleKey,
        configuration: structuredClone(found.gadget.configuration),
        canEdit: dashboards.canEdit(user, found.dashboard),
      };
    },
    saveGadgetConfiguration: (dashboardId, gadgetId, accountId, configuration) => {
      const user = person(accountId);
      if (!user) return { ok: false, status: 404, error: `No user ${accountId}.` };
      const saved = dashboards.saveConfiguration(user, dashboardId, gadgetId, configuration);
      return saved.ok ? { ok: true } : saved;
    },
  };
}

/** The issue contexts shown on an issue for a user: those whose display conditions hold. */
export function visibleIssueContexts(
  site: Site,
  modules: readonly IssueContextExtension[],
  user: SandboxUser,
  issueIdOrKey: string,
): IssueContextExtension[] {
  const issue = site.state.findIssue(issueIdOrKey);
  if (!issue) return [];
  const facts = issueFacts(site, user, issue);
  return modules.filter((module) => displayConditionsHold(module.displayConditions, facts));
}
