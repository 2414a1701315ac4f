import { createTimeBudget } from '../../shared/time-budget';
import { POLL_BUDGET_MS, runPoll } from '../../usecases/poll/run-poll';

/** `scheduledTrigger` wave-poll (every five minutes): brings what changed in Wave into Jira. */
export async function wavePoll(): Promise<void> {
  const result = await runPoll(createTimeBudget({ limitMs: POLL_BUDGET_MS, reserveMs: 5_000 }));
  if (result.status === 'failed') console.warn('wave-poll: stopped; the next run resumes', result.status);
}
