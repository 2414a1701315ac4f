import type { DeliveryRecord } from '../../../adapters/storage/activity-log';

interface Advice {
  /** Matched against the entry's details (the app's own sentences). */
  when: RegExp;
  say: string;
}

const RETRY_NOTE = 'Wave retries a failed delivery by itself for a while; Replay runs it again now.';

/** Failures by what caused them, most specific first. */
const FAILURES: readonly Advice[] = [
  {
    when: /reconnect|connect wave|no longer accepts|refused to renew|not connected/i,
    say: 'Connect Wave again under Wave connection. Deliveries that failed meanwhile can then be replayed.',
  },
  {
    when: /no jira project|no issue type|choose (another|one|the)|admin page|configuration/i,
    say: `Finish the setup under Defaults (the project and issue types invoices go to), then Replay. ${RETRY_NOTE}`,
  },
  {
    when: /rate.?limit|429|too many requests|quota/i,
    say: 'Jira or Wave asked the app to slow down; nothing to fix unless it keeps happening (see Health → Rate-limit pressure). Wave retries it.',
  },
  {
    when: /being synchroni[sz]ed by another|try again shortly|lock/i,
    say: 'Nothing: another delivery of the same invoice was being applied. Wave retries it.',
  },
  {
    when: /permission|not allowed|forbidden|403|cannot be set/i,
    say: `The app lacks a Jira permission in that project: give the app's role Browse, Create, Edit and Transition issues there, then Replay.`,
  },
  {
    when: /transition|screen/i,
    say: "The workflow has no screenless transition to the mapped status: add one, or change the mapping on the project's settings page.",
  },
  {
    when: /unavailable|timed? ?out|could not be reached|http 5\d\d/i,
    say: `Jira or Wave was unavailable; nothing to fix if it passes. ${RETRY_NOTE}`,
  },
];

/** What an admin can do about an entry that did not go through, or undefined when there is nothing to do. */
export function whatToDo(entry: DeliveryRecord): string | undefined {
  if (entry.outcome !== 'failed' && entry.outcome !== 'rejected') return undefined;
  const details = entry.reason ?? '';
  if (entry.eventType === 'backfill')
    return 'Fix the cause, then start the import again from the same day under Defaults: it resumes and creates only what is missing.';
  if (entry.outcome === 'rejected')
    return "The delivery was signed but is not one the app can read, so retrying it cannot help. If Wave keeps sending such deliveries, check the webhook's event types in Wave's developer portal.";
  const advice = FAILURES.find((candidate) => candidate.when.test(details))?.say;
  if (entry.source === 'poll')
    return `${advice ?? 'Fix the cause shown.'} The five-minute poll tries again by itself, and skips the invoice after three failures until it changes again in Wave.`;
  return advice ?? `Fix the cause shown, then Replay. ${RETRY_NOTE}`;
}
