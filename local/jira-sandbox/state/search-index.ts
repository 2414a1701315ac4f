import type { Clock } from '../../clock';
import type { StoredIssue } from './records';

interface Version {
  /** Runtime-clock time of the write; -Infinity for the state before the first remembered write. */
  at: number;
  /** The issue after the write; undefined once deleted (or before it was created). */
  issue: StoredIssue | undefined;
}

/**
 * Jira's search index, which lags behind writes: a search sees each issue as it was `lagMs` ago
 * (created, changed or deleted since then: not yet). Only issues written within the lag keep
 * versions; stored issues are never mutated (see JiraState), so versions are shared, not copied.
 */
export class SearchIndex {
  private readonly versions = new Map<string, Version[]>();

  constructor(
    private readonly clock: Clock,
    private readonly lagMs: () => number,
  ) {}

  /** Called for every committed write of an issue (before: its previous state, after: its new one). */
  record(id: string, before: StoredIssue | undefined, after: StoredIssue | undefined): void {
    if (this.lagMs() <= 0) {
      this.versions.delete(id);
      return;
    }
    const list = this.versions.get(id) ?? [{ at: -Infinity, issue: before }];
    list.push({ at: this.clock.now(), issue: after });
    this.versions.set(id, list);
    this.settleOne(id, list, this.clock.now() - this.lagMs());
  }

  /**
   * The issues a search sees now: `current` (every stored issue) as of the lag, except the ids in
   * `reconciled`, which are read as they are now (Jira's `reconcileIssues`).
   */
  visible(current: StoredIssue[], reconciled: ReadonlySet<string>): StoredIssue[] {
    this.settle();
    const seen: StoredIssue[] = [];
    for (const issue of current) {
      const indexed = reconciled.has(issue.id) ? issue : this.indexedVersion(issue.id, issue);
      if (indexed) seen.push(indexed);
    }
    const currentIds = new Set(current.map((issue) => issue.id));
    for (const id of this.versions.keys()) {
      if (currentIds.has(id) || reconciled.has(id)) continue;
      const indexed = this.indexedVersion(id, undefined);
      if (indexed) seen.push(indexed);
    }
    return seen;
  }

  private indexedVersion(id: string, current: StoredIssue | undefined): StoredIssue | undefined {
    const list = this.versions.get(id);
    if (!list) return current;
    const cutoff = this.clock.now() - this.lagMs();
    return list[lastIndexAtOrBefore(list, cutoff)]?.issue;
  }

  /** Forgets what the index has caught up with: an issue whose last write is older than the lag reads as it is. */
  private settle(): void {
    const cutoff = this.clock.now() - Math.max(0, this.lagMs());
    for (const [id, list] of this.versions) this.settleOne(id, list, cutoff);
  }

  /** Keeps only the version the index shows now and the newer ones (none, once it has caught up). */
  private settleOne(id: string, list: Version[], cutoff: number): void {
    const caughtUp = lastIndexAtOrBefore(list, cutoff);
    if (caughtUp === list.length - 1) this.versions.delete(id);
    else if (caughtUp > 0) list.splice(0, caughtUp);
  }
}

function lastIndexAtOrBefore(list: Version[], cutoff: number): number {
  let index = list.length - 1;
  while (index >= 0 && (list[index] as Version).at > cutoff) index -= 1;
  return index;
}
