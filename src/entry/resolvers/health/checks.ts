import { latestDeliveries, type DeliveryRecord } from '../../../adapters/storage/activity-log';
import type { TimeBudget } from '../../../shared/time-budget';
import { BACKFILL_STALL_MS } from '../../../usecases/backfill/backfill-timing';
import { getKeeperHealth, type BusinessPollHealth, type KeeperHealth } from '../../../usecases/keeper';
import type { HealthCheckView } from '../api';
import { deliveryChecks } from './delivery-checks';
import { relativeTo, roughDuration } from './format';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** The keeper runs hourly: a few missed runs are worth a look. */
const KEEPER_LATE_MS = 3 * HOUR_MS;
const RATE_LIMIT_PATTERN = /rate.?limit|429|too many requests|quota/i;
const BACKFILL_WHERE = 'under Defaults → Import older invoices';

type Check = Omit<HealthCheckView, 'details'> & { details?: Array<string | undefined | false> };

/** Drops the details that do not apply, and the list when none does. */
function view({ details, ...check }: Check): HealthCheckView {
  const shown = (details ?? []).filter((line): line is string => typeof line === 'string' && line !== '');
  return shown.length > 0 ? { ...check, details: shown } : check;
}

const checkedLine = (at: number | undefined, now: number) =>
  at !== undefined
    ? `Last checked by the hourly keeper ${relativeTo(at, now)}.`
    : 'Not checked by the hourly keeper yet.';

export function waveTokenCheck({ waveToken: token }: KeeperHealth, now: number): HealthCheckView {
  const base = { key: 'wave-token', label: 'Wave token' } as const;
  const problem = token.lastProblem
    ? `Last problem ${relativeTo(token.lastProblem.at, now)}: ${token.lastProblem.message}`
    : undefined;
  if (token.connection === 'reconnect-needed') {
    return view({
      ...base,
      level: 'red',
      summary: token.reconnectReason ?? "Wave no longer accepts the app's authorisation.",
      details: [problem],
      action: 'Connect Wave again under Wave connection; deliveries and the poll wait until then (Wave retries).',
    });
  }
  if (token.accessTokenExpiresAt === undefined) {
    return view({
      ...base,
      level: 'red',
      summary: "Wave is not connected: Wave's deliveries cannot be read from Wave, and nothing is polled.",
      action: 'Connect Wave under Wave connection.',
    });
  }
  const left = token.accessTokenExpiresAt - now;
  const expiry =
    left > 0
      ? `Access token expires ${relativeTo(token.accessTokenExpiresAt, now)}.`
      : `Access token expired ${relativeTo(token.accessTokenExpiresAt, now)}.`;
  if (!token.renewable) {
    return view({
      ...base,
      level: 'amber',
      summary: 'Connected with a pasted development token, which is not renewed.',
      details: [expiry],
      action: 'For production, connect through OAuth so access is renewed and can be revoked.',
    });
  }
  const details = [
    expiry,
    token.lastRefreshAt !== undefined
      ? `Last renewed ${relativeTo(token.lastRefreshAt, now)}.`
      : 'Not renewed by the keeper yet.',
    checkedLine(token.lastCheckAt, now),
    problem,
  ];
  if (token.lastProblem) {
    const level = left > 0 ? 'amber' : 'red';
    return view({
      ...base,
      level,
      summary: `Renewing the access token failed: ${token.lastProblem.message}`,
      details,
      action: 'The hourly keeper tries again; if it keeps failing, connect Wave again under Wave connection.',
    });
  }
  if (left <= 0) {
    return view({
      ...base,
      level: 'amber',
      summary: 'The access token expired before the keeper renewed it; it is renewed on the next call to Wave.',
      details,
      action: "The hourly keeper renews it ahead of expiry: check that the app's scheduled trigger runs (its logs).",
    });
  }
  return view({
    ...base,
    level: 'green',
    summary: `Access token valid for ${roughDuration(left)}; the hourly keeper renews it ahead of expiry.`,
    details,
  });
}

