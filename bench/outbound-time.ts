import diagnostics_channel from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

interface UndiciRequest {
  origin?: string;
  path?: string;
}

/**
 * Records when this process's `fetch` calls to the given path prefixes (e.g. `/jira/`, `/wave/`) start and
 * finish (undici's diagnostics channels), so their time can be taken out of a measurement.
 */
export function recordOutboundTime(prefixes: readonly string[]) {
  const started = new WeakMap<object, number>();
  const intervals: Array<[number, number]> = [];
  const matches = (request: UndiciRequest) => prefixes.some((prefix) => request.path?.startsWith(prefix));
  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    if (matches(request)) started.set(request, performance.now());
  };
  const onDone = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    const start = started.get(request);
    if (start === undefined) return;
    started.delete(request);
    intervals.push([start, performance.now()]);
  };
  diagnostics_channel.subscribe('undici:request:create', onCreate);
  diagnostics_channel.subscribe('undici:request:trailers', onDone);
  diagnostics_channel.subscribe('undici:request:error', onDone);
  return {
    /** Time covered by at least one recorded request between `from` and `to` (overlaps counted once), ms. */
    within(from: number, to: number): number {
      const clipped = intervals
        .map(([start, end]): [number, number] => [Math.max(start, from), Math.min(end, to)])
        .filter(([start, end]) => end > start)
        .sort((a, b) => a[0] - b[0]);
      let total = 0;
      let reach = from;
      for (const [start, end] of clipped) {
        if (end <= reach) continue;
        total += end - Math.max(start, reach);
        reach = end;
      }
      return total;
    },
    clear(): void {
      intervals.length = 0;
    },
    stop(): void {
      diagnostics_channel.unsubscribe('undici:request:create', onCreate);
      diagnostics_channel.unsubscribe('undici:request:trailers', onDone);
      diagnostics_channel.unsubscribe('undici:request:error', onDone);
    },
  };
}
