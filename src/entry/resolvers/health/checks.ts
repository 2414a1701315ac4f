import { JiraClient } from '../../../adapters/jira/jira-client';
import { JiraPermissionError } from '../../../adapters/jira/jira-errors';
import { listWebhooks } from '../../../adapters/jira/dynamic-webhooks';
import { latestDeliveries, type DeliveryRecord } from '../../../adapters/storage/activity-log';
import { getWaveTokens, secretsStatus } from '../../../adapters/storage/secrets';
import { getWaveConnection } from '../../../adapters/storage/wave-connection';
import { isAppError } from '../../../shared/errors';
import type { TimeBudget } from '../../../shared/time-budget';
import type { HealthCheckView } from '../api';
import { isPastedToken } from '../wave/connection-view';
import { roughDuration } from './format';
import { lastReconciliation } from './reconciliation-mark';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
const WEBHOOK_EXPIRY_WARNING_MS = 7 * DAY_MS;
/** The keeper runs hourly; a few missed runs are worth a look, a day of them is a problem. */
const RECONCILIATION_LATE_MS = 3 * HOUR_MS;
const RECONCILIATION_STALE_MS = DAY_MS;
const RATE_LIMIT_PATTERN = /rate.?limit|429|too many requests|quota/i;

export async function waveTokenCheck(now: number): Promise<HealthCheckView> {
  const base = { key: 'wave-token', label: 'Wave token' } as const;
  const [connection, tokens] = await Promise.all([getWaveConnection(), getWaveTokens()]);
  if (connection.state === 'reconnect-needed') {
    return { ...base, level: 'red', summary: connection.reason ?? 'Wave no longer accepts the app\'s authorisation.', action: 'Connect Wave again under Wave connection.' };
  }
  if (!tokens) return { ...base, level: 'red', summary: 'Wave is not connected: thin events cannot be read from Wave.', action: 'Connect Wave under Wave connection.' };
  if (isPastedToken(tokens)) {
    return { ...base, level: 'amber', summary: 'Connected with a pasted development token.', action: 'For production, connect through OAuth so access is renewed and can be revoked.' };
  }
  const left = tokens.expiresAt - now;
  const summary = left > 0 ? `Access token valid for ${roughDuration(left)}; it is renewed automatically.` : 'Access token expired; it is renewed on the next call to Wave.';
  return { ...base, level: 'green', summary };
}

export async function signingSecretCheck(now: number): Promise<HealthCheckView> {
  const base = { key: 'signing-secret', label: 'Webhook signing secret' } as const;
  const status = await secretsStatus();
  if (!status.webhookSigningSecretSet) {
    return { ...base, level: 'red', summary: 'No signing secret: every delivery is refused.', action: 'Set a signing secret under Webhooks and the same one in Wave.' };
  }
  const until = status.previousSigningSecretValidUntil;
  if (until !== undefined && until > now) {
    return { ...base, level: 'amber', summary: `Rotating: the previous secret is still accepted for ${roughDuration(until - now)}.`, action: 'Put the new secret in Wave\'s webhook settings before then.' };
  }
  return { ...base, level: 'green', summary: 'Set.' };
}

export function lastDeliveryCheck(recent: DeliveryRecord[], now: number): HealthCheckView {
  const base = { key: 'last-delivery', label: 'Last delivery' } as const;
  const last = recent[0];
  if (!last) return { ...base, level: 'amber', summary: 'No delivery received yet.', action: 'Register the webhook URL in Wave, then use "Send test event".' };
  const ago = `${roughDuration(now - last.receivedAt)} ago`;
  if (last.outcome === 'failed') {
    return { ...base, level: 'red', summary: `Failed ${ago}: ${last.reason ?? 'no reason recorded'}`, action: 'Fix the cause, then replay it under Activity (Wave also retries).' };
  }
  if (last.outcome === 'rejected') {
    return { ...base, level: 'amber', summary: `Refused ${ago}: ${last.reason ?? 'no reason recorded'}`, action: 'Check that Wave signs with the secret set under Webhooks.' };
  }
  return { ...base, level: 'green', summary: `${last.outcome[0]?.toUpperCase()}${last.outcome.slice(1)} ${ago}${last.invoiceNumber ? ` (invoice ${last.invoiceNumber})` : ''}.` };
}