export function rateLimitCheck(recent: DeliveryRecord[], now: number): HealthCheckView {
  const base = { key: 'rate-limit', label: 'Rate-limit pressure' } as const;
  const limited = recent.filter(
    (entry) =>
      now - entry.receivedAt < HOUR_MS && entry.outcome === 'failed' && RATE_LIMIT_PATTERN.test(entry.reason ?? ''),
  );
  if (limited.length === 0)
    return {
      ...base,
      level: 'green',
      summary: 'No delivery was slowed down by Jira or Wave rate limits in the last hour.',
    };
  const summary = `${limited.length} ${limited.length === 1 ? 'delivery' : 'deliveries'} hit a rate limit in the last hour; Wave retries them.`;
  const level = limited.length >= 5 ? 'red' : 'amber';
  return {
    ...base,
    level,
    summary,
    action:
      "Other apps or scripts may be using Jira's rate limit; if this persists, spread their load or contact Atlassian support about the quota.",
  };
}

/** Where Jira's issue events come from: the Forge trigger, and the dynamic webhooks the keeper registers and refreshes weekly. */
export function jiraEventsCheck({ jiraEvents: events, waveToken }: KeeperHealth, now: number): HealthCheckView {
  const base = { key: 'jira-events', label: 'Jira events' } as const;
  const checked = checkedLine(events.lastCheckAt, now);
  const problem = events.lastProblem
    ? `Last problem ${relativeTo(events.lastProblem.at, now)}: ${events.lastProblem.message}`
    : undefined;
  if (events.source === 'forge-trigger') {
    return view({
      ...base,
      level: 'green',
      summary: "Issue events arrive through the app's Forge trigger, which does not expire.",
      details: ['Jira does not give this app dynamic webhooks; the keeper asks again weekly.', checked],
    });
  }
  const connected = waveToken.accessTokenExpiresAt !== undefined;
  if (events.webhooks.length === 0) {
    if (!connected)
      return view({
        ...base,
        level: 'green',
        summary: 'No Jira webhook: the keeper registers one once Wave is connected.',
        details: [checked],
      });
    const summary =
      events.source === 'unknown'
        ? "Not set up yet: the hourly keeper registers Jira's webhook."
        : 'No Jira webhook is registered; the Forge trigger still brings issue events.';
    return view({
      ...base,
      level: 'amber',
      summary,
      details: [checked, problem],
      action: "The hourly keeper registers it at its next run; if this stays amber, check the keeper's logs.",
    });
  }
  const details = [
    ...events.webhooks.map(
      (webhook) =>
        `Webhook ${webhook.id}${webhook.expiresAt !== undefined ? ` expires ${relativeTo(webhook.expiresAt, now)}` : ''}.`,
    ),
    events.nextRefreshAt !== undefined ? `Next refresh ${relativeTo(events.nextRefreshAt, now)} (weekly).` : undefined,
    events.lastRefreshAt !== undefined ? `Last refreshed ${relativeTo(events.lastRefreshAt, now)}.` : undefined,
    events.lastRegisteredAt !== undefined ? `Registered ${relativeTo(events.lastRegisteredAt, now)}.` : undefined,
    checked,
    problem,
  ];
  const count = events.webhooks.length === 1 ? 'A dynamic webhook' : `${events.webhooks.length} dynamic webhooks`;
  if (events.expiresAt !== undefined && events.expiresAt <= now) {
    return view({
      ...base,
      level: 'red',
      summary: 'A Jira webhook has expired: its events no longer arrive.',
      details,
      action: "Check that the hourly keeper runs (the app's logs); it re-registers expired webhooks.",
    });
  }
  if (events.nextRefreshAt !== undefined && now - events.nextRefreshAt > KEEPER_LATE_MS) {
    return view({
      ...base,
      level: 'amber',
      summary: `The weekly refresh is overdue; the webhook expires ${relativeTo(events.expiresAt ?? now, now)}.`,
      details,
      action: 'The hourly keeper refreshes it; check that it runs and what its last problem was.',
    });
  }
  if (events.lastProblem) {
    return view({
      ...base,
      level: 'amber',
      summary: `${count} brings issue events, but the keeper's last check failed: ${events.lastProblem.message}`,
      details,
      action: "The hourly keeper tries again; if this stays amber, check the app's Jira permissions.",
    });
  }
  const expiry =
    events.expiresAt !== undefined ? `; it expires ${relativeTo(events.expiresAt, now)} and is refreshed weekly` : '';
  return view({
    ...base,
    level: 'green',
    summary: `${count} and the Forge trigger bring issue events${expiry}.`,
    details,
  });
}

