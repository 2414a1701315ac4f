import {
  getKeeperState,
  type JiraEventSource,
  type KeeperProblem,
  type KeptJiraWebhook,
} from '../../adapters/storage/keeper-state';
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
  sweep: {
    lastStartedAt?: number;
    lastCompletedAt?: number;
    lastRepairs?: number;
    totalRepairs: number;
    /** Wave changes up to these times are applied. */
    appliedUpTo: { invoice?: number; customer?: number };
    /** Wave refuses `modifiedAtAfter`; the sweep reads newest first instead. */
    usesFallback: boolean;
    lastProblem?: KeeperProblem;
  };
  backfill: BackfillProgress | null;
}

export async function getKeeperHealth(): Promise<KeeperHealth> {
  const [tokenState, jiraState, sweepState, connection, tokens, backfill] = await Promise.all([
    getKeeperState('wave-token'),
    getKeeperState('jira-events'),
    getKeeperState('sweep'),
    getWaveConnection(),
    getWaveTokens(),
    getBackfillProgress(),
  ]);
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
    sweep: {
      ...(sweepState.lastStartedAt !== undefined ? { lastStartedAt: sweepState.lastStartedAt } : {}),
      ...(sweepState.lastCompletedAt !== undefined ? { lastCompletedAt: sweepState.lastCompletedAt } : {}),
      ...(sweepState.lastRepairs !== undefined ? { lastRepairs: sweepState.lastRepairs } : {}),
      totalRepairs: sweepState.totalRepairs ?? 0,
      appliedUpTo: sweepState.appliedUpToMs,
      usesFallback: sweepState.usesFallback ?? false,
      ...(sweepState.lastProblem ? { lastProblem: sweepState.lastProblem } : {}),
    },
    backfill,
  };
}
