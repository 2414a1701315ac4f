import * as v from 'valibot';
import { looseObject } from '../../../shared/validation';
import { refuse } from './envelope';

/** What a resolver knows about its caller, from the Forge invocation (not from the payload). */
export interface CallContext {
  accountId: string;
  moduleKey?: string;
  /** The project of a project settings page. */
  projectKey?: string;
}

const contextSchema = looseObject({
  accountId: v.optional(v.pipe(v.string(), v.minLength(1))),
  moduleKey: v.optional(v.string()),
  extension: v.optional(looseObject({ project: v.optional(looseObject({ key: v.optional(v.string()) })) })),
});

/** Reads the Forge resolver context; a call without a user (e.g. anonymous) is refused. */
export function callContextOf(context: unknown): CallContext {
  const parsed = v.safeParse(contextSchema, context ?? {});
  const accountId = parsed.success ? parsed.output.accountId : undefined;
  if (!parsed.success || !accountId) {
    throw refuse('FORBIDDEN', 'This call needs a signed-in Jira user. Open the page from Jira and try again.');
  }
  const projectKey = parsed.output.extension?.project?.key;
  return {
    accountId,
    ...(parsed.output.moduleKey ? { moduleKey: parsed.output.moduleKey } : {}),
    ...(projectKey ? { projectKey } : {}),
  };
}