/** A run every five minutes: six missed ones are worth a look, a day of them is a problem. */
const POLL_LATE_MS = 30 * 60_000;
const WEBHOOK_QUIET_MS = DAY_MS;

/** One line per business about its poll and its webhooks. */
function pollLine(poll: BusinessPollHealth, now: number): string {
  const name = poll.businessName ?? `Business ${poll.businessId.slice(0, 12)}…`;
  const polled =
    poll.lastCompletedAt !== undefined ? `caught up ${relativeTo(poll.lastCompletedAt, now)}` : 'not caught up yet';
  const changes = `${poll.totalChanges} ${poll.totalChanges === 1 ? 'change' : 'changes'} brought so far`;
  const webhooks =
    poll.lastWebhookAt !== undefined && now - poll.lastWebhookAt < WEBHOOK_QUIET_MS
      ? `last webhook ${relativeTo(poll.lastWebhookAt, now)}`
      : 'no delivery from Wave in 24 h: is the webhook registered in Wave, and does the business have Wave Pro?';
  const unsynced =
    poll.oldestUnsyncedAt !== undefined
      ? `; changes since ${relativeTo(poll.oldestUnsyncedAt, now)} may not be in Jira yet`
      : '';
  return `${name}: ${polled}, ${changes}${unsynced}; ${webhooks}${webhooks.endsWith('?') ? '' : '.'}`;
}

/** The five-minute poll that brings every change into Jira, webhooks or not. */
export function pollCheck({ poll }: KeeperHealth, now: number): HealthCheckView {
  const base = { key: 'poll', label: 'Wave changes (five-minute poll)' } as const;
  if (poll.length === 0) {
    return {
      ...base,
      level: 'amber',
      summary: 'No Wave business to poll yet.',
      action: 'Connect Wave under Wave connection; the poll starts within five minutes.',
    };
  }
  const details = poll.flatMap((business) => [
    pollLine(business, now),
    business.lastProblem
      ? `Last problem ${relativeTo(business.lastProblem.at, now)}: ${business.lastProblem.message}`
      : undefined,
  ]);
  const problem = poll.find((business) => business.lastProblem);
  if (problem?.lastProblem) {
    const since = problem.lastCompletedAt === undefined ? Infinity : now - problem.lastCompletedAt;
    return view({
      ...base,
      level: since > POLL_LATE_MS ? 'red' : 'amber',
      summary: `The poll stopped ${relativeTo(problem.lastProblem.at, now)}: ${problem.lastProblem.message}`,
      details,
      action: 'Fix the cause shown; the next run, within five minutes, resumes where it stopped.',
    });
  }
  const never = poll.find((business) => business.lastCompletedAt === undefined);
  if (never) {
    return view({
      ...base,
      level: 'amber',
      summary:
        never.lastRunAt !== undefined
          ? 'The first poll is catching up with what changed in Wave since it was connected.'
          : 'The first poll runs within five minutes.',
      details,
    });
  }
  const stalest = Math.min(...poll.map((business) => business.lastCompletedAt ?? 0));
  if (now - stalest > POLL_LATE_MS) {
    return view({
      ...base,
      level: now - stalest > DAY_MS ? 'red' : 'amber',
      summary: `The poll last caught up ${relativeTo(stalest, now)}; it runs every five minutes.`,
      details,
      action: "The app's scheduled trigger is not running: check the app's installation and logs.",
    });
  }
  const behind = poll.find((business) => business.oldestUnsyncedAt !== undefined);
  if (behind?.oldestUnsyncedAt !== undefined) {
    return view({
      ...base,
      level: 'amber',
      summary: `Catching up: changes since ${relativeTo(behind.oldestUnsyncedAt, now)} may not be in Jira yet.`,
      details,
    });
  }
  return view({ ...base, level: 'green', summary: 'Every change in Wave reaches Jira within five minutes.', details });
}

