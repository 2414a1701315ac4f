import { latestDeliveries, type DeliveryRecord } from '../../../adapters/storage/activity-log';
import { refusalsSince, type RefusalWindow } from '../../../adapters/storage/refusal-log';
import { secretsStatus } from '../../../adapters/storage/secrets';
import type { HealthCheckView } from '../api';
import { roughDuration } from './format';

const HOUR_MS = 60 * 60_000;
const SECRET_WHERE = 'Webhooks → Signing secret';

/** Refusals of the last hour, as one signal. */
interface RecentRefusals {
  total: number;
  firstAt: number;
  lastAt: number;
  /** The most frequent reason. */
  reason: string;
  /**
   * Refusals of signed requests (a signature that does not match, a timestamp out of tolerance): Wave signs every
   * delivery, so these can be Wave's own, sent with another secret. Unsigned requests never are.
   */
  signed: number;
  /** When the signed refusals began (in the windows read), and their most frequent reason. */
  signedSince?: number;
  signedReason?: string;
}

const SIGNED_REASONS = new Set([
  'signature_mismatch',
  'timestamp_too_old',
  'timestamp_in_future',
  'no_secret_configured',
]);

function recentRefusals(windows: RefusalWindow[], now: number): RecentRefusals | undefined {
  const recent = windows.filter((window) => window.lastAt >= now - HOUR_MS);
  if (recent.length === 0) return undefined;
  const byReason = new Map<string, number>();
  const signedStarts: number[] = [];
  for (const window of recent) {
    for (const [reason, count] of Object.entries(window.counts)) {
      byReason.set(reason, (byReason.get(reason) ?? 0) + count);
      const startedAt = window.firstAtByReason?.[reason];
      if (SIGNED_REASONS.has(reason) && startedAt !== undefined) signedStarts.push(startedAt);
    }
  }
  const ranked = [...byReason].sort((a, b) => b[1] - a[1]);
  const [reason = 'signature_mismatch'] = ranked[0] ?? [];
  const [signedReason] = ranked.find(([name]) => SIGNED_REASONS.has(name)) ?? [];
  return {
    total: recent.reduce((sum, window) => sum + window.total, 0),
    firstAt: Math.min(...recent.map((window) => window.firstAt)),
    lastAt: Math.max(...recent.map((window) => window.lastAt)),
    reason,
    signed: [...byReason].filter(([name]) => SIGNED_REASONS.has(name)).reduce((sum, [, count]) => sum + count, 0),
    ...(signedStarts.length > 0 ? { signedSince: Math.min(...signedStarts) } : {}),
    ...(signedReason ? { signedReason } : {}),
  };
}

/** Wave's own deliveries are refused: signed refusals, and nothing accepted since they began. */
function waveIsRefused(refusals: RecentRefusals | undefined, lastAccepted: DeliveryRecord | undefined): boolean {
  if (refusals === undefined || refusals.signed === 0) return false;
  return !lastAccepted || lastAccepted.receivedAt < (refusals.signedSince ?? refusals.firstAt);
}

/** What refusals of this kind most likely mean, and what fixes them. */
function likelyCause(reason: string): { cause: string; fix: string } {
  switch (reason) {
    case 'signature_mismatch':
      return {
        cause: 'the signing secret in Wave does not match the one set here',
        fix: `Copy the secret again from ${SECRET_WHERE} into the webhook's settings in Wave's developer portal (or set the one Wave shows here).`,
      };
    case 'missing_header':
    case 'malformed_header':
      return {
        cause: 'they arrive without a valid x-wave-signature',
        fix: `Check that the webhook in Wave's developer portal has the signing secret from ${SECRET_WHERE}.`,
      };
    case 'timestamp_too_old':
    case 'timestamp_in_future':
    case 'timestamp_header_invalid':
      return {
        cause: "their signatures are dated more than five minutes from the app's clock",
        fix: 'Deliveries that wait too long in a relay are refused; send them straight from Wave.',
      };
    case 'no_secret_configured':
      return { cause: 'no signing secret is set here', fix: `Set one under ${SECRET_WHERE}, and the same in Wave.` };
    default:
      return {
        cause: 'they are not deliveries the app can accept',
        fix: 'See Activity → Refused requests for examples.',
      };
  }
}

