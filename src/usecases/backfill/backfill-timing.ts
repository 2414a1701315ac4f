/** A running backfill whose record has not moved for this long lost its invocation: it is resumed. */
export const BACKFILL_STALL_MS = 20 * 60_000;
