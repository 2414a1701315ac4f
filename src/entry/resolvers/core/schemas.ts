import * as z from '../../../shared/zod';

/** Input building blocks with messages a Jira admin can act on. */
export const projectKeySchema = z
  .string({ error: 'choose a Jira project' })
  .check(
    z.trim(),
    z.regex(
      /^[A-Z][A-Z0-9_]{0,9}$/,
      'must be a Jira project key such as BILL (capital letters, digits or _, starting with a letter)',
    ),
  );

export const jiraIdSchema = z
  .string({ error: 'choose a value' })
  .check(z.regex(/^\d+$/, 'must be a Jira id (digits); pick one from the list'));

export const waveStatusSchema = z
  .string()
  .check(z.regex(/^[A-Z_]{1,32}$/, 'must be a Wave invoice status such as PAID'));

/** A resolver that takes no input still refuses unexpected fields. */
export const noInput = z.strictObject({}, { error: 'this call takes no input' });

interface WholeNumberRule {
  /** The refusal of anything but a number; zod's own when not given. */
  notANumber?: string;
  notWhole: string;
  min: number;
  belowMin: string;
  max: number;
  aboveMax: string;
}

/** A whole number from `min` to `max`, each refusal in the admin's words. */
export function wholeNumberSchema(rule: WholeNumberRule) {
  return z
    .number(rule.notANumber === undefined ? undefined : { error: rule.notANumber })
    .check(
      z.refine(Number.isInteger, rule.notWhole),
      z.minimum(rule.min, rule.belowMin),
      z.maximum(rule.max, rule.aboveMax),
    );
}
