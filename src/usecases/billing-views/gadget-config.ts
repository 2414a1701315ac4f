import * as v from 'valibot';
import { looseObject } from '../../shared/validation';
import { BadRequestError } from '../../shared/errors';
import type { ReceivablesGadgetConfig } from '../../shared/billing-views';

export const MAX_GADGET_PROJECTS = 10;

const configSchema = looseObject({
  projectKeys: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[A-Z][A-Z0-9_]{0,9}$/))),
    v.minLength(1),
    v.maxLength(MAX_GADGET_PROJECTS),
  ),
});

/**
 * The gadget's saved configuration (`view.submit`, kept by Jira with the gadget); undefined when it was never
 * configured. Jira keeps whatever the edit view submitted, so it is checked like any input.
 */
export function parseGadgetConfig(configuration: unknown): ReceivablesGadgetConfig | undefined {
  const stored = (configuration ?? {}) as { projectKeys?: unknown };
  if (typeof configuration !== 'object' || stored.projectKeys === undefined) return undefined;
  const parsed = v.safeParse(configSchema, configuration);
  if (!parsed.success)
    throw new BadRequestError(
      `this gadget's saved settings are not valid (at most ${MAX_GADGET_PROJECTS} Jira project keys); edit the gadget and choose its projects again`,
    );
  return { projectKeys: [...new Set(parsed.output.projectKeys)] };
}
