import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { fieldMessages } from '../../../shared/validation';
import { createTimeBudget } from '../../../shared/time-budget';
import { viewerOf, type Viewer } from '../../../usecases/billing-views/viewer';
import type { ResolverResult } from '../api';
import { invalidInput, ok, toFailure } from '../core/envelope';
import type { BillingApi, BillingCallName } from './api';
import { billingCallOf, type BillingCall, type BillingPlace } from './billing-context';

/** Forge stops resolvers at 25 s; answer well before. */
const RESOLVER_BUDGET_MS = 20_000;

export interface BillingDefinition<N extends BillingCallName, S extends v.GenericSchema> {
  /** Where the call must come from: an issue's panel or a dashboard gadget. */
  place: BillingPlace;
  input: S;
  handle(input: v.InferOutput<S>, call: BillingCall, viewer: Viewer): Promise<BillingApi[N]['result']>;
}

const registered = new Set<BillingCallName>();

/** The billing resolvers defined so far (tests check each one refuses a caller without a user). */
export function definedBillingCalls(): BillingCallName[] {
  return [...registered];
}

/**
 * Registers one billing resolver: who is calling and from where (Jira's context), the input, then the use case,
 * which reads Jira as the caller, so what they may not browse never shows. Every outcome is a ResolverResult.
 */
export function defineBilling<N extends BillingCallName, S extends v.GenericSchema>(
  resolver: Resolver,
  name: N,
  definition: BillingDefinition<N, S>,
): void {
  registered.add(name);
  resolver.define(
    name,
    async (request: { payload?: unknown; context?: unknown }): Promise<ResolverResult<BillingApi[N]['result']>> => {
      try {
        const call = billingCallOf(request.context, definition.place);
        const parsed = v.safeParse(definition.input, request.payload ?? {});
        if (!parsed.success) throw invalidInput(fieldMessages(parsed.issues));
        const viewer = viewerOf(call.accountId, createTimeBudget({ limitMs: RESOLVER_BUDGET_MS, reserveMs: 1_000 }));
        return ok(await definition.handle(parsed.output, call, viewer));
      } catch (error) {
        return toFailure(error, name);
      }
    },
  );
}
