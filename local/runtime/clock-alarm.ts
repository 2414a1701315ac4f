import type { Clock } from '../clock';

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `onAlarm` when the runtime clock reaches a time, as wall time passes. (Jumps of the clock
 * are handled by whoever moves it: they call the owner's due-work check directly.)
 */
export class ClockAlarm {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onAlarm: () => void,
  ) {}

  set(at: number | undefined): void {
    this.clear();
    if (at === undefined) return;
    const delay = Math.min(Math.max(at - this.clock.now(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onAlarm();
    }, delay);
    this.timer.unref();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
