import { z } from 'zod';
import { parseInput } from '../../input';

/** What one request costs against the hourly points quota (see `limits/points-cost.ts`). */
export interface PointCosts {
  /** Every request (Jira: "each request starts with a base cost of 1 point"; writes cost only this). */
  base: number;
  /** Each core object (issue, worklog, comment, project, status…) a read returns. */
  perObject: number;
  /** Each identity object (user, permission) a read returns. */
  perIdentityObject: number;
  /** Fixed costs by operationId, for operations Jira's documentation does not price. */
  operations: Record<string, number>;
}

export interface PointsQuotaSettings {
  enabled: boolean;
  pointsPerHour: number;
  costs: PointCosts;
}

export interface TimeTrackingSettings {
  /** Jira's global switch (Settings → Issues → Time tracking). */
  enabled: boolean;
  /** Project keys whose field configuration hides Time tracking. */
  disabledProjects: string[];
}

/** The site's behaviours a test may switch; every one is on (as Jira Cloud is) by default. */
export interface JiraSandboxSettings {
  /** The app may use `/rest/api/3/webhook` (only where an OAuth 2.0 integration owns them). */
  dynamicWebhooks: boolean;
  /** How long a write takes to reach search (runtime clock). */
  searchLagMs: number;
  pointsQuota: PointsQuotaSettings;
  timeTracking: TimeTrackingSettings;
}

/** Jira's documented hourly quota for an app (the global pool shared by all sites). */
export const JIRA_POINTS_PER_HOUR = 65_000;

export const DEFAULT_JIRA_SETTINGS: JiraSandboxSettings = {
  dynamicWebhooks: false,
  searchLagMs: 2_000,
  pointsQuota: {
    enabled: true,
    pointsPerHour: JIRA_POINTS_PER_HOUR,
    costs: { base: 1, perObject: 1, perIdentityObject: 2, operations: {} },
  },
  timeTracking: { enabled: true, disabledProjects: [] },
};

const points = z.number().int().min(0).max(1_000_000);

/** A partial update: `true`/`false` switches a behaviour, an object changes its parameters. */
export const jiraSettingsUpdateSchema = z
  .object({
    dynamicWebhooks: z.boolean().optional(),
    searchLagMs: z.number().int().min(0).max(3_600_000).optional(),
    pointsQuota: z
      .union([
        z.boolean(),
        z
          .object({
            enabled: z.boolean().optional(),
            pointsPerHour: z.number().int().min(1).max(100_000_000).optional(),
            costs: z
              .object({
                base: points.optional(),
                perObject: points.optional(),
                perIdentityObject: points.optional(),
                operations: z.record(z.string().min(1), points).optional(),
              })
              .strict()
              .optional(),
          })
          .strict(),
      ])
      .optional(),
    timeTracking: z
      .union([
        z.boolean(),
        z
          .object({
            enabled: z.boolean().optional(),
            disabledProjects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a project key')).optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

export type JiraSettingsUpdate = z.input<typeof jiraSettingsUpdateSchema>;

/** The sandbox's live settings; not persisted: every start begins with the defaults (plus the given overrides). */
export class SandboxSettings {
  private settings: JiraSandboxSettings = structuredClone(DEFAULT_JIRA_SETTINGS);

  constructor(initial: JiraSettingsUpdate = {}) {
    this.update(initial);
  }

  get current(): JiraSandboxSettings {
    return this.settings;
  }

  update(update: unknown): JiraSandboxSettings {
    const parsed = parseInput(jiraSettingsUpdateSchema, update);
    const next = structuredClone(this.settings);
    if (parsed.dynamicWebhooks !== undefined) next.dynamicWebhooks = parsed.dynamicWebhooks;
    if (parsed.searchLagMs !== undefined) next.searchLagMs = parsed.searchLagMs;
    if (typeof parsed.pointsQuota === 'boolean') next.pointsQuota.enabled = parsed.pointsQuota;
    else if (parsed.pointsQuota) {
      const { costs, ...rest } = parsed.pointsQuota;
      Object.assign(next.pointsQuota, withoutUndefined(rest));
      if (costs) {
        const { operations, ...scalars } = costs;
        Object.assign(next.pointsQuota.costs, withoutUndefined(scalars));
        if (operations) next.pointsQuota.costs.operations = { ...next.pointsQuota.costs.operations, ...operations };
      }
    }
    if (typeof parsed.timeTracking === 'boolean') next.timeTracking.enabled = parsed.timeTracking;
    else if (parsed.timeTracking) Object.assign(next.timeTracking, withoutUndefined(parsed.timeTracking));
    this.settings = next;
    return this.settings;
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
