import * as z from '../../shared/zod';
import { BadRequestError } from '../../shared/errors';
import type { ReceivablesGadgetConfig } from '../../shared/billing-views';

export const MAX_GADGET_PROJECTS = 10;

const configSchema = z.looseObject({
  projectKeys: z
    .array(z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,9}$/)))
    .check(z.minLength(1), z.maxLength(MAX_GADGET_PROJECTS)),
});

/**
 * The gadget's saved configuration (`view.submit`, kept by Jira with the gadget); undefined when it was never
 * configured. Jira keeps whatever the edit view submitted, so it is checked like any input.
 */
export function parseGadgetConfig(configuration: unknown): ReceivablesGadgetConfig | undefined {
  const stored = (configuration ?? {}) as { projectKeys?: unknown };
  if (typeof configuration !== 'object' || stored.projectKeys === undefined) return undefined;
  const parsed = configSchema.safeParse(configuration);
  if (!parsed.success)
    throw new BadRequestError(
      `this gadget's saved settings are not valid (at most ${MAX_GADGET_PROJECTS} Jira project keys); edit the gadget and choose its projects again`,
    );
  return { projectKeys: [...new Set(parsed.data.projectKeys)] };
}
