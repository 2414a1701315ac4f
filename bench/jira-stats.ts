import type { JiraStats, JiraStatsEntry } from '../local/jira-sandbox/types';

/** `GET /jira/_sandbox/stats`: requests by method, path template and status since the last reset. */
export async function readJiraStats(baseUrl: string): Promise<JiraStats> {
  const response = await fetch(`${baseUrl}/jira/_sandbox/stats`);
  if (!response.ok) throw new Error(`GET /jira/_sandbox/stats answered ${response.status}`);
  return (await response.json()) as JiraStats;
}

export async function resetJiraStats(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/jira/_sandbox/stats/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST /jira/_sandbox/stats/reset answered ${response.status}`);
}

/** Served by Jira: not refused by a rate limit (429) and not failed (5xx, which the fault injector answers before any work). */
export const isServed = (entry: JiraStatsEntry): boolean => entry.status !== 429 && entry.status < 500;

export function countRequests(stats: JiraStats, filter: (entry: JiraStatsEntry) => boolean = () => true): number {
  return stats.requests.filter(filter).reduce((sum, entry) => sum + entry.count, 0);
}

/** Served requests per endpoint (`METHOD /path/template`). */
export function servedByEndpoint(stats: JiraStats): Map<string, { method: string; path: string; count: number }> {
  const endpoints = new Map<string, { method: string; path: string; count: number }>();
  for (const entry of stats.requests.filter(isServed)) {
    const key = `${entry.method} ${entry.path}`;
    const endpoint = endpoints.get(key) ?? { method: entry.method, path: entry.path, count: 0 };
    endpoint.count += entry.count;
    endpoints.set(key, endpoint);
  }
  return endpoints;
}
