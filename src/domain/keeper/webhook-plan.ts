/**
 * What to do with the app's Jira dynamic webhooks so that exactly one, for the wanted URL, events
 * and JQL, stays alive. Pure: the caller lists, registers, refreshes and deletes.
 */
export interface ListedWebhook {
  id: number;
  url: string;
  events: readonly string[];
  jqlFilter: string;
  /** Epoch ms. */
  expirationDate?: number;
}

export interface WantedWebhook {
  url: string;
  events: readonly string[];
  jqlFilter: string;
}

export interface WebhookPlan {
  /** The live webhook that already does the job. */
  keep?: ListedWebhook;
  /** Duplicates, outdated definitions, or all of them when none is wanted. */
  remove: number[];
  register: boolean;
  refresh: number[];
}

const sameEvents = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function matchesWanted(listed: ListedWebhook, wanted: WantedWebhook): boolean {
  return listed.url === wanted.url && listed.jqlFilter === wanted.jqlFilter && sameEvents(listed.events, wanted.events);
}

/**
 * `refreshWithinMs`: refresh the kept webhook once it expires within this time (Jira gives 30 days;
 * refreshing when 23 are left means weekly, so a week of failed runs still leaves three).
 */
export function planWebhooks(
  listed: readonly ListedWebhook[],
  wanted: WantedWebhook | null,
  now: number,
  refreshWithinMs: number,
): WebhookPlan {
  if (!wanted) return { remove: listed.map((webhook) => webhook.id), register: false, refresh: [] };
  const matching = listed
    .filter((webhook) => matchesWanted(webhook, wanted))
    .sort((a, b) => (b.expirationDate ?? 0) - (a.expirationDate ?? 0) || a.id - b.id);
  const keep = matching[0];
  const remove = listed.filter((webhook) => webhook !== keep).map((webhook) => webhook.id);
  if (!keep) return { remove, register: true, refresh: [] };
  const due = keep.expirationDate === undefined || keep.expirationDate - now <= refreshWithinMs;
  return { keep, remove, register: false, refresh: due ? [keep.id] : [] };
}
