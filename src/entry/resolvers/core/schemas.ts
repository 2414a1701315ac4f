import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';

/** Input building blocks with messages a Jira admin can act on. */
export const projectKeySchema = v.pipe(
  v.string('choose a Jira project'),
  v.trim(),
  v.regex(
    /^[A-Z][A-Z0-9_]{0,9}$/,
    'must be a Jira project key such as BILL (capital letters, digits or _, starting with a letter)',
  ),
);

export const jiraIdSchema = v.pipe(
  v.string('choose a value'),
  v.regex(/^\d+$/, 'must be a Jira id (digits); pick one from the list'),
);

export const waveStatusSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z_]{1,32}$/, 'must be a Wave invoice status such as PAID'),
);

/** A resolver that takes no input still refuses unexpected fields. */
export const noInput = strictObject({}, 'this call takes no input');

interface WholeNumberRule {
  /** The refusal of anything but a number; the shared English one when not given. */
  notANumber?: string;
  notWhole: string;
  min: number;
  belowMin: string;
  max: number;
  aboveMax: string;
}

/** A whole number from `min` to `max`, each refusal in the admin's words. */
export function wholeNumberSchema(rule: WholeNumberRule) {
  return v.pipe(
    v.number(rule.notANumber),
    v.integer(rule.notWhole),
    v.minValue(rule.min, rule.belowMin),
    v.maxValue(rule.max, rule.aboveMax),
  );
}
