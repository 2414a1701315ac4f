import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { parseInput } from './sandbox-input';

/** `POST /_sandbox/faults`: make the next GraphQL requests fail as an unavailable or rate-limited Wave would. */
export const faultsInput = z.strictObject({
  graphql: z.strictObject({
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    /** How many requests fail; `null` until cleared with `times: 0`. */
    times: z.number().int().min(0).nullable(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  }),
});

/**
 * Counts the GraphQL requests the sandbox serves (the poll's cost is measured in them) and fails the next ones
 * on request: an outage answers 503/5xx with Wave's error body, a rate limit 429 with `Retry-After`.
 */
export class GraphqlTraffic {
  private served = 0;
  private failing: { status: number; left: number | null; retryAfterSeconds?: number } | undefined;

  get requests(): number {
    return this.served;
  }

  reset(): void {
    this.served = 0;
  }

  setFaults(input: unknown): { graphql: { status: number; times: number | null } | null } {
    const { graphql } = parseInput(faultsInput, input, '');
    this.failing =
      graphql.times === 0
        ? undefined
        : {
            status: graphql.status,
            left: graphql.times,
            ...(graphql.retryAfterSeconds !== undefined ? { retryAfterSeconds: graphql.retryAfterSeconds } : {}),
          };
    return this.faults();
  }

  faults(): { graphql: { status: number; times: number | null } | null } {
    return { graphql: this.failing ? { status: this.failing.status, times: this.failing.left } : null };
  }

  /** Express middleware in front of `/graphql/public`. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    this.served += 1;
    const fault = this.failing;
    if (!fault) return next();
    if (fault.left !== null) {
      fault.left -= 1;
      if (fault.left <= 0) this.failing = undefined;
    }
    if (fault.retryAfterSeconds !== undefined) res.set('retry-after', String(fault.retryAfterSeconds));
    const code = fault.status === 429 ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE';
    res.status(fault.status).json({ errors: [{ message: 'Wave is not available right now.', extensions: { code } }] });
  };
}
