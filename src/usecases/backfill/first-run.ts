import { hasAppIssues } from '../../adapters/jira/app-issues';
import { JiraClient } from '../../adapters/jira/jira-client';
import { getBackfill } from '../../adapters/storage/backfill-state';
import { getAppConfig } from '../../adapters/storage/config';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { getWaveConnection } from '../../adapters/storage/wave-connection';
import type { TimeBudget } from '../../shared/time-budget';
import { describeFailure } from '../reconcile/failures';
import { createSyncContext } from '../sync-context';

export interface FirstRun {
  /** Wave is connected, no import has run and the app has no invoice issue in Jira yet. */
  offerImport: boolean;
  wave?: { invoices: number; oldestChangeDay?: string };
  waveError?: string;
  connectedAt?: number;
  /** No Jira project chosen for invoices yet: the import needs one first. */
  needsProject?: boolean;
}

/**
 * A fresh install: Wave connected, nothing imported, no invoice of the app in Jira. Then Wave is asked how many
 * invoices it has and how far back they go (one request: the oldest change first, with the total), so the page
 * can offer to import exactly those; the five-minute poll only brings what changes after the connection.
 */
export async function firstRun(budget: TimeBudget): Promise<FirstRun> {
  const [tokens, connection, backfill, config] = await Promise.all([
    getWaveTokens(),
    getWaveConnection(),
    getBackfill(),
    getAppConfig(),
  ]);
  const known = {
    ...(connection.connectedAt !== undefined ? { connectedAt: connection.connectedAt } : {}),
    ...(config.defaultProjectKey ? {} : { needsProject: true }),
  };
  if (!tokens || connection.state !== 'connected' || backfill) return { offerImport: false, ...known };
  if (await hasAppIssues(JiraClient.asApp(budget), 'invoice')) return { offerImport: false, ...known };
  try {
    const ctx = await createSyncContext(budget);
    const page = await ctx.wave().listInvoices({ businessId: await ctx.connectedBusinessId(), pageSize: 1 });
    const invoices = page.totalCount ?? page.items.length;
    const oldest = page.items[0]?.modifiedAt.slice(0, 10);
    return {
      offerImport: invoices > 0,
      wave: { invoices, ...(oldest ? { oldestChangeDay: oldest } : {}) },
      ...known,
    };
  } catch (error) {
    return { offerImport: true, waveError: describeFailure(error), ...known };
  }
}
