import * as v from 'valibot';
import { looseObject } from '../../../shared/validation';
import { callContextOf } from '../core/call-context';
import { refuse } from '../core/envelope';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,9}-[1-9]\d{0,9}$/;

const extensionSchema = looseObject({
  extension: v.optional(
    looseObject({
      type: v.optional(v.string()),
      issue: v.optional(looseObject({ key: v.optional(v.string()) })),
      gadgetConfiguration: v.optional(v.unknown()),
    }),
  ),
});

/** Where a billing call comes from, as Jira tells it (never the payload): who, and which issue or gadget. */
export interface BillingCall {
  accountId: string;
  /** The issue an issue context is shown on. */
  issueKey?: string;
  /** A gadget's saved configuration. */
  gadgetConfiguration?: unknown;
}

export type BillingPlace = 'issue' | 'gadget';

const WHERE: Record<BillingPlace, string> = {
  issue: 'Open the Wave invoice panel on a Jira issue.',
  gadget: 'Open the receivables gadget on a Jira dashboard.',
};

/** The call's context; a call without a user, or from elsewhere than `place`, is refused. */
export function billingCallOf(context: unknown, place: BillingPlace): BillingCall {
  const { accountId } = callContextOf(context);
  const parsed = v.safeParse(extensionSchema, context ?? {});
  const extension = parsed.success ? parsed.output.extension : undefined;
  if (place === 'issue') {
    const issueKey = extension?.issue?.key;
    if (extension?.type !== 'jira:issueContext' || !issueKey || !ISSUE_KEY.test(issueKey))
      throw refuse('INVALID_INPUT', WHERE.issue);
    return { accountId, issueKey };
  }
  if (extension?.type !== 'jira:dashboardGadget') throw refuse('INVALID_INPUT', WHERE.gadget);
  return { accountId, gadgetConfiguration: extension.gadgetConfiguration };
}
