import { createTimeBudget } from '../../shared/time-budget';
import { resumeStalledBackfill } from '../backfill/resume-stalled-backfill';
import { keepJiraWebhooks } from './keep-jira-webhooks';
import { keepWaveTokenFresh } from './keep-wave-token';

/** The keeper's own work is a handful of requests. */
const KEEPER_BUDGET_MS = 120_000;

/**
 * The hourly scheduled keeper: renew Wave's token ahead of expiry, keep Jira's webhooks alive and restart a
 * backfill whose invocation died. Each job runs on its own: one failing (Forge does not retry a scheduled run)
 * does not stop the others. Changes Wave sent no webhook for are the five-minute poll's (usecases/poll).
 */
export async function runKeeper(): Promise<void> {
  const budget = createTimeBudget({ limitMs: KEEPER_BUDGET_MS, reserveMs: 5_000 });
  await alone('wave token', () => keepWaveTokenFresh(budget));
  await alone('jira webhooks', () => keepJiraWebhooks(budget));
  await alone('backfill', () => resumeStalledBackfill(budget.now()));
}

async function alone(job: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Names only: messages could quote an upstream answer.
    console.error(`keeper: ${job} failed`, error instanceof Error ? error.name : 'unknown error');
  }
}