export function signingSecretCheck(
  status: Awaited<ReturnType<typeof secretsStatus>>,
  refusals: RecentRefusals | undefined,
  lastAccepted: DeliveryRecord | undefined,
  now: number,
): HealthCheckView {
  const base = { key: 'signing-secret', label: 'Webhook signing secret' } as const;
  if (!status.webhookSigningSecretSet) {
    return {
      ...base,
      level: 'red',
      summary: 'No signing secret: every delivery is refused.',
      action: `Set a signing secret under ${SECRET_WHERE} and the same one in Wave.`,
    };
  }
  if (waveIsRefused(refusals, lastAccepted) && refusals?.signedReason === 'signature_mismatch') {
    return {
      ...base,
      level: 'red',
      summary: "Set, but Wave's deliveries do not match it: every one in the last hour was refused.",
      action: likelyCause(refusals.signedReason).fix,
    };
  }
  const until = status.previousSigningSecretValidUntil;
  if (until !== undefined && until > now) {
    return {
      ...base,
      level: 'amber',
      summary: `Rotating: the previous secret is still accepted for ${roughDuration(until - now)}.`,
      action: "Put the new secret in Wave's webhook settings before then.",
    };
  }
  return { ...base, level: 'green', summary: 'Set.' };
}

/**
 * The last delivery Wave's webhooks brought (signed: refusals are counted apart, so an outsider's noise cannot hide
 * a failure), and refusals as a signal of their own: red when they continue and nothing was accepted since they
 * began (the secret most likely differs from Wave's), amber when accepted deliveries keep arriving beside them.
 */
export function lastDeliveryCheck(
  lastAccepted: DeliveryRecord | undefined,
  refusals: RecentRefusals | undefined,
  now: number,
): HealthCheckView {
  const base = { key: 'last-delivery', label: 'Last delivery' } as const;
  if (refusals && waveIsRefused(refusals, lastAccepted)) {
    const { cause, fix } = likelyCause(refusals.signedReason ?? refusals.reason);
    return {
      ...base,
      level: 'red',
      summary: `Every delivery in the last hour was refused (${refusals.total}, the last ${roughDuration(now - refusals.lastAt)} ago): ${cause}.`,
      action: `${fix} Wave retries refused deliveries, so nothing is lost once they match; the five-minute poll keeps Jira current meanwhile.`,
    };
  }
  if (!lastAccepted) {
    const noise = refusals ? ` ${refusals.total} unsigned requests were refused in the last hour.` : '';
    return {
      ...base,
      level: 'amber',
      summary: `No delivery from Wave yet (the five-minute poll keeps Jira current meanwhile).${noise}`,
      action: 'Register the webhook URL in Wave\'s developer portal (Wave Pro), then use "Send test event".',
    };
  }
  const ago = `${roughDuration(now - lastAccepted.receivedAt)} ago`;
  const noise = refusals
    ? ` Beside it, ${refusals.total} unsigned or wrongly signed ${refusals.total === 1 ? 'request was' : 'requests were'} refused in the last hour; they changed nothing.`
    : '';
  if (lastAccepted.outcome === 'failed') {
    return {
      ...base,
      level: 'red',
      summary: `Failed ${ago}: ${lastAccepted.reason ?? 'no reason recorded'}`,
      action: 'Fix the cause, then replay it under Activity (Wave also retries).',
    };
  }
  if (lastAccepted.outcome === 'rejected') {
    return {
      ...base,
      level: 'amber',
      summary: `Refused ${ago}: ${lastAccepted.reason ?? 'no reason recorded'}`,
      action: 'The delivery was signed but not one the app can read; see Activity.',
    };
  }
  const number = lastAccepted.invoiceNumber ? ` (invoice ${lastAccepted.invoiceNumber})` : '';
  const summary = `${lastAccepted.outcome[0]?.toUpperCase()}${lastAccepted.outcome.slice(1)} ${ago}${number}.`;
  if (refusals) {
    return {
      ...base,
      level: 'amber',
      summary: `${summary}${noise}`,
      action:
        'Someone is sending requests to the webhook URL without the secret. Nothing needs fixing; if it is one of your tools, give it the secret.',
    };
  }
  return { ...base, level: 'green', summary };
}

/** The two checks about deliveries: the signing secret, and the last delivery. */
export async function deliveryChecks(now: number): Promise<HealthCheckView[]> {
  const [status, windows, webhooks] = await Promise.all([
    secretsStatus(),
    refusalsSince(now - HOUR_MS, now),
    latestDeliveries({ source: 'webhook', limit: 1 }),
  ]);
  const refusals = recentRefusals(windows, now);
  const [lastAccepted] = webhooks.entries;
  return [signingSecretCheck(status, refusals, lastAccepted, now), lastDeliveryCheck(lastAccepted, refusals, now)];
}