/** The import of older invoices, if one was started. */
export function backfillCheck({ backfill }: KeeperHealth, now: number): HealthCheckView {
  const base = { key: 'backfill', label: 'Backfill' } as const;
  if (!backfill)
    return { ...base, level: 'green', summary: `No backfill has run; import older Wave invoices ${BACKFILL_WHERE}.` };
  const progress = `${backfill.done} / ${backfill.total}`;
  const details = [
    `From ${backfill.fromDate}, started ${relativeTo(backfill.startedAt, now)}.`,
    `${backfill.created} new ${backfill.created === 1 ? 'issue' : 'issues'}, ${backfill.alreadyInJira ?? 0} already in Jira, ${backfill.skipped} skipped.`,
    backfill.finishedAt !== undefined
      ? `Finished ${relativeTo(backfill.finishedAt, now)}.`
      : `Last progress ${relativeTo(backfill.updatedAt, now)}.`,
  ];
  if (backfill.state === 'failed') {
    return view({
      ...base,
      level: 'red',
      summary: `Stopped at ${progress}: ${backfill.lastError ?? 'no reason recorded'}`,
      details,
      action: `Fix the cause, then resume it ${BACKFILL_WHERE}.`,
    });
  }
  if (backfill.state === 'cancelled') {
    return view({
      ...base,
      level: 'green',
      summary: `Cancelled at ${progress} invoices; starting it again from ${backfill.fromDate} resumes it.`,
      details,
    });
  }
  if (backfill.state === 'running') {
    if (now - backfill.updatedAt > BACKFILL_STALL_MS) {
      return view({
        ...base,
        level: 'amber',
        summary: `Running, ${progress}, but no progress for ${roughDuration(now - backfill.updatedAt)}.`,
        details,
        action: "The hourly keeper resumes a stalled backfill; if it stays stalled, check the app's logs.",
      });
    }
    return view({ ...base, level: 'green', summary: `Running: ${progress} invoices.`, details });
  }
  if (backfill.skipped > 0) {
    return view({
      ...base,
      level: 'amber',
      summary: `Finished with ${backfill.skipped} ${backfill.skipped === 1 ? 'invoice' : 'invoices'} skipped.`,
      details,
      action:
        'Activity lists each skipped invoice and why; fix the cause and run the backfill again (it creates only what is missing).',
    });
  }
  return view({ ...base, level: 'green', summary: `Finished: ${progress} invoices.`, details });
}

/** All checks; the keeper's are read from what it recorded (no call to Jira or Wave). */
export async function healthChecks(budget: TimeBudget): Promise<HealthCheckView[]> {
  const now = budget.now();
  const [keeper, recent, deliveries] = await Promise.all([
    getKeeperHealth(),
    latestDeliveries({ limit: 100 }),
    deliveryChecks(now),
  ]);
  return [
    waveTokenCheck(keeper, now),
    ...deliveries,
    jiraEventsCheck(keeper, now),
    pollCheck(keeper, now),
    backfillCheck(keeper, now),
    rateLimitCheck(recent.entries, now),
  ];
}
