import { kvs } from './kvs';
import type { KindPoll } from '../../domain/poll/change-walk';
import { storageKeys, type WaveLinkKind } from './keys';

/**
 * What the scheduled keeper remembers between runs, one KVS key per job so the jobs never
 * overwrite each other's part. Only times, counts, ids and messages safe to show: no secrets.
 */

export interface KeeperProblem {
  at: number;
  /** Safe to show an admin. */
  message: string;
}

export interface WaveTokenKeeping {
  lastCheckAt?: number;
  lastRefreshAt?: number;
  lastProblem?: KeeperProblem;
}

/** Where Jira issue events come from: dynamic webhooks the app keeps alive, or the Forge trigger alone. */
export type JiraEventSource = 'dynamic-webhooks' | 'forge-trigger';

export interface KeptJiraWebhook {
  id: number;
  /** Epoch ms. */
  expiresAt?: number;
}

export interface JiraEventsKeeping {
  source?: JiraEventSource;
  webhooks: KeptJiraWebhook[];
  lastCheckAt?: number;
  lastRefreshAt?: number;
  lastRegisteredAt?: number;
  lastProblem?: KeeperProblem;
}

/** The five-minute poll of one Wave business (per kind: where its walk through Wave's changes stands). */
export interface BusinessPoll {
  kinds: Partial<Record<WaveLinkKind, KindPoll>>;
  /** As Wave names it (read with the poll's first request). */
  businessName?: string;
  lastRunAt?: number;
  /** When a run last caught up with every change Wave listed. */
  lastCompletedAt?: number;
  /** Changes the last completed run applied, and all so far. */
  lastChanges?: number;
  totalChanges?: number;
  /** Changes applied so far by a run that has not caught up yet. */
  changesInProgress?: number;
  /** A record the poll failed on: retried first; skipped after a few failures so it blocks nothing. */
  stuck?: { kind: WaveLinkKind; id: string; failures: number; modifiedAt: string };
  lastProblem?: KeeperProblem;
}

export interface PollKeeping {
  /** Per Wave business (global id). */
  businesses: Record<string, BusinessPoll>;
}

interface KeeperParts {
  'wave-token': WaveTokenKeeping;
  'jira-events': JiraEventsKeeping;
  poll: PollKeeping;
}

const EMPTY: { [P in keyof KeeperParts]: () => KeeperParts[P] } = {
  'wave-token': () => ({}),
  'jira-events': () => ({ webhooks: [] }),
  poll: () => ({ businesses: {} }),
};

export async function getKeeperState<P extends keyof KeeperParts>(part: P): Promise<KeeperParts[P]> {
  return (await kvs.get<KeeperParts[P]>(storageKeys.keeperState(part))) ?? EMPTY[part]();
}

export async function saveKeeperState<P extends keyof KeeperParts>(part: P, value: KeeperParts[P]): Promise<void> {
  await kvs.set(storageKeys.keeperState(part), value);
}

/** Reads, changes and saves one part (its jobs run under a lock or alone, so no merge is needed). */
export async function updateKeeperState<P extends keyof KeeperParts>(
  part: P,
  change: (current: KeeperParts[P]) => KeeperParts[P],
): Promise<KeeperParts[P]> {
  const next = change(await getKeeperState(part));
  await saveKeeperState(part, next);
  return next;
}
