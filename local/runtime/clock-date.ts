import type { Clock } from '../clock';

/**
 * Makes `Date.now()` and `new Date()` read the runtime clock, so the app (which, like any Forge app,
 * asks `Date` for the time) lives on the same simulated date as the sandboxes after
 * `/_local/clock/advance`. Returns the function that puts the real `Date` back.
 */
export function installClockAsDate(clock: Clock): () => void {
  const RealDate = globalThis.Date;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clock.now();
    }
  }
  globalThis.Date = ClockDate as DateConstructor;
  return () => {
    if (globalThis.Date === (ClockDate as DateConstructor)) globalThis.Date = RealDate;
  };
}
