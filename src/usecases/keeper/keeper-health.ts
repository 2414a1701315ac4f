import { latestDeliveries } from '../../adapters/storage/activity-log';
import { getAppConfig } from '../../adapters/storage/config';
import {
  getKeeperState,
  type BusinessPoll,
  type JiraEventSource,
  type KeeperProblem,
  type KeptJiraWebhook,
} from '../../adapters/storage/keeper-state';
import { instantMs } from '../../domain/keeper/change-cursor';
import { polledBusinesses } from '../poll/run-poll';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { getWaveConnection, type WaveConnectionState } from '../../adapters/storage/wave-connection';
import { getBackfillProgress, type BackfillProgress } from '../backfill/backfill-progress';
import { WEBHOOK_REFRESH_WITHIN_MS } from './keep-jira-webhooks';

/** What the health panel shows of the keeper's jobs. Times are epoch ms; nothing secret. */
export interface KeeperHealth {
  waveToken: {
    connection: WaveConnectionState;
    /** Why an admin has to reconnect, when they do. */
    reconnectReason?: string;
    accessTokenExpiresAt?: number;
    /** False for a pasted development token (no refresh token). */
    renewable: boolean;
    lastCheckAt?: number;
    lastRefreshAt?: number;
    lastProblem?: KeeperProblem;
  };
  jiraEvents: {
    /** `forge-trigger`: Jira refuses dynamic webhooks to this app; the trigger module (never expires) brings the events and nothing needs refreshing. `unknown`: not checked yet. */
    source: JiraEventSource | 'unknown';
    webhooks: KeptJiraWebhook[];
    /** The soonest expiry among the app's webhooks. */
    expiresAt?: number;
    /** When the keeper refreshes them next (weekly). */
    nextRefreshAt?: number;
    lastCheckAt?: number;
    lastRefreshAt?: number;
    lastRegisteredAt?: number;
    lastProblem?: KeeperProblem;
  };
  /** The five-minute poll, per Wave business it covers. */
  poll: BusinessPollHealth[];
  backfill: BackfillProgress | null;
}

export interface BusinessPollHealth {
  businessId: string;
  businessName?: string;
  lastRunAt?: number;
  /** When a run last caught up with every change Wave listed. */
  lastCompletedAt?: number;
  lastChanges?: number;
  totalChanges: number;
  /** Changes Wave made since this time may not be in Jira yet (a run that has not caught up, a record that fails). */
  oldestUnsyncedAt?: number;
  lastProblem?: KeeperProblem;
  /** The last signed delivery from Wave's webhooks for this business. */
  lastWebhookAt?: number;
}

function pollHealth(
  businessId: string,
  poll: BusinessPoll | undefined,
  lastWebhookAt: number | undefined,
): BusinessPollHealth {
  const walking = Object.values(poll?.kinds ?? {}).flatMap((kind) => (kind?.walk ? [kind.watermarkMs] : []));
  const stuckAt = poll?.stuck ? instantMs(poll.stuck.modifiedAt) : null;
  const unsynced = [...walking, ...(stuckAt !== null ? [stuckAt] : [])];
  return {
    businessId,
    ...(poll?.businessName ? { businessName: poll.businessName } : {}),
    ...(poll?.lastRunAt !== undefined ? { lastRunAt: poll.lastRunAt } : {}),
    ...(poll?.lastCompletedAt !== undefined ? { lastCompletedAt: poll.lastCompletedAt } : {}),
    ...(poll?.lastChanges !== undefined ? { lastChanges: poll.lastChanges } : {}),
    totalChanges: poll?.totalChanges ?? 0,
    ...(unsynced.length > 0 ? { oldestUnsyncedAt: Math.min(...unsynced) } : {}),
    ...(poll?.lastProblem ? { lastProblem: poll.lastProblem } : {}),
    ...(lastWebhookAt !== undefined ? { lastWebhookAt } : {}),
  };
}

export async function getKeeperHealth(): Promise<KeeperHealth> {
  const [tokenState, jiraState, pollState, connection, tokens, backfill, config, webhooks] = await Promise.all([
    getKeeperState('wave-token'),
    getKeeperState('jira-events'),
    getKeeperState('poll'),
    getWaveConnection(),
    getWaveTokens(),
    getBackfillProgress(),
    getAppConfig(),
    latestDeliveries({ source: 'webhook', limit: 50 }),
  ]);
  const lastWebhookAt = (businessId: string): number | undefined =>
    webhooks.entries.find((entry) => entry.businessId === businessId && entry.outcome !== 'rejected')?.receivedAt;
  const expiries = jiraState.webhooks.flatMap((webhook) =>
    webhook.expiresAt !== undefined ? [webhook.expiresAt] : [],
  );
  const expiresAt = expiries.length > 0 ? Math.min(...expiries) : undefined;
  return {
    waveToken: {
      connection: connection.state,
      ...(connection.state === 'reconnect-needed' && connection.reason ? { reconnectReason: connection.reason } : {}),
      ...(tokens ? { accessTokenExpiresAt: tokens.expiresAt } : {}),
      renewable: tokens !== undefined && tokens.refreshToken !== '',
      ...tokenState,
    },
    jiraEvents: {
      ...jiraState,
      source: jiraState.source ?? 'unknown',
      ...(expiresAt !== undefined ? { expiresAt, nextRefreshAt: expiresAt - WEBHOOK_REFRESH_WITHIN_MS } : {}),
    },
    poll: polledBusinesses(config).map((businessId) =>
      pollHealth(
        businessId,
        Object.hasOwn(pollState.businesses, businessId) ? pollState.businesses[businessId] : undefined,
        lastWebhookAt(businessId),
      ),
    ),
    backfill,
  };
}