export function rateLimitCheck(recent: DeliveryRecord[], now: number): HealthCheckView {
  const base = { key: 'rate-limit', label: 'Rate-limit pressure' } as const;
  const limited = recent.filter((entry) => now - entry.receivedAt < HOUR_MS && entry.outcome === 'failed' && RATE_LIMIT_PATTERN.test(entry.reason ?? ''));
  if (limited.length === 0) return { ...base, level: 'green', summary: 'No delivery was slowed down by Jira or Wave rate limits in the last hour.' };
  const summary = `${limited.length} ${limited.length === 1 ? 'delivery' : 'deliveries'} hit a rate limit in the last hour; Wave retries them.`;
  const level = limited.length >= 5 ? 'red' : 'amber';
  return { ...base, level, summary, action: 'Other apps or scripts may be using Jira\'s rate limit; if this persists, spread their load or contact Atlassian support about the quota.' };
}

export async function jiraEventsCheck(budget: TimeBudget): Promise<HealthCheckView> {
  const base = { key: 'jira-events', label: 'Jira events' } as const;
  const viaTrigger = 'Issue events arrive through the app\'s Forge trigger, which does not expire.';
  let expiries: number[];
  try {
    expiries = (await listWebhooks(JiraClient.asApp(budget))).flatMap((webhook) => (webhook.expirationDate !== undefined ? [webhook.expirationDate] : []));
  } catch (error) {
    // Jira keeps REST webhooks for Connect and OAuth apps; a Forge app is refused, and needs none.
    if (error instanceof JiraPermissionError) return { ...base, level: 'green', summary: viaTrigger };
    const why = isAppError(error) ? error.message : 'Jira could not be asked';
    return { ...base, level: 'amber', summary: `${viaTrigger} Registered webhooks could not be listed (${why}).`, action: 'Look again later; if it persists, check the app\'s Jira permissions.' };
  }
  const soonest = expiries.length > 0 ? Math.min(...expiries) : undefined;
  const now = budget.now();
  if (soonest === undefined) return { ...base, level: 'green', summary: viaTrigger };
  if (soonest <= now) return { ...base, level: 'red', summary: 'A Jira webhook has expired: its events no longer arrive.', action: 'Check that the hourly keeper runs; it re-registers expired webhooks.' };
  if (soonest - now < WEBHOOK_EXPIRY_WARNING_MS) {
    return { ...base, level: 'amber', summary: `A Jira webhook expires in ${roughDuration(soonest - now)}.`, action: 'The hourly keeper refreshes it; if this stays amber, check the keeper\'s logs.' };
  }
  return { ...base, level: 'green', summary: `${viaTrigger} Webhooks expire in ${roughDuration(soonest - now)} and are refreshed hourly.` };
}

export async function reconciliationCheck(now: number): Promise<HealthCheckView> {
  const base = { key: 'reconciliation', label: 'Last reconciliation' } as const;
  const mark = await lastReconciliation();
  if (!mark) return { ...base, level: 'amber', summary: 'No reconciliation has run yet.', action: 'It runs hourly once Wave is connected; check back later.' };
  const ago = now - mark.at;
  const detail = mark.message ? `: ${mark.message}` : '';
  if (!mark.ok) return { ...base, level: 'red', summary: `Failed ${roughDuration(ago)} ago${detail}`, action: 'Fix the cause shown; the next hourly run tries again.' };
  if (ago > RECONCILIATION_STALE_MS) return { ...base, level: 'red', summary: `Last ran ${roughDuration(ago)} ago.`, action: 'The hourly scheduled trigger is not running: check the app\'s installation and logs.' };
  if (ago > RECONCILIATION_LATE_MS) return { ...base, level: 'amber', summary: `Last ran ${roughDuration(ago)} ago${detail}`, action: 'It should run hourly; check the app\'s logs if this persists.' };
  return { ...base, level: 'green', summary: `Ran ${roughDuration(ago)} ago${detail}` };
}

/** All checks, each on its own: one failing to answer does not hide the others. */
export async function healthChecks(budget: TimeBudget): Promise<HealthCheckView[]> {
  const now = budget.now();
  const recent = (await latestDeliveries({ limit: 100 })).entries;
  return Promise.all([waveTokenCheck(now), signingSecretCheck(now), lastDeliveryCheck(recent, now), jiraEventsCheck(budget), reconciliationCheck(now), rateLimitCheck(recent, now)]);
}
