import type { RuntimeClock } from '../clock';

/**
 * Calls `listener` after every move of the clock (the runtime's `/_local/clock/advance` steps, tests'
 * `clock.advance`), so time-driven changes (an invoice falling overdue) happen as the clock passes them.
 */
export function afterClockAdvance(clock: RuntimeClock, listener: () => void): void {
  const advance = clock.advance.bind(clock);
  clock.advance = (ms: number) => {
    const now = advance(ms);
    listener();
    return now;
  };
}
