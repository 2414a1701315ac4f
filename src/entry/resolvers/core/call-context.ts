import * as z from '../../../shared/zod';
import { refuse } from './envelope';

/** What a resolver knows about its caller, from the Forge invocation (not from the payload). */
export interface CallContext {
  accountId: string;
  moduleKey?: string;
  /** The project of a project settings page. */
  projectKey?: string;
}

const contextSchema = z.looseObject({
  accountId: z.optional(z.string().check(z.minLength(1))),
  moduleKey: z.optional(z.string()),
  extension: z.optional(z.looseObject({ project: z.optional(z.looseObject({ key: z.optional(z.string()) })) })),
});

/** Reads the Forge resolver context; a call without a user (e.g. anonymous) is refused. */
export function callContextOf(context: unknown): CallContext {
  const parsed = contextSchema.safeParse(context ?? {});
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  if (!parsed.success || !accountId) {
    throw refuse('FORBIDDEN', 'This call needs a signed-in Jira user. Open the page from Jira and try again.');
  }
  const projectKey = parsed.data.extension?.project?.key;
  return {
    accountId,
    ...(parsed.data.moduleKey ? { moduleKey: parsed.data.moduleKey } : {}),
    ...(projectKey ? { projectKey } : {}),
  };
}
