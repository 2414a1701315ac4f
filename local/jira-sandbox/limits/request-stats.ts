import type { JiraStats } from '../types';

/** Counts REST requests by method, path template and status, for benchmarks. */
export class RequestStats {
  private readonly counts = new Map<string, { method: string; path: string; status: number; count: number }>();
  private validationFailures = 0;

  record(method: string, path: string, status: number): void {
    const key = `${method} ${path} ${status}`;
    const entry = this.counts.get(key) ?? { method, path, status, count: 0 };
    entry.count += 1;
    this.counts.set(key, entry);
  }

  recordValidationFailure(): void {
    this.validationFailures += 1;
  }

  snapshot(): Omit<JiraStats, 'points'> {
    const requests = [...this.counts.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method) || a.status - b.status);
    return {
      total: requests.reduce((sum, entry) => sum + entry.count, 0),
      requests,
      responseValidationFailures: this.validationFailures,
    };
  }

  reset(): void {
    this.counts.clear();
    this.validationFailures = 0;
  }
}
