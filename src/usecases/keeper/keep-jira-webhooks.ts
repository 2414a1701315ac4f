import {
  deleteWebhooks,
  listWebhooks,
  refreshWebhooks,
  registerWebhooks,
  type RegisteredJiraWebhook,
} from '../../adapters/jira/dynamic-webhooks';
import { JiraClient } from '../../adapters/jira/jira-client';
import { JiraPermissionError } from '../../adapters/jira/jira-errors';
import { getAppConfig } from '../../adapters/storage/config';
import { ensureJiraWebhookToken } from '../../adapters/storage/jira-webhook-token';
import { getKeeperState, saveKeeperState, type JiraEventsKeeping } from '../../adapters/storage/keeper-state';
import { storageKeys } from '../../adapters/storage/keys';
import { tryAcquireLock } from '../../adapters/storage/kvs-lock';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { matchesWanted, planWebhooks, type WantedWebhook } from '../../domain/keeper/webhook-plan';
import { UpstreamError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { describeFailure } from '../reconcile/failures';
import { JIRA_WEBHOOK_EVENTS, wantedJiraWebhook } from './jira-webhook-target';

const DAY_MS = 24 * 60 * 60_000;
/** Jira gives a webhook 30 days; refreshing once 23 are left means weekly, so a week of failed runs still leaves time. */
export const WEBHOOK_REFRESH_WITHIN_MS = 23 * DAY_MS;
/** Where Jira refuses dynamic webhooks (a plain Forge app), ask again weekly in case that changes. */
const FORGE_TRIGGER_RECHECK_MS = 7 * DAY_MS;
const LOCK_TTL_SECONDS = 120;

/**
 * Keeps exactly one dynamic webhook alive for issue updated/deleted events in the synced projects:
 * reuses what `GET /rest/api/3/webhook` shows (so restarts and redeploys never add one), removes
 * duplicates and outdated ones, re-registers what expired or vanished, refreshes weekly. Where
 * Jira answers 403, records that the Forge trigger (which never expires) is the event source.
 */
export async function keepJiraWebhooks(budget: TimeBudget): Promise<JiraEventsKeeping> {
  const lock = await tryAcquireLock(storageKeys.keeperLock('jira-webhooks'), LOCK_TTL_SECONDS);
  if (!lock) return getKeeperState('jira-events');
  try {
    return await keepHoldingLock(budget);
  } finally {
    await lock.release();
  }
}

async function keepHoldingLock(budget: TimeBudget): Promise<JiraEventsKeeping> {
  const now = budget.now();
  const state = await getKeeperState('jira-events');
  if (
    state.source === 'forge-trigger' &&
    state.lastCheckAt !== undefined &&
    now - state.lastCheckAt < FORGE_TRIGGER_RECHECK_MS
  )
    return state;
  const jira = JiraClient.asApp(budget);
  const token = await ensureJiraWebhookToken();
  let next: JiraEventsKeeping;
  try {
    const wanted = (await getWaveTokens()) ? await wantedJiraWebhook(await getAppConfig(), token) : null;
    next = await reconcileWebhooks(jira, wanted, state, now);
  } catch (error) {
    if (error instanceof JiraPermissionError) {
      next = { source: 'forge-trigger', webhooks: [], lastCheckAt: now };
    } else {
      // Jira's messages name fields, not URLs; still, never let the URL's token reach the page.
      next = {
        ...state,
        lastCheckAt: now,
        lastProblem: { at: now, message: describeFailure(error).split(token).join('…') },
      };
    }
  }
  await saveKeeperState('jira-events', next);
  return next;
}

async function reconcileWebhooks(
  jira: JiraClient,
  wanted: WantedWebhook | null,
  state: JiraEventsKeeping,
  now: number,
): Promise<JiraEventsKeeping> {
  const listed = await listWebhooks(jira);
  const plan = planWebhooks(listed, wanted, now, WEBHOOK_REFRESH_WITHIN_MS);
  await deleteWebhooks(jira, plan.remove);
  if (plan.register && wanted) {
    const results = await registerWebhooks(jira, wanted.url, [
      { events: [...JIRA_WEBHOOK_EVENTS], jqlFilter: wanted.jqlFilter },
    ]);
    const errors = results.flatMap((result) => ('errors' in result ? result.errors : []));
    if (errors.length > 0 || results.length === 0)
      throw new UpstreamError(`Jira did not register the webhook: ${errors.join('; ') || 'no answer'}`);
  }
  if (plan.refresh.length > 0) await refreshWebhooks(jira, plan.refresh);
  // Read back what Jira now holds: the expiry it gave is the one the health panel shows.
  const live = plan.register || plan.refresh.length > 0 ? await listWebhooks(jira) : listed;
  const kept = wanted
    ? live.filter((webhook) => matchesWanted(webhook, wanted) && !plan.remove.includes(webhook.id))
    : [];
  const { lastProblem: _solved, ...rest } = state;
  return {
    ...rest,
    source: 'dynamic-webhooks',
    webhooks: kept.map(toKept),
    lastCheckAt: now,
    ...(plan.refresh.length > 0 ? { lastRefreshAt: now } : {}),
    ...(plan.register ? { lastRegisteredAt: now } : {}),
  };
}

const toKept = (webhook: RegisteredJiraWebhook) => ({
  id: webhook.id,
  ...(webhook.expirationDate !== undefined ? { expiresAt: webhook.expirationDate } : {}),
});
