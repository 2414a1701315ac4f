import { deleteWebhooks, listWebhooks } from '../../adapters/jira/dynamic-webhooks';
import { JiraClient } from '../../adapters/jira/jira-client';
import { JiraPermissionError } from '../../adapters/jira/jira-errors';
import { getKeeperState, saveKeeperState } from '../../adapters/storage/keeper-state';
import { storageKeys } from '../../adapters/storage/keys';
import { acquireLockWithin } from '../../adapters/storage/kvs-lock';
import { createTimeBudget, type TimeBudget } from '../../shared/time-budget';

/** Forge gives a pre-uninstall function 55 s; stay well inside. */
const UNINSTALL_BUDGET_MS = 40_000;

/**
 * Deletes every dynamic webhook the app holds in Jira (the list only ever shows the app's own).
 * For uninstalling, and for an admin removing the connection; the keeper registers again only
 * while Wave is connected. Answers how many were deleted.
 */
export async function removeJiraWebhooks(
  budget: TimeBudget = createTimeBudget({ limitMs: UNINSTALL_BUDGET_MS }),
): Promise<number> {
  const lock = await acquireLockWithin(storageKeys.keeperLock('jira-webhooks'), budget, {
    ttlSeconds: 120,
    pollMs: 250,
  });
  try {
    const jira = JiraClient.asApp(budget);
    let ids: number[];
    try {
      ids = (await listWebhooks(jira)).map((webhook) => webhook.id);
    } catch (error) {
      if (error instanceof JiraPermissionError) return 0;
      throw error;
    }
    await deleteWebhooks(jira, ids);
    await saveKeeperState('jira-events', {
      ...(await getKeeperState('jira-events')),
      webhooks: [],
      lastCheckAt: budget.now(),
    });
    return ids.length;
  } finally {
    await lock?.release();
  }
}
