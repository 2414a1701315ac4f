import type { z } from 'zod';

/** Bad input to a local control endpoint: every problem, as `path: message`. Nothing was applied. */
export class InvalidInputError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid input: ${issues.join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** The value as the schema reads it, or InvalidInputError naming every bad part. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new InvalidInputError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
  );
}
