import type { Site } from '../site';
import type { StoredDashboard, StoredGadget } from '../state/records';
import type { DashboardGadgetExtension } from '../types';
import { LOCAL_ADMIN_ACCOUNT_ID, type SandboxUser } from '../users';
import { displayConditionsHold } from './display-conditions';
import { viewerFacts } from './facts';

/** The site's one dashboard, shared with every signed-in user, owned by the local admin. */
export const DEFAULT_DASHBOARD_ID = '10000';
const DEFAULT_DASHBOARD_NAME = 'Billing dashboard';
/** Jira keeps a dashboard item property to 32,768 characters. */
export const MAX_CONFIGURATION_CHARACTERS = 32_768;

export type DashboardOutcome<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/**
 * Dashboards and their gadgets: the default dashboard gets one instance of each app gadget the first time
 * the module appears; editors add more, remove them, and submit their configuration from the edit view.
 * Anyone signed in may view the dashboard; its owner and Jira admins may edit it (as Jira: admins own the
 * system dashboard).
 */
export class Dashboards {
  constructor(
    private readonly site: Site,
    readonly modules: readonly DashboardGadgetExtension[],
  ) {}

  /** The default dashboard, created (and given a new module's default gadget) on first use. */
  defaultDashboard(): StoredDashboard {
    const stored = this.site.state.dashboard(DEFAULT_DASHBOARD_ID);
    const dashboard: StoredDashboard = stored ?? {
      id: DEFAULT_DASHBOARD_ID,
      name: DEFAULT_DASHBOARD_NAME,
      ownerId: LOCAL_ADMIN_ACCOUNT_ID,
      gadgets: [],
      seededModules: [],
    };
    const unseeded = this.modules.filter((module) => !dashboard.seededModules.includes(module.key));
    if (stored && unseeded.length === 0) return stored;
    const seeded: StoredDashboard = {
      ...dashboard,
      gadgets: [
        ...dashboard.gadgets,
        ...unseeded.map((module) => ({ ...this.newGadget(module.key), configured: true })),
      ],
      seededModules: [...dashboard.seededModules, ...unseeded.map((module) => module.key)],
    };
    this.site.state.putDashboard(seeded);
    return seeded;
  }

  dashboard(id: string): StoredDashboard | undefined {
    return id === DEFAULT_DASHBOARD_ID ? this.defaultDashboard() : this.site.state.dashboard(id);
  }

  canView(user: SandboxUser): boolean {
    return user.accountType === 'atlassian';
  }

  canEdit(user: SandboxUser, dashboard: StoredDashboard): boolean {
    return (
      this.canView(user) && (user.accountId === dashboard.ownerId || user.globalPermissions.includes('ADMINISTER'))
    );
  }

  module(moduleKey: string): DashboardGadgetExtension | undefined {
    return this.modules.find((module) => module.key === moduleKey);
  }

  /** The user may use the gadget's module (its display conditions hold for them). */
  mayUse(user: SandboxUser, moduleKey: string): boolean {
    const module = this.module(moduleKey);
    return module !== undefined && displayConditionsHold(module.displayConditions, viewerFacts(user));
  }

  /** A gadget of a dashboard the user may view and whose module they may use. */
  gadgetFor(
    user: SandboxUser,
    dashboardId: string,
    gadgetId: string,
  ): { dashboard: StoredDashboard; gadget: StoredGadget } | undefined {
    const dashboard = this.dashboard(dashboardId);
    const gadget = dashboard?.gadgets.find((candidate) => candidate.id === gadgetId);
    if (!dashboard || !gadget || !this.canView(user) || !this.mayUse(user, gadget.moduleKey)) return undefined;
    return { dashboard, gadget };
  }

  addGadget(user: SandboxUser, dashboardId: string, moduleKey: string): DashboardOutcome<StoredGadget> {
    return this.edit(user, dashboardId, (dashboard) => {
      if (!this.mayUse(user, moduleKey)) return refused(400, `There is no gadget '${moduleKey}' you can add.`);
      const gadget = this.newGadget(moduleKey);
      return { ok: true, value: { gadgets: [...dashboard.gadgets, gadget] }, result: gadget };
    });
  }

  removeGadget(user: SandboxUser, dashboardId: string, gadgetId: string): DashboardOutcome<StoredGadget> {
    return this.edit(user, dashboardId, (dashboard) => {
      const gadget = dashboard.gadgets.find((candidate) => candidate.id === gadgetId);
      if (!gadget) return refused(404, `Dashboard ${dashboardId} has no gadget ${gadgetId}.`);
      return {
        ok: true,
        value: { gadgets: dashboard.gadgets.filter((candidate) => candidate !== gadget) },
        result: gadget,
      };
    });
  }

  /**
   * Stores what a gadget's edit view submitted. Jira keeps it as the gadget's configuration (a JSON object;
   * its `refresh`, when given, is the auto-refresh interval in minutes, a positive whole number). Bad input
   * is refused and changes nothing.
   */
  saveConfiguration(
    user: SandboxUser,
    dashboardId: string,
    gadgetId: string,
    configuration: unknown,
  ): DashboardOutcome<StoredGadget> {
    const problem = configurationProblem(configuration);
    if (problem) return refused(400, problem);
    return this.edit(user, dashboardId, (dashboard) => {
      const gadget = dashboard.gadgets.find((candidate) => candidate.id === gadgetId);
      if (!gadget || !this.mayUse(user, gadget.moduleKey))
        return refused(404, `Dashboard ${dashboardId} has no gadget ${gadgetId}.`);
      const saved: StoredGadget = {
        ...gadget,
        configuration: structuredClone(configuration as Record<string, unknown>),
        configured: true,
      };
      return {
        ok: true,
        value: { gadgets: dashboard.gadgets.map((candidate) => (candidate === gadget ? saved : candidate)) },
        result: saved,
      };
    });
  }

  private edit<T>(
    user: SandboxUser,
    dashboardId: string,
    change: (
      dashboard: StoredDashboard,
    ) => { ok: true; value: Partial<StoredDashboard>; result: T } | { ok: false; status: number; error: string },
  ): DashboardOutcome<T> {
    const dashboard = this.dashboard(dashboardId);
    if (!dashboard || !this.canView(user)) return refused(404, `The dashboard ${dashboardId} does not exist.`);
    if (!this.canEdit(user, dashboard)) return refused(403, 'You do not have permission to edit this dashboard.');
    const outcome = change(dashboard);
    if (!outcome.ok) return outcome;
    this.site.state.putDashboard({ ...dashboard, ...outcome.value });
    return { ok: true, value: outcome.result };
  }

  private newGadget(moduleKey: string): StoredGadget {
    return { id: String(this.site.state.nextId('gadget')), moduleKey, configuration: {}, configured: false };
  }
}

function configurationProblem(configuration: unknown): string | undefined {
  if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration))
    return 'The gadget configuration must be a JSON object.';
  const size = JSON.stringify(configuration).length;
  if (size > MAX_CONFIGURATION_CHARACTERS)
    return `The gadget configuration must be at most ${MAX_CONFIGURATION_CHARACTERS} characters of JSON (it is ${size}).`;
  const refresh = (configuration as { refresh?: unknown }).refresh;
  if (refresh !== undefined && !(Number.isInteger(refresh) && (refresh as number) > 0))
    return 'refresh must be a positive whole number of minutes.';
  return undefined;
}

function refused(status: number, error: string): { ok: false; status: number; error: string } {
  return { ok: false, status, error };
}
