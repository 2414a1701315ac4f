import Resolver from '@forge/resolver';
import { defineGadget } from './gadget-definitions';
import { definePanel } from './panel-definitions';

/**
 * The resolvers of the invoice panel and the receivables gadget (function `billing-resolver-fn`, its own bundle).
 * Each reads Jira as the person viewing; see define-billing.ts.
 */
const resolverInstance = new Resolver();
definePanel(resolverInstance);
defineGadget(resolverInstance);

export const billingResolver = resolverInstance.getDefinitions();
