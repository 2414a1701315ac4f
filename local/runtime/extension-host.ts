/**
 * What the product hosting the app's Custom UI (the Jira sandbox) tells the runtime about the place a
 * module is shown in: the issue of an issue context, the gadget of a dashboard. Jira computes a module's
 * extension context itself; the runtime asks it through this, in process (no REST call, nothing charged).
 */
export interface ExtensionHost {
  /**
   * The issue and its project as an issue context sees them; undefined when the issue does not exist, the
   * user cannot browse it, or the module is not shown there (its display conditions).
   */
  issueContext(moduleKey: string, issueKey: string, accountId: string): IssueContextPlace | undefined;
  /** A gadget of a dashboard the user may view; undefined when there is none. */
  gadget(dashboardId: string, gadgetId: string, accountId: string): GadgetPlace | undefined;
  /** Stores what a gadget's edit view submitted (`view.submit(configuration)`), as that user. */
  saveGadgetConfiguration(
    dashboardId: string,
    gadgetId: string,
    accountId: string,
    configuration: unknown,
  ): { ok: true } | { ok: false; status: number; error: string };
}

export interface IssueContextPlace {
  issue: { id: string; key: string; type: string; typeId: string };
  project: { id: string; key: string; type: string };
}

export interface GadgetPlace {
  moduleKey: string;
  configuration: Record<string, unknown>;
  /** The user may edit the dashboard (open the edit view, submit a configuration). */
  canEdit: boolean;
}

/** Where one module instance is shown: what its frame URL carries (`ForgeRuntime.extensionFrameUrl`). */
export type ExtensionFrame =
  | { moduleKey: string; accountId: string; issueKey: string }
  | { moduleKey: string; accountId: string; dashboardId: string; gadgetId: string; entryPoint?: 'edit' };
