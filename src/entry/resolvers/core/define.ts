import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { fieldMessages } from '../../../shared/validation';
import { createTimeBudget, type TimeBudget } from '../../../shared/time-budget';
import type { ResolverApi, ResolverName, ResolverResult } from '../api';
import { callContextOf, type CallContext } from './call-context';
import { invalidInput, ok, refuse, toFailure } from './envelope';
import { checkAccess, type Access } from './permission-guard';
import { projectKeySchema } from './schemas';

/** Forge stops resolvers at 25 s; answer well before. */
const RESOLVER_BUDGET_MS = 20_000;

export interface CallScope {
  call: CallContext;
  budget: TimeBudget;
  /** The project a project-admin call is about (from the page's context, else the payload). */
  projectKey: string;
}

export interface Definition<N extends ResolverName, S extends v.GenericSchema> {
  /** Who may call it: Jira admins, or admins of the project the call is about. */
  access: 'jira-admin' | 'project-admin';
  input: S;
  handle(input: v.InferOutput<S>, scope: CallScope): Promise<ResolverApi[N]['result']>;
}

/** The project a call is about: the project settings page's own project wins over the payload. */
function projectOf(call: CallContext, payload: unknown): string {
  const fromPayload =
    typeof payload === 'object' && payload !== null ? (payload as { projectKey?: unknown }).projectKey : undefined;
  const candidate = call.projectKey ?? fromPayload;
  if (candidate === undefined)
    throw refuse('INVALID_INPUT', 'Say which project: open the project settings page or pass projectKey.', {
      projectKey: 'required',
    });
  const parsed = v.safeParse(projectKeySchema, candidate);
  if (!parsed.success) throw invalidInput({ projectKey: parsed.issues[0].message });
  return parsed.output;
}

const registered = new Set<ResolverName>();

/** The resolvers defined so far (tests check that every one refuses a caller without permission). */
export function definedResolverNames(): ResolverName[] {
  return [...registered];
}

/**
 * Registers one resolver: who is calling (from the invocation), whether they may (asked of
 * Jira before anything else, so a refusal never depends on the input), then the input schema,
 * then the handler. Every outcome is a ResolverResult; nothing is thrown to the bridge.
 */
export function define<N extends ResolverName, S extends v.GenericSchema>(
  resolver: Resolver,
  name: N,
  definition: Definition<N, S>,
): void {
  registered.add(name);
  resolver.define(
    name,
    async (request: { payload?: unknown; context?: unknown }): Promise<ResolverResult<ResolverApi[N]['result']>> => {
      try {
        const budget = createTimeBudget({ limitMs: RESOLVER_BUDGET_MS, reserveMs: 1_000 });
        const call = callContextOf(request.context);
        const projectKey = definition.access === 'project-admin' ? projectOf(call, request.payload) : '';
        const access: Access =
          definition.access === 'jira-admin' ? { kind: 'jira-admin' } : { kind: 'project-admin', projectKey };
        await checkAccess(call, access, budget);
        const parsed = v.safeParse(definition.input, request.payload ?? {});
        if (!parsed.success) throw invalidInput(fieldMessages(parsed.issues));
        return ok(await definition.handle(parsed.output, { call, budget, projectKey }));
      } catch (error) {
        return toFailure(error, name);
      }
    },
  );
}
