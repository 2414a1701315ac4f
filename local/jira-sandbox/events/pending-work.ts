/** Tracks fire-and-forget work so tests (and shutdown) can wait for it or cancel it. */
export class PendingWork {
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  run(task: () => Promise<void>): void {
    const promise = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  cancel(): void {
    this.controller.abort();
  }
}

/** Waits ms of real time, or less if the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
