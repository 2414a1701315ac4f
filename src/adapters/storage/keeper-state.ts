import { kvs } from '@forge/kvs';
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

export interface SweepKeeping {
  /** Per kind: Wave changes up to this time (epoch ms) are applied. */
  appliedUpToMs: Partial<Record<WaveLinkKind, number>>;
  lastStartedAt?: number;
  /** When a sweep last caught up with everything Wave reported. */
  lastCompletedAt?: number;
  /** Repairs made by the last completed sweep. */
  lastRepairs?: number;
  /** Repairs made so far by the sweep in progress (it may span invocations). */
  repairsInProgress?: number;
  totalRepairs?: number;
  /** True while Wave refuses `modifiedAtAfter` and the sweep walks newest-first instead. */
  usesFallback?: boolean;
  /** A record the sweep failed on: retried first; skipped after a few failures so it blocks nothing. */
  stuck?: { kind: WaveLinkKind; id: string; failures: number };
  lastProblem?: KeeperProblem;
}

interface KeeperParts {
  'wave-token': WaveTokenKeeping;
  'jira-events': JiraEventsKeeping;
  sweep: SweepKeeping;
}

const EMPTY: { [P in keyof KeeperParts]: () => KeeperParts[P] } = {
  'wave-token': () => ({}),
  'jira-events': () => ({ webhooks: [] }),
  sweep: () => ({ appliedUpToMs: {} }),
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
