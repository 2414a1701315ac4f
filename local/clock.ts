/**
 * The runtime clock: one source of "now" for the local Forge runtime and every sandbox
 * (token and webhook expiry, rate-limit windows, scheduled triggers, KVS TTLs).
 * It follows wall time, plus whatever offset `advance` has added, so a test can jump
 * 40 days ahead without waiting while everything time-based agrees on the date.
 */
export interface Clock {
  now(): number;
}

/** Captured at load, before anything may point the global Date at a RuntimeClock. */
const realNow = Date.now.bind(Date);

export class RuntimeClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly wallClock: () => number = realNow) {}

  now(): number {
    return this.wallClock() + this.offsetMs;
  }

  /** Moves the clock forward; returns the new time. Negative moves are refused. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward: ms must be a number >= 0');
    this.offsetMs += ms;
    return this.now();
  }

  /** The offset is kept so a restart resumes at the same simulated date. */
  get offset(): number {
    return this.offsetMs;
  }

  restoreOffset(offsetMs: number): void {
    this.offsetMs = Math.max(0, offsetMs);
  }
}
