import { fixedWindowSeconds, limitBounds, type RunUsage } from '../../../bench/limit-bounds';
import { DEFAULT_JIRA_SETTINGS } from '../../../local/jira-sandbox/settings/sandbox-settings';
import type { JiraStats } from '../../../local/jira-sandbox/types';
import { DEFAULT_RUNTIME_SETTINGS } from '../../../local/runtime/platform-settings';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

describe('a fixed-window quota bound', () => {
  it('is 0 while the first window holds all of it', () => {
    expect(fixedWindowSeconds(4_000, 4_000, MINUTE_MS, 0)).toBe(0);
  });

  it('runs to the start of the last window needed, from a start on a window edge', () => {
    expect(fixedWindowSeconds(4_001, 4_000, MINUTE_MS, 0)).toBe(60);
    expect(fixedWindowSeconds(12_000, 4_000, MINUTE_MS, 0)).toBe(120);
    expect(fixedWindowSeconds(130_000, 65_000, HOUR_MS, 0)).toBe(3_600);
  });

  it('counts the first window from the start to its edge', () => {
    expect(fixedWindowSeconds(4_001, 4_000, MINUTE_MS, 45_000)).toBe(15);
  });
});

function usage(served: Array<[string, string, number]>, kvsWriteUnits: number, points: number): RunUsage {
  const jira = {
    total: 0,
    requests: served.map(([method, path, count]) => ({ method, path, status: 200, count })),
    responseValidationFailures: 0,
    points: { totalSpent: points },
  } as unknown as JiraStats;
  return {
    startMs: 0,
    issues: 10,
    jira,
    kvs: { requests: 0, reads: 0, writes: 0, readUnits: 0, writeUnits: kvsWriteUnits, refused: 0, byOperation: {} },
    queue: { pushes: 0, events: 0, refused: { tooManyEvents: 0, pushTooBig: 0, eventTooBig: 0, rateLimited: 0 } },
    jiraRateLimits: true,
    jiraSettings: DEFAULT_JIRA_SETTINGS,
    runtimeSettings: DEFAULT_RUNTIME_SETTINGS,
  };
}

describe("each limit's bound on a run", () => {
  it("names Jira's burst limit when an endpoint's bucket binds", () => {
    const bounds = limitBounds(usage([['PUT', '/rest/api/3/issue/{issueIdOrKey}', 550]], 100, 100));
    expect(bounds.bounds.jiraBurst).toBe(10);
    // 55 writes per issue: two 20-per-2 s windows past the first.
    expect(bounds.bounds.jiraPerIssue).toBe(4);
    expect(bounds.seconds).toBe(10);
    expect(bounds.bindingLimit).toBe('jiraBurst: PUT /rest/api/3/issue/{issueIdOrKey} (550 at 50/s)');
  });

  it('names the KVS write quota when the app writes more than a minute holds', () => {
    const bounds = limitBounds(usage([['GET', '/rest/api/3/myself', 10]], 9_000, 100));
    expect(bounds.bounds.kvsWrites).toBe(120);
    expect(bounds.bindingLimit).toBe('kvsWrites: 9000 write units at 4000/min');
  });

  it('names the points quota when the hour runs out', () => {
    const bounds = limitBounds(usage([], 0, 70_000));
    expect(bounds.bounds.jiraPoints).toBe(3_600);
    expect(bounds.bindingLimit).toBe('jiraPoints: 70000 points at 65000/h');
  });
});
