import { JiraClient } from '../adapters/jira/jira-client';
import { getAppConfig, type AppConfig } from '../adapters/storage/config';
import { getWaveTokens } from '../adapters/storage/secrets';
import { WaveGraphqlClient } from '../adapters/wave/wave-graphql';
import { WaveOAuthClient } from '../adapters/wave/wave-oauth';
import { WaveTokenManager } from '../adapters/wave/wave-tokens';
import { NotConfiguredError } from '../shared/errors';
import type { TimeBudget } from '../shared/time-budget';
import type { DeliveryRecord } from '../adapters/storage/activity-log';
import type { FailureLog } from '../adapters/storage/record-store';
import type { SyncResult } from './sync/sync-result';

/** What one invocation's sync work shares: its time budget, its Jira and Wave clients, the configuration. */
export interface SyncContext {
  budget: TimeBudget;
  jira: JiraClient;
  config: AppConfig;
  /** Created on first use: most deliveries carry complete data and never call Wave. */
  wave(): WaveGraphqlClient;
  /** The business an event without `businessId` belongs to. */
  connectedBusinessId(): Promise<string>;
  /**
   * The activity-log entry of a delivery's result, written in the same transaction as the record it changed
   * (undefined: no entry). Set by the intake and the poll.
   */
  activityOf?: (result: SyncResult) => DeliveryRecord | undefined;
  /**
   * How a delivery that fails is logged, in the write that lets go of its record (`logged` is told once it is
   * stored). Set by the intake.
   */
  failureLog?: { of(error: unknown): FailureLog; logged(error: unknown): void };
}

export async function createSyncContext(budget: TimeBudget, config?: AppConfig): Promise<SyncContext> {
  const resolvedConfig = config ?? (await getAppConfig());
  let wave: WaveGraphqlClient | undefined;
  return {
    budget,
    jira: JiraClient.asApp(budget),
    config: resolvedConfig,
    wave: () => (wave ??= createWaveClient(budget)),
    connectedBusinessId: async () => {
      const businessId = resolvedConfig.connectedBusinessId ?? (await getWaveTokens())?.businessId;
      if (!businessId) throw new NotConfiguredError('no Wave business is connected; connect Wave on the admin page');
      return businessId;
    },
  };
}

export function createWaveClient(budget: TimeBudget): WaveGraphqlClient {
  const oauth = new WaveOAuthClient({ budget });
  return new WaveGraphqlClient({ tokens: new WaveTokenManager({ oauth, budget }), budget });
}
