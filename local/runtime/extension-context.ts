import { BridgeRefusal } from './bridge-refusal';
import type { ExtensionHost, GadgetPlace } from './extension-host';
import type { InstallationIdentity } from './invocation-runtime';
import type { JiraTarget } from './jira-target';
import type { DashboardGadgetModule, UiModule } from './manifest';
import type { PageOrigin } from './page-origin';

export interface ContextSources {
  identity: InstallationIdentity;
  siteUrl: () => string;
  jira: JiraTarget;
  /** The product hosting issue contexts and gadgets (the Jira sandbox); absent in a runtime without one. */
  host: () => ExtensionHost | undefined;
}

/**
 * What `view.getContext()` returns in a Custom UI module, and what its resolver gets as `req.context`:
 * Forge's common fields and the module's `extension` (Forge docs: each module's "Extension context").
 */
export async function customUiContext(
  sources: ContextSources,
  module: UiModule,
  accountId: string,
  origin: PageOrigin,
): Promise<Record<string, unknown>> {
  const { appId, environmentId, cloudId } = sources.identity;
  return {
    accountId,
    cloudId,
    workspaceId: cloudId,
    localId: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${module.key}`,
    moduleKey: module.key,
    siteUrl: sources.siteUrl(),
    environmentId,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: 'light' },
    surfaceColor: null,
    extension: await extensionOf(sources, module, accountId, origin),
  };
}

async function extensionOf(
  sources: ContextSources,
  module: UiModule,
  accountId: string,
  origin: PageOrigin,
): Promise<Record<string, unknown>> {
  const siteUrl = sources.siteUrl();
  switch (module.type) {
    case 'jira:adminPage':
      return { type: module.type };
    case 'jira:projectSettingsPage':
      return { type: module.type, project: await projectOf(sources, origin.projectKey) };
    case 'jira:issueContext': {
      if (!origin.issueKey)
        throw new BridgeRefusal(400, `issue context '${module.key}' needs the issue key of its frame`);
      const place = requireHost(sources).issueContext(module.key, origin.issueKey, accountId);
      if (!place)
        throw new BridgeRefusal(
          404,
          `Issue ${origin.issueKey} does not exist, you do not have permission to see it, or '${module.key}' is not shown on it.`,
        );
      return { type: module.type, ...place, location: `${siteUrl}/browse/${place.issue.key}` };
    }
    case 'jira:dashboardGadget': {
      const place = gadgetPlace(sources, module, accountId, origin);
      return {
        type: module.type,
        gadget: { id: origin.gadgetId },
        dashboard: { id: origin.dashboardId },
        gadgetConfiguration: place.configuration,
        ...(origin.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
        location: `${siteUrl}/dashboards/${origin.dashboardId}`,
      };
    }
  }
}

/** The gadget a frame shows, checked: it is this module's, the user may view it, and edit it in the edit view. */
export function gadgetPlace(
  sources: ContextSources,
  module: DashboardGadgetModule,
  accountId: string,
  origin: PageOrigin,
): GadgetPlace {
  if (!origin.dashboardId || !origin.gadgetId)
    throw new BridgeRefusal(400, `gadget '${module.key}' needs the dashboard and gadget ids of its frame`);
  const place = requireHost(sources).gadget(origin.dashboardId, origin.gadgetId, accountId);
  if (!place || place.moduleKey !== module.key)
    throw new BridgeRefusal(
      404,
      `Dashboard ${origin.dashboardId} has no gadget ${origin.gadgetId} of '${module.key}'.`,
    );
  if (origin.entryPoint === 'edit' && !place.canEdit)
    throw new BridgeRefusal(403, 'You do not have permission to edit this dashboard.');
  return place;
}

function requireHost(sources: ContextSources): ExtensionHost {
  const host = sources.host();
  if (!host) throw new BridgeRefusal(501, 'this local runtime has no Jira to host issue contexts and gadgets');
  return host;
}

async function projectOf(
  sources: ContextSources,
  projectKey: string | undefined,
): Promise<{ id: string; key: string; type: string }> {
  if (!projectKey) throw new Error('a project settings page needs a project key');
  const response = await sources.jira({ kind: 'app' }, `/rest/api/3/project/${encodeURIComponent(projectKey)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`project ${projectKey}: Jira answered ${response.status}`);
  const project = (await response.json()) as { id: string; key: string; projectTypeKey?: string };
  return { id: project.id, key: project.key, type: project.projectTypeKey ?? 'software' };
}
