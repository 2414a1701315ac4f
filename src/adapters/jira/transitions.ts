import { route } from '@forge/api';
import { kvs } from '../storage/kvs';
import { storageKeys } from '../storage/keys';
import type { JiraClient } from './jira-client';

/** Workflows change rarely; an hour-old view is fine and a failed POST refreshes it at once. */
const CACHE_TTL_SECONDS = 60 * 60;

export interface TransitionOption {
  id: string;
  name: string;
  toStatusId: string;
  isAvailable: boolean;
  hasScreen: boolean;
}

/** Transitions depend on where the issue is: its project, issue type and current status. */
export interface WorkflowPosition {
  projectKey: string;
  issueTypeId: string;
  statusId: string;
}

interface CachedTransitions {
  fetchedAt: number;
  transitions: TransitionOption[];
}

const memory = new Map<string, CachedTransitions>();

export function clearTransitionMemoryCache(): void {
  memory.clear();
}

const cacheKey = (position: WorkflowPosition): string =>
  storageKeys.transitions(position.projectKey, position.issueTypeId, position.statusId);

interface TransitionsResponse {
  transitions?: Array<{ id?: string; name?: string; to?: { id?: string }; isAvailable?: boolean; hasScreen?: boolean }>;
}

/** The transitions out of the issue's actual status, from Jira, not cached (the cache is keyed by a believed position). */
export async function fetchTransitions(jira: JiraClient, issueIdOrKey: string): Promise<TransitionOption[]> {
  const response = await jira.request<TransitionsResponse>('GET', route`/rest/api/3/issue/${issueIdOrKey}/transitions`);
  return (response.transitions ?? []).flatMap((t) =>
    t.id && t.to?.id
      ? [
          {
            id: t.id,
            name: t.name ?? t.id,
            toStatusId: t.to.id,
            isAvailable: t.isAvailable ?? true,
            hasScreen: t.hasScreen ?? false,
          },
        ]
      : [],
  );
}

async function readCache(key: string, now: number): Promise<TransitionOption[] | undefined> {
  const fresh = (entry: CachedTransitions | undefined) => entry && now - entry.fetchedAt < CACHE_TTL_SECONDS * 1000;
  const inMemory = memory.get(key);
  if (fresh(inMemory)) return inMemory?.transitions;
  const stored = await kvs.get<CachedTransitions>(key);
  if (!stored || !fresh(stored)) return undefined;
  memory.set(key, stored);
  return stored.transitions;
}

async function writeCache(key: string, transitions: TransitionOption[], now: number): Promise<void> {
  const entry = { fetchedAt: now, transitions };
  memory.set(key, entry);
  await kvs.set(key, entry, { ttl: { value: CACHE_TTL_SECONDS, unit: 'SECONDS' } });
}

/** The transitions out of the issue's status, from the cache when possible. */
export async function listTransitions(
  jira: JiraClient,
  issueIdOrKey: string,
  position: WorkflowPosition,
  options: { now?: () => number } = {},
): Promise<{ transitions: TransitionOption[]; fromCache: boolean }> {
  const now = (options.now ?? Date.now)();
  const key = cacheKey(position);
  const cached = await readCache(key, now);
  if (cached) return { transitions: cached, fromCache: true };
  const transitions = await fetchTransitions(jira, issueIdOrKey);
  await writeCache(key, transitions, now);
  return { transitions, fromCache: false };
}

/** Drops the cached transitions of a position (Jira refused one of them, or the cache proved wrong). */
export async function forgetTransitions(position: WorkflowPosition): Promise<void> {
  const key = cacheKey(position);
  memory.delete(key);
  await kvs.delete(key);
}

export async function postTransition(jira: JiraClient, issueIdOrKey: string, transitionId: string): Promise<void> {
  await jira.request<void>('POST', route`/rest/api/3/issue/${issueIdOrKey}/transitions`, {
    body: { transition: { id: transitionId } },
  });
}
